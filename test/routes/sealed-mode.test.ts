import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appClient,
  AUTH_COOKIES,
  bearerHeader,
  cookieHeader,
  expectError,
  setCookieFor,
  useAppServer,
} from '../support/http';
import { startAppServer, type AppServer } from '../support/server';
import { PASSWORD } from '../support/users';

// Sealed-cookie mode through the real API of production builds: revocation at logout (and the
// setting that turns it off), tampering, password rotation across restarts, and the refusal to
// issue a cookie over the 4096-byte limit.

const SEALED = AUTH_COOKIES.sealed;

const sealPassword = (): string => randomBytes(32).toString('base64url');
const asSealed = (seal: string) => cookieHeader(SEALED, seal);

// A different base64url character at the same place.
function flipAt(value: string, index: number): string {
  const swapped = value[index] === 'A' ? 'B' : 'A';
  return `${value.slice(0, index)}${swapped}${value.slice(index + 1)}`;
}

describe('sealed mode, revocation on (the default)', () => {
  const api = appClient(useAppServer());

  it('sets ll_sealed, an HttpOnly cookie holding an iron seal, and /api/me says sealed', async () => {
    const { email } = await api.signUp('sealed');
    const { res, value } = await api.logIn(email, 'sealed');

    expect(await res.json()).toMatchObject({ mode: 'sealed', user: { email } });
    const line = setCookieFor(res, SEALED)!;
    expect(line.toLowerCase()).toContain('httponly');
    expect(value).toMatch(/^Fe26\.2\*1\*/);
    expect(value).not.toContain(email);
    await api.expectMe(asSealed(value), {
      mode: 'sealed',
      source: 'cookie',
      user: { email },
    });
  });

  it('refuses a copy of the cookie replayed after logout with 401 TOKEN_REVOKED', async () => {
    const { email } = await api.signUp('replay');
    const { value } = await api.logIn(email, 'sealed');
    const out = await api.send('/api/auth/logout', { method: 'POST', headers: asSealed(value) });
    expect(out.status).toBe(200);

    await expectError(await api.me(asSealed(value)), 401, 'TOKEN_REVOKED');
  });

  it('refuses a tampered or truncated seal with 401, and keeps serving everyone else', async () => {
    const { email } = await api.signUp('tamper');
    const { value } = await api.logIn(email, 'sealed');
    const parts = value.split('*');
    const startOf = (part: number) => parts.slice(0, part).join('*').length + 1;
    const variants = [
      ['a flipped character in the middle', flipAt(value, Math.floor(value.length / 2))],
      ['a flipped character in the salt', flipAt(value, startOf(2))],
      ['a flipped character in the ciphertext', flipAt(value, startOf(4) + 5)],
      ['a flipped character in the HMAC', flipAt(value, startOf(7) + 5)],
      ['cut in half', value.slice(0, Math.floor(value.length / 2))],
      ['without its last character', value.slice(0, -1)],
      ['with a version suffix that only parseInt would read', `${value}x`],
    ] as const;
    for (const [label, tampered] of variants) {
      expect(tampered, label).not.toBe(value);
      const res = await api.me(asSealed(tampered));
      expect(res.status, label).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code, label).toBe(
        'TOKEN_INVALID',
      );
    }

    await api.expectMe(asSealed(value), { mode: 'sealed', user: { email } });
    expect((await api.send('/api/health')).status).toBe(200);
  });
});

describe('sealed mode with SEALED_REVOCATION=off', () => {
  const api = appClient(useAppServer({ SEALED_REVOCATION: 'off' }));

  it('accepts the cookie replayed after logout, as a purely stateless seal must', async () => {
    const { email } = await api.signUp('stateless');
    const { value } = await api.logIn(email, 'sealed');
    const out = await api.send('/api/auth/logout', { method: 'POST', headers: asSealed(value) });
    expect(out.status).toBe(200);
    expect(setCookieFor(out, SEALED)).toMatch(/Max-Age=0/i);

    await api.expectMe(asSealed(value), { mode: 'sealed', user: { email } });
  });
});

describe('seal password rotation across restarts on the same data', () => {
  const jwtSecret = randomBytes(32).toString('base64url');
  const [first, second] = [sealPassword(), sealPassword()];
  let dataDir: string;
  let server: AppServer | undefined;
  const api = appClient(() => server!);

  // Each restart is a new process on the same database, with only the seal passwords changed.
  async function restartWith(sealPasswords: string): Promise<void> {
    await server?.stop();
    server = await startAppServer(
      { JWT_SECRET: jwtSecret, SEAL_PASSWORDS: sealPasswords },
      dataDir,
    );
  }

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'login-lab-rotation-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens old seals while the old password is listed, and refuses them once it is dropped', async () => {
    await restartWith(`1:${first}`);
    const { email } = await api.signUp('rotation');
    const old = (await api.logIn(email, 'sealed')).value;
    expect(old).toMatch(/^Fe26\.2\*1\*/);
    await api.expectMe(asSealed(old), { mode: 'sealed' });

    await restartWith(`2:${second},1:${first}`);
    await api.expectMe(asSealed(old), { mode: 'sealed', user: { email } });
    const renewed = (await api.logIn(email, 'sealed')).value;
    expect(renewed).toMatch(/^Fe26\.2\*2\*/);

    await restartWith(`2:${second}`);
    await expectError(await api.me(asSealed(old)), 401, 'TOKEN_INVALID');
    await api.expectMe(asSealed(renewed), { mode: 'sealed', user: { email } });
  });
});

describe('a credential over the 4096-byte cookie limit', () => {
  const api = appClient(useAppServer({ JWT_ISSUER: 'x'.repeat(4100) }));

  it('is refused at login with 422 COOKIE_TOO_LARGE and no cookie at all', async () => {
    const { email } = await api.signUp('too-large');
    const res = await api.postJson('/api/auth/login', { email, password: PASSWORD, mode: 'jwt' });

    expect(res.headers.getSetCookie()).toEqual([]);
    await expectError(res, 422, 'COOKIE_TOO_LARGE');
  });

  it('is still issued as a Bearer token, which has no cookie limit', async () => {
    const { email } = await api.signUp('bearer');
    const res = await api.postJson('/api/auth/token', { email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    const { access_token: token } = (await res.json()) as { access_token: string };
    expect(token.length).toBeGreaterThan(4096);

    await api.expectMe(bearerHeader(token), { mode: 'jwt', source: 'bearer' });
  });

  it('leaves the modes whose cookie fits working', async () => {
    const { email } = await api.signUp('fits');
    const { value } = await api.logIn(email, 'sealed');
    await api.expectMe(asSealed(value), { mode: 'sealed', user: { email } });
  });
});
