import type { SessionEntry, SessionStore } from '../session-store/types';
import { encodeBase64url } from './base64url';

// Web APIs only. The cookie carries a random id; the store knows only its SHA-256 hash, so a
// copy of the store cannot be replayed as cookies.

export interface SessionSettings {
  idleTtl: number;
  absoluteTtl: number;
  touchInterval: number;
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export function generateSessionId(): string {
  return encodeBase64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function hashSessionId(id: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id));
  return encodeBase64url(new Uint8Array(digest));
}

export async function createSession(
  store: SessionStore,
  settings: SessionSettings,
  input: { userId: string; userAgent: string },
  now: number = Date.now(),
): Promise<{ id: string; idHash: string; entry: SessionEntry }> {
  const id = generateSessionId();
  const idHash = await hashSessionId(id);
  const absoluteExpiresAt = now + settings.absoluteTtl * 1000;
  const entry: SessionEntry = {
    userId: input.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: Math.min(now + settings.idleTtl * 1000, absoluteExpiresAt),
    absoluteExpiresAt,
    userAgent: input.userAgent.slice(0, 256),
  };
  await store.set(idHash, entry);
  return { id, idHash, entry };
}

export type SessionCheck =
  // lookupMs: the store read alone, which the dashboard shows against DESIGN.md's figures.
  | { ok: true; idHash: string; entry: SessionEntry; lookupMs: number }
  | { ok: false; code: 'SESSION_EXPIRED' };

// Store failures propagate (STORE_UNAVAILABLE): an unreachable store never becomes a login.
export async function validateSession(
  store: SessionStore,
  settings: SessionSettings,
  id: string,
  now: number = Date.now(),
): Promise<SessionCheck> {
  if (!SESSION_ID.test(id)) return { ok: false, code: 'SESSION_EXPIRED' };
  const idHash = await hashSessionId(id);
  const started = performance.now();
  const entry = await store.get(idHash);
  const lookupMs = performance.now() - started;
  if (!entry || entry.expiresAt <= now || entry.absoluteExpiresAt <= now) {
    if (entry) await store.delete(idHash);
    return { ok: false, code: 'SESSION_EXPIRED' };
  }

  // Sliding expiry writes at most once per touch interval, not on every request.
  if (now - entry.lastSeenAt < settings.touchInterval * 1000) {
    return { ok: true, idHash, entry, lookupMs };
  }
  const touched: SessionEntry = {
    ...entry,
    lastSeenAt: now,
    expiresAt: Math.min(now + settings.idleTtl * 1000, entry.absoluteExpiresAt),
  };
  await store.set(idHash, touched);
  return { ok: true, idHash, entry: touched, lookupMs };
}
