import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { encodeBase64urlText } from './base64url';
import { createAccessTokenVerifier, issueAccessToken, type JwtSettings } from './jwt';

const settings: JwtSettings = {
  secret: new TextEncoder().encode('k'.repeat(32)),
  kid: 'test-kid',
  issuer: 'login-lab',
  audience: 'login-lab',
  accessTtl: 900,
  clockTolerance: 5,
};
const subject = { id: 'u1', email: 'ann@example.com', role: 'user' as const, tokenVersion: 0 };
const NOW = new Date('2026-06-01T12:00:00Z');
const at = (secondsLater: number) => new Date(NOW.getTime() + secondsLater * 1000);
const nowSeconds = NOW.getTime() / 1000;

async function sign(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
  secret = settings.secret,
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: settings.kid, ...header })
    .sign(secret);
}

const validClaims = {
  sub: 'u1',
  email: 'ann@example.com',
  role: 'user',
  ver: 0,
  iss: 'login-lab',
  aud: 'login-lab',
  iat: nowSeconds,
  exp: nowSeconds + 900,
  jti: 'j1',
};

describe('issueAccessToken and verifyAccessToken', () => {
  it('issues a token whose header and claims are pinned, and verifies it', async () => {
    const { token, claims } = await issueAccessToken(settings, subject, NOW);
    const result = await createAccessTokenVerifier(settings).verify(token, NOW);
    expect(result.ok).toBe(true);
    expect(claims).toMatchObject({ sub: 'u1', role: 'user', iss: 'login-lab', aud: 'login-lab' });
    expect(claims.exp - claims.iat).toBe(900);
    expect(JSON.parse(atob(token.split('.')[0]!))).toEqual({
      alg: 'HS256',
      typ: 'at+jwt',
      kid: 'test-kid',
    });
  });

  it('rejects a token that is not three canonical base64url parts as TOKEN_MALFORMED', async () => {
    const verifier = createAccessTokenVerifier(settings);
    const token = await sign(validClaims);
    const [h, p, s] = token.split('.');
    for (const bad of [
      `${h}.${p}`,
      `${token}.x`,
      `${h}=.${p}.${s}`,
      `${h}.${p}.${s}+/`,
      'a.b.c',
      '',
    ]) {
      expect(await verifier.verify(bad, NOW)).toMatchObject({ ok: false, code: 'TOKEN_MALFORMED' });
    }
    const notJson = `${encodeBase64urlText('{nope')}.${p}.${s}`;
    expect(await verifier.verify(notJson, NOW)).toMatchObject({
      ok: false,
      code: 'TOKEN_MALFORMED',
    });
  });

  it('rejects a token signed with another key as TOKEN_INVALID', async () => {
    const token = await sign(validClaims, {}, new TextEncoder().encode('z'.repeat(32)));
    expect(await createAccessTokenVerifier(settings).verify(token, NOW)).toMatchObject({
      code: 'TOKEN_INVALID',
    });
  });

  it('rejects alg none, a foreign kid and a wrong typ as TOKEN_INVALID', async () => {
    const verifier = createAccessTokenVerifier(settings);
    const payload = encodeBase64urlText(JSON.stringify(validClaims));
    const none = `${encodeBase64urlText('{"alg":"none"}')}.${payload}.`;
    expect(await verifier.verify(none, NOW)).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(await verifier.verify(await sign(validClaims, { kid: '../../x' }), NOW)).toMatchObject({
      code: 'TOKEN_INVALID',
    });
    expect(await verifier.verify(await sign(validClaims, { typ: 'JWT' }), NOW)).toMatchObject({
      code: 'TOKEN_INVALID',
    });
  });

  it('checks the signature first: a forged, expired token is TOKEN_INVALID', async () => {
    const claims = { ...validClaims, iat: nowSeconds - 1500, exp: nowSeconds - 600 };
    const token = await sign(claims, {}, new TextEncoder().encode('z'.repeat(32)));
    expect(await createAccessTokenVerifier(settings).verify(token, NOW)).toMatchObject({
      code: 'TOKEN_INVALID',
    });
  });

  it('reports a passed exp as TOKEN_EXPIRED, within the clock tolerance only', async () => {
    const verifier = createAccessTokenVerifier(settings);
    const { token } = await issueAccessToken(settings, subject, NOW);
    expect((await verifier.verify(token, at(902))).ok).toBe(true);
    expect(await verifier.verify(token, at(906))).toMatchObject({
      ok: false,
      code: 'TOKEN_EXPIRED',
    });
  });

  it('reports nbf or iat in the future as TOKEN_NOT_YET_VALID', async () => {
    const verifier = createAccessTokenVerifier(settings);
    const nbf = await sign({ ...validClaims, nbf: nowSeconds + 60 });
    const iat = await sign({ ...validClaims, iat: nowSeconds + 60, exp: nowSeconds + 960 });
    expect(await verifier.verify(nbf, NOW)).toMatchObject({ code: 'TOKEN_NOT_YET_VALID' });
    expect(await verifier.verify(iat, NOW)).toMatchObject({ code: 'TOKEN_NOT_YET_VALID' });
  });

  it('requires exp as a number and pins issuer and audience', async () => {
    const verifier = createAccessTokenVerifier(settings);
    const { exp: _exp, ...noExp } = validClaims;
    const cases = [
      noExp,
      { ...validClaims, exp: String(validClaims.exp) },
      { ...validClaims, iss: 'someone-else' },
      { ...validClaims, aud: 'someone-else' },
      { ...validClaims, role: 'root' },
    ];
    for (const claims of cases) {
      expect(await verifier.verify(await sign(claims), NOW)).toMatchObject({
        code: 'TOKEN_INVALID',
      });
    }
  });

  it('never serves a cached verification past the token exp', async () => {
    const verifier = createAccessTokenVerifier(settings);
    const { token } = await issueAccessToken(settings, subject, NOW);
    expect((await verifier.verify(token, NOW)).ok).toBe(true);
    expect(await verifier.verify(token, at(1000))).toMatchObject({
      ok: false,
      code: 'TOKEN_EXPIRED',
    });
  });

  it('does not accept a token under a verifier built with another key', async () => {
    const { token } = await issueAccessToken(settings, subject, NOW);
    await createAccessTokenVerifier(settings).verify(token, NOW);
    const rotated = createAccessTokenVerifier({
      ...settings,
      secret: new TextEncoder().encode('r'.repeat(32)),
    });
    expect(await rotated.verify(token, NOW)).toMatchObject({ code: 'TOKEN_INVALID' });
  });
});
