import type { InspectorWarning } from './warnings';

export type ResolvedKey =
  | { ok: true; key: CryptoKey | Uint8Array; warnings: InspectorWarning[]; note: string | null }
  | { ok: false; reason: string; warnings: InspectorWarning[] };

export function refuseKey(reason: string, warnings: InspectorWarning[] = []): ResolvedKey {
  return { ok: false, reason, warnings };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
