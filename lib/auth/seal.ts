import { sealData, unsealData } from 'iron-session';
import { isRole, type Role } from './roles';

// Web APIs only (iron-session seals with Web Crypto): usable from any runtime.

export interface SealedSession {
  uid: string;
  role: Role;
  ver: number;
  // Seal id: what logout records as revoked, since a sent cookie cannot be called back.
  sid: string;
  iat: number;
  exp: number;
}

export interface SealSettings {
  // Numbered passwords; the highest number seals, any of them unseals (rotation).
  passwords: Record<string, string>;
  ttl: number;
}

export async function sealSession(
  settings: SealSettings,
  subject: { id: string; role: Role; tokenVersion: number },
  now: Date = new Date(),
): Promise<{ seal: string; session: SealedSession }> {
  const iat = Math.floor(now.getTime() / 1000);
  const session: SealedSession = {
    uid: subject.id,
    role: subject.role,
    ver: subject.tokenVersion,
    sid: crypto.randomUUID(),
    iat,
    exp: iat + settings.ttl,
  };
  const seal = await sealData(session, { password: settings.passwords, ttl: settings.ttl });
  return { seal, session };
}

export type UnsealResult = { ok: true; session: SealedSession } | { ok: false; reason: string };

// iron-session reads the trailing version with parseInt, so "~2x" would open too; accept only
// the exact form it writes, so one session has exactly one cookie value.
const CANONICAL_SEAL = /^Fe26\.2\*[A-Za-z0-9_*-]+~2$/;

const CACHE_LIMIT = 1000;
const CACHE_MS = 10_000;

export function createSealReader(settings: SealSettings): (seal: string) => Promise<UnsealResult> {
  // Unsealing costs ~0.3 ms; a recently opened seal is reused for a few seconds, never past its
  // exp. Revocation is checked by the caller after this, so the cache cannot hide a logout.
  const opened = new Map<string, { session: SealedSession; until: number }>();

  return async function readSeal(seal: string): Promise<UnsealResult> {
    const now = Date.now();
    const hit = opened.get(seal);
    if (hit && hit.until > now) return { ok: true, session: hit.session };

    if (!CANONICAL_SEAL.test(seal)) return { ok: false, reason: 'not a canonical seal' };
    let data: Partial<SealedSession>;
    try {
      data = await unsealData<Partial<SealedSession>>(seal, {
        password: settings.passwords,
        ttl: settings.ttl,
      });
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : 'unseal failed' };
    }
    if (!isSealedSession(data)) return { ok: false, reason: 'seal did not open or has expired' };
    if (data.exp * 1000 <= now) return { ok: false, reason: 'seal expired' };

    if (opened.size >= CACHE_LIMIT) opened.delete(opened.keys().next().value!);
    opened.set(seal, { session: data, until: Math.min(now + CACHE_MS, data.exp * 1000) });
    return { ok: true, session: data };
  };
}

function isSealedSession(data: Partial<SealedSession>): data is SealedSession {
  return (
    typeof data.uid === 'string' &&
    isRole(data.role) &&
    typeof data.ver === 'number' &&
    typeof data.sid === 'string' &&
    typeof data.iat === 'number' &&
    typeof data.exp === 'number'
  );
}
