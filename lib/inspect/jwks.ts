import type { JWK } from 'jose';
import type { AlgorithmInfo } from './algorithms';

export type PickedJwk = { ok: true; jwk: JWK; note: string } | { ok: false; reason: string };

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
  if (fitting.length === 1 && only)
    return {
      ok: true,
      jwk: only,
      note: `the token has no kid; the only key that fits ${alg} was used`,
    };
  if (fitting.length === 0)
    return { ok: false, reason: `the token has no kid, and no key in the JWKS fits ${alg}` };
  return {
    ok: false,
    reason: `the token has no kid, and ${fitting.length} keys in the JWKS fit ${alg}`,
  };
}

function fits(key: JWK, alg: string, info: AlgorithmInfo): boolean {
  const kty = info.family === 'secret' ? 'oct' : info.family;
  return (
    key.kty === kty &&
    (key.alg === undefined || key.alg === alg) &&
    (key.use === undefined || key.use === 'sig')
  );
}

function isJwk(value: unknown): value is JWK {
  return value !== null && typeof value === 'object' && typeof (value as JWK).kty === 'string';
}
