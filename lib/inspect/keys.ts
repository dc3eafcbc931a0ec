import { importSPKI, importX509 } from 'jose';
import type { JWK } from 'jose';
import { describeAlgorithm } from './algorithms';
import type { AlgorithmInfo } from './algorithms';
import { pickJwk, resolveJwk } from './jwk';
import { describeError, refuseKey } from './resolved-key';
import type { ResolvedKey } from './resolved-key';
import { resolveSecret } from './secret';
import { decodeSegmentLeniently } from './segment';

export type KeyKind = 'secret-text' | 'secret-base64url' | 'pem' | 'jwk' | 'jwks';

export interface KeyInput {
  kind: KeyKind;
  text: string;
}

// Turns what was pasted into a verification key for `alg`, refusing every key that does not
// fit the algorithm's family: an HMAC secret is never derived from a public key (RFC 8725 §2.1).
export async function resolveKey(
  input: KeyInput,
  alg: string,
  kid?: unknown,
): Promise<ResolvedKey> {
  const info = describeAlgorithm(alg);
  if (!info) return refuseKey(`unsupported alg ${alg}`);

  if (input.kind === 'secret-text') {
    return resolveSecret(new TextEncoder().encode(input.text), alg, info);
  }
  if (input.kind === 'secret-base64url') {
    const { bytes } = decodeSegmentLeniently(input.text.trim());
    return bytes ? resolveSecret(bytes, alg, info) : refuseKey('the secret is not base64url');
  }
  if (input.kind === 'pem') return resolvePem(input.text.trim(), alg, info);

  const parsed = parseJsonObject(input.text);
  const name = input.kind === 'jwk' ? 'JWK' : 'JWKS';
  if (!parsed) return refuseKey(`the ${name} is not a JSON object`);
  if (input.kind === 'jwk') {
    if (Array.isArray(parsed.keys)) return refuseKey('this is a key set: choose JWKS');
    return resolveJwk(parsed as JWK, alg, info, null);
  }
  const picked = pickJwk(parsed, alg, info, kid);
  return picked.ok ? resolveJwk(picked.jwk, alg, info, picked.note) : refuseKey(picked.reason);
}

async function resolvePem(pem: string, alg: string, info: AlgorithmInfo): Promise<ResolvedKey> {
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (!label) return refuseKey('this is not a PEM (no -----BEGIN line)');
  const isPrivate = label.includes('PRIVATE');
  if (info.family === 'secret') {
    const given = isPrivate ? 'a private key' : 'a public key';
    return refuseKey(`an ${alg} token needs a shared secret, and ${given} was given`);
  }
  if (isPrivate) return refuseKey('that PEM is a private key: paste only the public key');
  if (label === 'RSA PUBLIC KEY') {
    return refuseKey('PKCS#1 "RSA PUBLIC KEY" is not read: convert it to "PUBLIC KEY" (SPKI)');
  }

  try {
    const key = label === 'CERTIFICATE' ? await importX509(pem, alg) : await importSPKI(pem, alg);
    return { ok: true, key, warnings: [], note: null };
  } catch (error) {
    return refuseKey(`the key does not fit ${alg}: ${describeError(error)}`);
  }
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    return isObject ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
