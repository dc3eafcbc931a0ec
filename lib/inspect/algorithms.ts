export type KeyFamily = 'secret' | 'RSA' | 'EC' | 'OKP' | 'AKP';

export interface AlgorithmInfo {
  family: KeyFamily;
  // RFC 7518 §3.2: an HMAC key must be at least as long as the hash output.
  minSecretBytes: number;
}

const FAMILIES: [pattern: RegExp, family: KeyFamily][] = [
  [/^HS(256|384|512)$/, 'secret'],
  [/^(RS|PS)(256|384|512)$/, 'RSA'],
  [/^ES(256|384|512)$/, 'EC'],
  [/^(EdDSA|Ed25519)$/, 'OKP'],
  [/^ML-DSA-(44|65|87)$/, 'AKP'],
];

export function describeAlgorithm(alg: string): AlgorithmInfo | null {
  const match = FAMILIES.find(([pattern]) => pattern.test(alg));
  if (!match) return null;
  const bits = /^HS(\d+)$/.exec(alg)?.[1];
  return { family: match[1], minSecretBytes: bits ? Number(bits) / 8 : 0 };
}

export function isAlgNone(alg: unknown): boolean {
  return typeof alg === 'string' && alg.toLowerCase() === 'none';
}
