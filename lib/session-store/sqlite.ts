import 'server-only';
import { and, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions, type SessionRow } from '../db/schema';
import { checkStorableEntry } from './codec';
import type { SessionEntry, SessionStore, StoredView } from './types';

const SWEEP_INTERVAL_MS = 60_000;

// Like Django's database session engine: rows past expiresAt read as absent, are deleted when
// read, and are swept in the background so the table does not grow without bound.
export function createSqliteStore(db: Db): SessionStore {
  const sweeper = setInterval(() => {
    try {
      sweepExpiredSessions(db, Date.now());
    } catch {
      // A busy or closed database must not crash the process; reads still ignore expired rows.
    }
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();

  // The read on every session-mode request, prepared once.
  const selectRow = db
    .select()
    .from(sessions)
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .prepare();

  function readLiveRow(idHash: string, now: number): SessionRow | null {
    const row = selectRow.get({ idHash });
    if (!row) return null;
    if (row.expiresAt.getTime() <= now) {
      db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
      return null;
    }
    return row;
  }

  return {
    kind: 'sqlite',
    get: async (idHash) => {
      const row = readLiveRow(idHash, Date.now());
      return row ? toEntry(row) : null;
    },
    set: async (idHash, entry) => {
      checkStorableEntry(entry, Date.now());
      const values = toRow(entry);
      db.insert(sessions)
        .values({ idHash, ...values })
        .onConflictDoUpdate({ target: sessions.idHash, set: values })
        .run();
    },
    delete: async (idHash) => {
      db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
    },
    listByUser: async (userId) => {
      const rows = db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
        .all();
      return rows.map((row) => ({ idHash: row.idHash, entry: toEntry(row) }));
    },
    deleteByUser: async (userId, exceptIdHash) => {
      const now = Date.now();
      const mine = eq(sessions.userId, userId);
      const deleted = db
        .delete(sessions)
        .where(exceptIdHash ? and(mine, ne(sessions.idHash, exceptIdHash)) : mine)
        .returning({ expiresAt: sessions.expiresAt })
        .all();
      // Expired rows go too, but only live sessions count, as in the Redis stores.
      return deleted.filter((row) => row.expiresAt.getTime() > now).length;
    },
    inspect: async (idHash) => inspectRow(db, idHash, readLiveRow(idHash, Date.now())),
    close: async () => clearInterval(sweeper),
  };
}

// Returns how many expired rows were deleted.
export function sweepExpiredSessions(db: Db, now: number): number {
  return db
    .delete(sessions)
    .where(lte(sessions.expiresAt, new Date(now)))
    .run().changes;
}

function inspectRow(db: Db, idHash: string, live: SessionRow | null): StoredView | null {
  if (!live) return null;
  // The raw row, column names and integers, exactly as SQLite holds it.
  const raw = db.get<Record<string, unknown>>(
    sql`select * from ${sessions} where ${sessions.idHash} = ${idHash}`,
  );
  if (!raw) return null;
  return {
    key: `sessions.id_hash = ${idHash}`,
    value: JSON.stringify(raw),
    ttlMs: live.expiresAt.getTime() - Date.now(),
  };
}

function toEntry(row: SessionRow): SessionEntry {
  return {
    userId: row.userId,
    createdAt: row.createdAt.getTime(),
    lastSeenAt: row.lastSeenAt.getTime(),
    expiresAt: row.expiresAt.getTime(),
    absoluteExpiresAt: row.absoluteExpiresAt.getTime(),
    userAgent: row.userAgent,
  };
}

function toRow(entry: SessionEntry): Omit<SessionRow, 'idHash'> {
  return {
    userId: entry.userId,
    createdAt: new Date(entry.createdAt),
    lastSeenAt: new Date(entry.lastSeenAt),
    expiresAt: new Date(entry.expiresAt),
    absoluteExpiresAt: new Date(entry.absoluteExpiresAt),
    userAgent: entry.userAgent,
  };
}
