import { sealData } from 'iron-session';
import { describe, expect, it } from 'vitest';
import { createSealReader, sealSession } from './seal';

const p1 = 'one-'.repeat(8);
const p2 = 'two-'.repeat(8);
// Long enough that random seal bytes cannot contain it by chance.
const user = { id: 'a-recognisable-user-id', role: 'admin' as const, tokenVersion: 3 };

describe('sealSession and createSealReader', () => {
  it('seals the session object and opens it again', async () => {
    const settings = { passwords: { '1': p1 }, ttl: 3600 };
    const { seal, session } = await sealSession(settings, user);
    expect(seal).not.toContain(user.id);
    expect(await createSealReader(settings)(seal)).toEqual({ ok: true, session });
    expect(session).toMatchObject({ uid: user.id, role: 'admin', ver: 3 });
    expect(session.exp - session.iat).toBe(3600);
  });

  it('seals with the highest-numbered password and opens seals of older ones', async () => {
    const old = await sealSession({ passwords: { '1': p1 }, ttl: 3600 }, user);
    const rotated = { passwords: { '2': p2, '1': p1 }, ttl: 3600 };
    const fresh = await sealSession(rotated, user);
    const read = createSealReader(rotated);
    expect((await read(old.seal)).ok).toBe(true);
    expect((await read(fresh.seal)).ok).toBe(true);
    // Once password 1 is retired, its seals no longer open.
    expect((await createSealReader({ passwords: { '2': p2 }, ttl: 3600 })(old.seal)).ok).toBe(
      false,
    );
    expect((await createSealReader({ passwords: { '1': p1 }, ttl: 3600 })(fresh.seal)).ok).toBe(
      false,
    );
  });

  it('treats a tampered or truncated seal as no session, never an exception', async () => {
    const settings = { passwords: { '1': p1 }, ttl: 3600 };
    const { seal } = await sealSession(settings, user);
    const read = createSealReader(settings);
    const flipped = seal.replace(
      /\*([A-Za-z0-9_-])/,
      (_, c: string) => `*${c === 'A' ? 'B' : 'A'}`,
    );
    for (const bad of [flipped, seal.slice(0, seal.length / 2), 'garbage', '', `${seal}x`]) {
      expect((await read(bad)).ok).toBe(false);
    }
  });

  it('refuses a seal past its lifetime', async () => {
    const settings = { passwords: { '1': p1 }, ttl: 1 };
    const { seal } = await sealSession(settings, user, new Date(Date.now() - 10_000));
    expect((await createSealReader(settings)(seal)).ok).toBe(false);
  });

  it('refuses a sealed object that is not a session of ours', async () => {
    const settings = { passwords: { '1': p1 }, ttl: 3600 };
    const foreign = await sealData(
      { uid: 'u1', role: 'root' },
      { password: settings.passwords, ttl: 3600 },
    );
    expect((await createSealReader(settings)(foreign)).ok).toBe(false);
  });

  it('cannot seal with a password under 32 characters', async () => {
    await expect(sealSession({ passwords: { '1': 'short' }, ttl: 3600 }, user)).rejects.toThrow();
  });
});
