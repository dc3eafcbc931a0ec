import type { SessionEntry } from './types';

const TIME_FIELDS = ['createdAt', 'lastSeenAt', 'expiresAt', 'absoluteExpiresAt'] as const;

export function sessionKey(keyPrefix: string, idHash: string): string {
  return `${keyPrefix}sess:${idHash}`;
}

export function userIndexKey(keyPrefix: string, userId: string): string {
  return `${keyPrefix}user:${userId}`;
}

// Fixed field order, and nothing but the known fields, so every engine holds the same bytes.
export function encodeEntry(entry: SessionEntry): string {
  return JSON.stringify(pickEntry(entry));
}

// A stored value that is not a well-formed entry reads as "no session", never as an exception.
export function decodeEntry(raw: unknown): SessionEntry | null {
  if (typeof raw !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  return isSessionEntry(value) ? pickEntry(value) : null;
}

// Returns the TTL in ms that ends at entry.expiresAt; misuse throws a plain Error naming the fix.
export function checkStorableEntry(entry: SessionEntry, now: number): number {
  if (!isSessionEntry(entry)) {
    throw new Error('Session entry is malformed: times must be integer epoch ms, ids strings.');
  }
  if (entry.expiresAt > entry.absoluteExpiresAt) {
    throw new Error('Session entry expiresAt is past absoluteExpiresAt; cap it before storing.');
  }
  const ttlMs = entry.expiresAt - now;
  if (ttlMs <= 0) {
    throw new Error('Session entry has already expired; refusing to store it.');
  }
  return ttlMs;
}

function isSessionEntry(value: unknown): value is SessionEntry {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.userId === 'string' &&
    record.userId.length > 0 &&
    typeof record.userAgent === 'string' &&
    TIME_FIELDS.every((field) => Number.isSafeInteger(record[field]))
  );
}

function pickEntry(entry: SessionEntry): SessionEntry {
  const { userId, createdAt, lastSeenAt, expiresAt, absoluteExpiresAt, userAgent } = entry;
  return { userId, createdAt, lastSeenAt, expiresAt, absoluteExpiresAt, userAgent };
}
