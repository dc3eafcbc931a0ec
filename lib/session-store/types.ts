import type { SessionStoreKind } from '../config';

// One server-side session, as kept in a store. Times are epoch milliseconds.
export interface SessionEntry {
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  // Idle expiry: moves forward when the session is touched, never past absoluteExpiresAt.
  expiresAt: number;
  absoluteExpiresAt: number;
  userAgent: string;
}

// What the dashboard shows of a stored entry: the key and value exactly as the engine holds them.
export interface StoredView {
  key: string;
  value: string;
  ttlMs: number;
}

// Every store keys entries by the SHA-256 hash of the session id (base64url), never the id.
// A store that cannot be reached throws AuthError('STORE_UNAVAILABLE') within its timeout.
export interface SessionStore {
  readonly kind: SessionStoreKind;
  get(idHash: string): Promise<SessionEntry | null>;
  // Writes the entry with a TTL that ends at entry.expiresAt; refuses an entry already expired.
  set(idHash: string, entry: SessionEntry): Promise<void>;
  delete(idHash: string): Promise<void>;
  listByUser(userId: string): Promise<Array<{ idHash: string; entry: SessionEntry }>>;
  // Deletes all of a user's sessions but the one named; returns how many were deleted.
  deleteByUser(userId: string, exceptIdHash?: string): Promise<number>;
  inspect(idHash: string): Promise<StoredView | null>;
  close(): Promise<void>;
}
