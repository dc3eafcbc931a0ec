import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeBase64url, encodeBase64urlText } from '@/lib/auth/base64url';
import { inspectToken } from './inspect';
import type { KeyInput } from './keys';

const NOW = 1_780_272_000;
const SECRET_TEXT = 'a-32-byte-secret-for-unit-tests!';
const SECRET = new TextEncoder().encode(SECRET_TEXT);
const publicPem = readFileSync(
  path.resolve(process.cwd(), '../shared/cases/rsa-public.pem'),
  'utf8',
);

async function signHs(headerText: string, payloadText: string, alg = 'SHA-256'): Promise<string> {
  const input = `${encodeBase64urlText(headerText)}.${encodeBase64urlText(payloadText)}`;
  const key = await crypto.subtle.importKey('raw', SECRET, { name: 'HMAC', hash: alg }, false, [
    'sign',
  ]);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input));
  return `${input}.${encodeBase64url(new Uint8Array(mac))}`;
}

async function verdictOf(token: string, key: KeyInput | null): Promise<string> {
  return (await inspectToken(token, key, NOW)).verdict.message;
}

describe('shared secrets', () => {
  let token = '';
  beforeAll(async () => {
    token = await new SignJWT({ sub: '1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(NOW + 60)
      .sign(SECRET);
  });

  it('reads a text secret as its UTF-8 bytes', async () => {
    expect(await verdictOf(token, { kind: 'secret-text', text: SECRET_TEXT })).toBe(
      'valid signature',
    );
  });

  it('reads a base64url secret as the bytes it encodes', async () => {
    const text = encodeBase64url(SECRET);
    expect(await verdictOf(token, { kind: 'secret-base64url', text })).toBe('valid signature');
    expect(await verdictOf(token, { kind: 'secret-text', text })).toBe('invalid signature');
  });

  it('refuses a base64url secret that is not base64url', async () => {
    expect(await verdictOf(token, { kind: 'secret-base64url', text: 'no spaces allowed' })).toBe(
      'not verified: the secret is not base64url',
    );
  });

  it('reports a wrong secret as an invalid signature', async () => {
    expect(await verdictOf(token, { kind: 'secret-text', text: 'x'.repeat(32) })).toBe(
      'invalid signature',
    );
  });

  it('wants 64 bytes for HS512', async () => {
    const hs512 = await signHs('{"alg":"HS512"}', `{"exp":${NOW + 60}}`, 'SHA-512');
    const result = await inspectToken(hs512, { kind: 'secret-text', text: SECRET_TEXT }, NOW);
    expect(result.verdict.status).toBe('valid');
    expect(result.warnings.map((w) => w.message)).toEqual([
      'HS512 secret shorter than 64 bytes (32 bytes): guessable offline',
    ]);
  });

  it('says no key was given for an empty key', async () => {
    expect(await verdictOf(token, { kind: 'secret-text', text: '' })).toBe(
      'not verified: no key given',
    );
  });

  it('checks the signature over the raw bytes of a payload with duplicate names', async () => {
    const duplicated = await signHs(
      '{"alg":"HS256"}',
      `{"role":"user","exp":${NOW + 60},"role":"admin"}`,
    );
    const result = await inspectToken(duplicated, { kind: 'secret-text', text: SECRET_TEXT }, NOW);
    expect(result.verdict.status).toBe('valid');
    expect(result.warnings.map((w) => w.code)).toEqual(['duplicate-members']);
  });

  it('checks the signature of a token with crit, and warns', async () => {
    const critical = await signHs(
      '{"alg":"HS256","crit":["http://example.com/x"],"http://example.com/x":1}',
      `{"exp":${NOW + 60}}`,
    );
    const result = await inspectToken(critical, { kind: 'secret-text', text: SECRET_TEXT }, NOW);
    expect(result.verdict.status).toBe('valid');
    expect(result.warnings.map((w) => w.code)).toEqual(['crit']);
  });
});

describe('public keys', () => {
  let rsaToken = '';
  let jwk: Record<string, unknown> = {};
  let privateJwk: Record<string, unknown> = {};
  let pkcs8 = '';
  let spki = '';
  let pair: Awaited<ReturnType<typeof generateKeyPair>>;
  beforeAll(async () => {
    pair = await generateKeyPair('RS256', { extractable: true });
    rsaToken = await new SignJWT({ sub: '2' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k2' })
      .setExpirationTime(NOW + 60)
      .sign(pair.privateKey);
    jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k2' };
    privateJwk = { ...(await exportJWK(pair.privateKey)), kid: 'k2' };
    pkcs8 = await exportPKCS8(pair.privateKey);
    spki = await exportSPKI(pair.publicKey);
  });

  it('verifies with a PEM public key and with a JWK', async () => {
    expect(await verdictOf(rsaToken, { kind: 'pem', text: spki })).toBe('valid signature');
    expect(await verdictOf(rsaToken, { kind: 'jwk', text: JSON.stringify(jwk) })).toBe(
      'valid signature',
    );
  });

  it('picks the key from a JWKS by kid', async () => {
    const keys = [{ kty: 'oct', k: 'AAAA', kid: 'k1' }, jwk];
    const result = await inspectToken(
      rsaToken,
      { kind: 'jwks', text: JSON.stringify({ keys }) },
      NOW,
    );
    expect(result.verdict).toEqual({
      status: 'valid',
      message: 'valid signature',
      note: 'key chosen by kid "k2"',
    });
  });

  it('says so when no key in the JWKS has the kid', async () => {
    const text = JSON.stringify({ keys: [{ ...jwk, kid: 'other' }] });
    expect(await verdictOf(rsaToken, { kind: 'jwks', text })).toBe(
      'not verified: no key in the JWKS has kid "k2"',
    );
  });

  it('uses the only fitting key without a kid, and never guesses among several', async () => {
    const noKid = await new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).sign(pair.privateKey);
    const one = JSON.stringify({ keys: [{ kty: 'oct', k: 'AAAA' }, jwk] });
    const two = JSON.stringify({ keys: [jwk, { ...jwk, kid: 'k3' }] });
    expect(await inspectToken(noKid, { kind: 'jwks', text: one }, NOW)).toMatchObject({
      verdict: { status: 'valid', note: 'the token has no kid; the only key for RS256 was used' },
    });
    expect(await verdictOf(noKid, { kind: 'jwks', text: two })).toBe(
      'not verified: the token has no kid, and 2 keys in the JWKS fit RS256',
    );
  });

  it('refuses a shared secret for an RS256 token', async () => {
    expect(await verdictOf(rsaToken, { kind: 'secret-text', text: spki })).toBe(
      'not verified: an RS256 token needs a public key, and a shared secret was given',
    );
  });

  it('refuses a public key for an HS256 token, whichever form it takes', async () => {
    const hsToken = await signHs('{"alg":"HS256"}', '{}');
    const mismatch =
      'not verified: an HS256 token needs a shared secret, and a public key was given';
    expect(await verdictOf(hsToken, { kind: 'pem', text: publicPem })).toBe(mismatch);
    expect(await verdictOf(hsToken, { kind: 'jwk', text: JSON.stringify(jwk) })).toBe(mismatch);
  });

  it('uses only the public part of a private JWK, and warns', async () => {
    const result = await inspectToken(
      rsaToken,
      { kind: 'jwk', text: JSON.stringify(privateJwk) },
      NOW,
    );
    expect(result.verdict.status).toBe('valid');
    expect(result.warnings.map((w) => w.code)).toEqual(['private-key']);
  });

  it('refuses a private PEM', async () => {
    expect(await verdictOf(rsaToken, { kind: 'pem', text: pkcs8 })).toBe(
      'not verified: that PEM is a private key: paste only the public key',
    );
  });

  it('reports a key of the wrong family as not verified', async () => {
    const es = await generateKeyPair('ES256');
    const esToken = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).sign(es.privateKey);
    expect(await verdictOf(esToken, { kind: 'pem', text: spki })).toMatch(
      /^not verified: the key does not fit ES256/,
    );
  });

  it('reports a different RSA key as an invalid signature', async () => {
    expect(await verdictOf(rsaToken, { kind: 'pem', text: publicPem })).toBe('invalid signature');
  });
});

describe('tokens that are never verified', () => {
  it('never accepts alg none, even with a key', async () => {
    const token = `${encodeBase64urlText('{"alg":"none"}')}.${encodeBase64urlText('{}')}.`;
    const result = await inspectToken(token, { kind: 'secret-text', text: SECRET_TEXT }, NOW);
    expect(result.verdict).toMatchObject({ status: 'never', message: 'never accepted (alg none)' });
  });

  it('does not verify a JWE', async () => {
    const token = `${encodeBase64urlText('{"alg":"dir","enc":"A256GCM"}')}..aXY.Y2lwaGVy.dGFn`;
    expect(await verdictOf(token, { kind: 'secret-text', text: SECRET_TEXT })).toBe(
      'not verified: a JWE is encrypted; this page decodes its header only',
    );
  });

  it('does not verify an ill-formed token even when the bytes would match', async () => {
    const token = `${await signHs('{"alg":"HS256"}', '{"a":1}')}=`;
    expect(await verdictOf(token, { kind: 'secret-text', text: SECRET_TEXT })).toBe(
      'not verified: the token is ill-formed, so its signature is not checked',
    );
  });
});
