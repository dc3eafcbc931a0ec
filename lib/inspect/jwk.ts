import { importJWK } from 'jose';
import type { JWK } from 'jose';
import type { AlgorithmInfo } from './algorithms';
import { describeError, refuseKey } from './resolved-key';
import type { ResolvedKey } from './resolved-key';
import { resolveSecret } from './secret';
import { decodeSegmentLeniently } from './segment';
import type { InspectorWarning } from './warnings';

export type PickedJwk = { ok: true; jwk: JWK; note: string } | { ok: false; reason: string };

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'];

export async function resolveJwk(
  jwk: JWK,
  alg: string,
  info: AlgorithmInfo,
  note: string | null,
): Promise<ResolvedKey> {
  if (typeof jwk.kty !== 'string') return refuseKey('the JWK has no kty');
  if (info.family === 'secret' && jwk.kty !== 'oct') {
    return refuseKey(`an ${alg} token needs a shared secret, and a public key was given`);
  }
  if (info.family !== 'secret' && jwk.kty === 'oct') {
    return refuseKey(`an ${alg} token needs a public key, and a shared secret was given`);
  }
  if (jwk.alg !== undefined && jwk.alg !== alg) {
    return refuseKey(`the key is for ${jwk.alg}, the token says ${alg}`);
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') {
    return refuseKey(`the key is for use "${jwk.use}", not signatures`);
  }

  if (jwk.kty === 'oct') {
    const bytes = typeof jwk.k === 'string' ? decodeSegmentLeniently(jwk.k).bytes : null;
    if (!bytes) return refuseKey('the JWK\'s "k" is not base64url');
    const secret = resolveSecret(bytes, alg, info);
    return secret.ok ? { ...secret, note } : secret;
  }

  const held = PRIVATE_MEMBERS.filter((member) => member in jwk).join(', ');
  const message =
    `the JWK holds private key material (${held}): only its public part was used; ` +
    'never paste private keys';
  const warnings: InspectorWarning[] = held ? [{ code: 'private-key', message }] : [];
  const publicJwk = Object.fromEntries(
    Object.entries(jwk).filter(
      ([member]) => !PRIVATE_MEMBERS.includes(member) && member !== 'key_ops',
    ),
  ) as JWK;
  try {
    return { ok: true, key: await importJWK(publicJwk, alg), warnings, note };
  } catch (error) {
    return refuseKey(`the key does not fit ${alg}: ${describeError(error)}`, warnings);
  }
}

// RFC 7515 §4.1.4: kid is only a hint for choosing among keys; it never names a file or a row.
export function pickJwk(
  set: Record<string, unknown>,
  alg: string,
  info: AlgorithmInfo,
  kid?: unknown,
): PickedJwk {
  if (!Array.isArray(set.keys)) return { ok: false, reason: 'the JWKS has no "keys" array' };
  const keys = set.keys.filter(isJwk);
  if (keys.length === 0) return { ok: false, reason: 'the JWKS holds no keys' };

  if (typeof kid === 'string') {
    const named = keys.filter((key) => key.kid === kid);
    if (named.length === 0) return { ok: false, reason: `no key in the JWKS has kid "${kid}"` };
    const fitting = named.filter((key) => fits(key, alg, info));
    const chosen = fitting.length === 1 ? fitting[0] : named.length === 1 ? named[0] : undefined;
    if (!chosen) return { ok: false, reason: `${named.length} keys in the JWKS have kid "${kid}"` };
    return { ok: true, jwk: chosen, note: `key chosen by kid "${kid}"` };
  }

  const fitting = keys.filter((key) => fits(key, alg, info));
  const [only] = fitting;
  if (fitting.length === 1 && only) {
    return { ok: true, jwk: only, note: `the token has no kid; the only key for ${alg} was used` };
  }
  const count = fitting.length === 0 ? 'no key' : `${fitting.length} keys`;
  return { ok: false, reason: `the token has no kid, and ${count} in the JWKS fit ${alg}` };
}

function fits(key: JWK, alg: string, info: AlgorithmInfo): boolean {
  const kty = info.family === 'secret' ? 'oct' : info.family;
  const algFits = key.alg === undefined || key.alg === alg;
  return key.kty === kty && algFits && (key.use === undefined || key.use === 'sig');
}

function isJwk(value: unknown): value is JWK {
  return value !== null && typeof value === 'object' && typeof (value as JWK).kty === 'string';
}
