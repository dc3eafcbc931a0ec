import { importJWK, importSPKI, importX509 } from 'jose';
import type { JWK } from 'jose';
import { describeAlgorithm } from './algorithms';
import type { AlgorithmInfo } from './algorithms';
import { decodeSegmentLeniently } from './segment';
import { pickJwk } from './jwks';
import type { InspectorWarning } from './warnings';

export type KeyKind = 'secret-text' | 'secret-base64url' | 'pem' | 'jwk' | 'jwks';

export interface KeyInput {
  kind: KeyKind;
  text: string;
}

export type ResolvedKey =
  | { ok: true; key: CryptoKey | Uint8Array; warnings: InspectorWarning[]; note: string | null }
  | { ok: false; reason: string; warnings: InspectorWarning[] };

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'];

// Turns what was pasted into a verification key for `alg`, refusing every key that does not
// fit the algorithm's family: an HMAC secret is never derived from a public key (RFC 8725 §2.1).
export async function resolveKey(
  input: KeyInput,
  alg: string,
  kid?: unknown,
): Promise<ResolvedKey> {
  const info = describeAlgorithm(alg);
  if (!info) return refuse(`unsupported alg ${alg}`);

  if (input.kind === 'secret-text')
    return useSecret(new TextEncoder().encode(input.text), alg, info);
  if (input.kind === 'secret-base64url') {
    const { bytes } = decodeSegmentLeniently(input.text.trim());
    return bytes ? useSecret(bytes, alg, info) : refuse('the secret is not base64url');
  }
  if (input.kind === 'pem') return usePem(input.text.trim(), alg, info);

  const parsed = parseJsonObject(input.text);
  if (!parsed) return refuse(`the ${input.kind === 'jwk' ? 'JWK' : 'JWKS'} is not a JSON object`);
  if (input.kind === 'jwk') {
    if (Array.isArray(parsed.keys)) return refuse('this is a key set: choose JWKS');
    return useJwk(parsed as JWK, alg, info, null);
  }
  const picked = pickJwk(parsed, alg, info, kid);
  return picked.ok ? useJwk(picked.jwk, alg, info, picked.note) : refuse(picked.reason);
}

function useSecret(bytes: Uint8Array, alg: string, info: AlgorithmInfo): ResolvedKey {
  if (info.family !== 'secret') {
    return refuse(`an ${alg} token needs a public key, and a shared secret was given`);
  }
  if (bytes.length === 0) return refuse('no key given');
  const warnings: InspectorWarning[] = [];
  if (bytes.length < info.minSecretBytes) {
    const message = `${alg} secret shorter than ${info.minSecretBytes} bytes (${bytes.length} bytes): guessable offline`;
    warnings.push({ code: 'short-secret', message });
  }
  return { ok: true, key: bytes, warnings, note: null };
}

async function usePem(pem: string, alg: string, info: AlgorithmInfo): Promise<ResolvedKey> {
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (!label) return refuse('this is not a PEM (no -----BEGIN line)');
  const isPrivate = label.includes('PRIVATE');
  if (info.family === 'secret') {
    const given = isPrivate ? 'a private key' : 'a public key';
    return refuse(`an ${alg} token needs a shared secret, and ${given} was given`);
  }
  if (isPrivate) return refuse('that PEM is a private key: paste only the public key');
  if (label === 'RSA PUBLIC KEY')
    return refuse('PKCS#1 "RSA PUBLIC KEY" is not read: convert it to "PUBLIC KEY" (SPKI)');

  try {
    const key = label === 'CERTIFICATE' ? await importX509(pem, alg) : await importSPKI(pem, alg);
    return { ok: true, key, warnings: [], note: null };
  } catch (error) {
    return refuse(`the key does not fit ${alg}: ${describeError(error)}`);
  }
}

async function useJwk(
  jwk: JWK,
  alg: string,
  info: AlgorithmInfo,
  note: string | null,
): Promise<ResolvedKey> {
  if (typeof jwk.kty !== 'string') return refuse('the JWK has no kty');
  if (info.family === 'secret' && jwk.kty !== 'oct') {
    return refuse(`an ${alg} token needs a shared secret, and a public key was given`);
  }
  if (info.family !== 'secret' && jwk.kty === 'oct') {
    return refuse(`an ${alg} token needs a public key, and a shared secret was given`);
  }
  if (jwk.alg !== undefined && jwk.alg !== alg)
    return refuse(`the key is for ${jwk.alg}, the token says ${alg}`);
  if (jwk.use !== undefined && jwk.use !== 'sig')
    return refuse(`the key is for use "${jwk.use}", not signatures`);

  if (jwk.kty === 'oct') {
    const bytes = typeof jwk.k === 'string' ? decodeSegmentLeniently(jwk.k).bytes : null;
    if (!bytes) return refuse('the JWK\'s "k" is not base64url');
    const secret = useSecret(bytes, alg, info);
    return secret.ok ? { ...secret, note } : secret;
  }

  const held = PRIVATE_MEMBERS.filter((member) => member in jwk);
  const warnings: InspectorWarning[] = held.length
    ? [
        {
          code: 'private-key',
          message: `the JWK holds private key material (${held.join(', ')}): only the public part was used; never paste private keys`,
        },
      ]
    : [];
  const publicJwk = Object.fromEntries(
    Object.entries(jwk).filter(
      ([member]) => !PRIVATE_MEMBERS.includes(member) && member !== 'key_ops',
    ),
  ) as JWK;
  try {
    const key = await importJWK(publicJwk, alg);
    return key instanceof Uint8Array
      ? refuse(`an ${alg} token needs a public key, and a shared secret was given`)
      : { ok: true, key, warnings, note };
  } catch (error) {
    return { ...refuse(`the key does not fit ${alg}: ${describeError(error)}`), warnings };
  }
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function refuse(reason: string): ResolvedKey {
  return { ok: false, reason, warnings: [] };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
