import type { AlgorithmInfo } from './algorithms';
import { refuseKey } from './resolved-key';
import type { ResolvedKey } from './resolved-key';
import type { InspectorWarning } from './warnings';

export function resolveSecret(bytes: Uint8Array, alg: string, info: AlgorithmInfo): ResolvedKey {
  if (info.family !== 'secret') {
    return refuseKey(`an ${alg} token needs a public key, and a shared secret was given`);
  }
  if (bytes.length === 0) return refuseKey('no key given');

  const warnings: InspectorWarning[] = [];
  if (bytes.length < info.minSecretBytes) {
    const { minSecretBytes } = info;
    const message =
      `${alg} secret shorter than ${minSecretBytes} bytes (${bytes.length} bytes): ` +
      'guessable offline';
    warnings.push({ code: 'short-secret', message });
  }
  return { ok: true, key: bytes, warnings, note: null };
}
