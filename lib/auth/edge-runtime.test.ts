// @vitest-environment edge-runtime
import { describe, expect, it } from 'vitest';
import { authCookieNames } from './cookies';
import { decideAccess, pageActionFor, readCredential } from './gate';
import { createAccessTokenVerifier, issueAccessToken } from './jwt';
import { sealSession, createSealReader } from './seal';
import { hashSessionId, generateSessionId } from './sessions';

// Runs the gate's decision code inside the Edge Runtime (no Node built-ins at all), proving it
// uses Web APIs only and could run as edge middleware.

const settings = {
  secret: new TextEncoder().encode('e'.repeat(32)),
  kid: 'edge',
  issuer: 'login-lab',
  audience: 'login-lab',
  accessTtl: 900,
  clockTolerance: 5,
};

describe('gate in the Edge Runtime', () => {
  it('runs inside the Edge Runtime sandbox', () => {
    expect(typeof EdgeRuntime).toBe('string');
    expect(typeof crypto.subtle.importKey).toBe('function');
  });

  it('issues, reads and verifies a JWT from a cookie and decides on the role', async () => {
    const { token } = await issueAccessToken(settings, {
      id: 'u1',
      email: 'a@b.c',
      role: 'user',
      tokenVersion: 0,
    });
    const headers = new Headers({ cookie: `other=1; ll_access=${token}` });
    const credential = readCredential(headers, authCookieNames(false));
    expect(credential).toEqual({ mode: 'jwt', source: 'cookie', value: token });

    const result = await createAccessTokenVerifier(settings).verify(credential!.value);
    expect(result.ok).toBe(true);
    const role = result.ok ? result.claims.role : null;
    expect(pageActionFor(decideAccess(role, null, 'admin'))).toEqual({ kind: 'forbidden' });
    expect(pageActionFor(decideAccess(role, null, 'any'))).toEqual({ kind: 'render' });
  });

  it('refuses a tampered token with the right code', async () => {
    const { token } = await issueAccessToken(settings, {
      id: 'u1',
      email: 'a@b.c',
      role: 'user',
      tokenVersion: 0,
    });
    const tampered = `${token.slice(0, -4)}AAAA`;
    expect(await createAccessTokenVerifier(settings).verify(tampered)).toMatchObject({
      code: 'TOKEN_INVALID',
    });
  });

  it('seals and unseals with Web Crypto', async () => {
    const seal = { passwords: { '1': 'p'.repeat(32) }, ttl: 3600 };
    const { seal: sealed } = await sealSession(seal, { id: 'u1', role: 'admin', tokenVersion: 0 });
    expect(await createSealReader(seal)(sealed)).toMatchObject({
      ok: true,
      session: { uid: 'u1', role: 'admin' },
    });
  });

  it('hashes session ids with Web Crypto', async () => {
    const id = generateSessionId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await hashSessionId(id)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

declare const EdgeRuntime: string;
