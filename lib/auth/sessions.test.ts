import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/client';
import { sessions, users } from '../db/schema';
import { createSqliteStore } from '../session-store/sqlite';
import type { SessionStore } from '../session-store/types';
import { createSession, validateSession, type SessionSettings } from './sessions';

// createSession and validateSession against the real SQLite store. Time is passed as `now`;
// it starts at the real clock because the store itself refuses entries already expired.

const SETTINGS: SessionSettings = { idleTtl: 600, absoluteTtl: 1_000, touchInterval: 60 };
const SECOND = 1_000;

let dir: string;
let db: Db;
let sqlite: SessionStore;
let calls: string[];
let store: SessionStore;
let userId: string;

// Delegates to the real store and records which operations reached it.
function recording(inner: SessionStore, log: string[]): SessionStore {
  const record =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      log.push(name);
      return fn(...args);
    };
  return {
    kind: inner.kind,
    get: record('get', inner.get),
    set: record('set', inner.set),
    delete: record('delete', inner.delete),
    listByUser: record('listByUser', inner.listByUser),
    deleteByUser: record('deleteByUser', inner.deleteByUser),
    inspect: record('inspect', inner.inspect),
    close: record('close', inner.close),
  };
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');
const rawRows = (): Array<Record<string, unknown>> =>
  (db as Db & { $client: { prepare(sql: string): { all(): unknown[] } } }).$client
    .prepare('select * from sessions')
    .all() as Array<Record<string, unknown>>;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'login-lab-sessions-'));
  db = openDb(path.join(dir, 'sessions.db'));
  sqlite = createSqliteStore(db);
});

afterAll(async () => {
  await sqlite?.close();
  (db as (Db & { $client: { close(): void } }) | undefined)?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  calls = [];
  store = recording(sqlite, calls);
  userId = randomUUID();
  db.insert(users)
    .values({ id: userId, email: `${userId}@example.test`, passwordHash: 'unused' })
    .run();
});

describe('createSession', () => {
  it('issues a 43-character base64url id and stores the entry under its SHA-256 hash', async () => {
    const created = await createSession(store, SETTINGS, { userId, userAgent: 'agent' });

    expect(created.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.idHash).toBe(sha256(created.id));
    expect(await sqlite.get(created.idHash)).toStrictEqual(created.entry);
    expect(await sqlite.get(created.id)).toBeNull();
    const mine = rawRows().filter((row) => row.user_id === userId);
    expect(mine.map((row) => row.id_hash)).toEqual([created.idHash]);
    expect(JSON.stringify(rawRows())).not.toContain(created.id);
  });

  it('issues a different id every time', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      ids.add((await createSession(store, SETTINGS, { userId, userAgent: '' })).id);
    }
    expect(ids.size).toBe(20);
  });

  it('caps the idle expiry at the absolute lifetime and trims the user agent', async () => {
    const now = Date.now();
    const settings = { idleTtl: 600, absoluteTtl: 300, touchInterval: 60 };
    const { entry } = await createSession(
      store,
      settings,
      { userId, userAgent: 'a'.repeat(400) },
      now,
    );

    expect(entry).toMatchObject({ createdAt: now, lastSeenAt: now });
    expect(entry.absoluteExpiresAt).toBe(now + 300 * SECOND);
    expect(entry.expiresAt).toBe(entry.absoluteExpiresAt);
    expect(entry.userAgent).toHaveLength(256);
  });
});

describe('validateSession', () => {
  it('accepts a fresh id and reads the entry for its user', async () => {
    const now = Date.now();
    const { id, idHash } = await createSession(store, SETTINGS, { userId, userAgent: '' }, now);

    const check = await validateSession(store, SETTINGS, id, now + SECOND);
    expect(check).toMatchObject({ ok: true, idHash, entry: { userId } });
  });

  it('does not write within the touch interval and keeps lastSeenAt', async () => {
    const now = Date.now();
    const { id, entry } = await createSession(store, SETTINGS, { userId, userAgent: '' }, now);
    calls.length = 0;

    const check = await validateSession(store, SETTINGS, id, now + 59 * SECOND);
    expect(check.ok && check.entry).toStrictEqual(entry);
    expect(calls).toEqual(['get']);
    expect(await sqlite.get(sha256(id))).toStrictEqual(entry);
  });

  it('slides the idle expiry once the touch interval has passed, with one write', async () => {
    const now = Date.now();
    const { id, entry } = await createSession(store, SETTINGS, { userId, userAgent: '' }, now);
    calls.length = 0;

    const later = now + 61 * SECOND;
    const check = await validateSession(store, SETTINGS, id, later);
    expect(check.ok && check.entry).toStrictEqual({
      ...entry,
      lastSeenAt: later,
      expiresAt: later + SETTINGS.idleTtl * SECOND,
    });
    expect(calls).toEqual(['get', 'set']);
    expect((await sqlite.get(sha256(id)))?.expiresAt).toBe(later + SETTINGS.idleTtl * SECOND);

    calls.length = 0;
    const again = await validateSession(store, SETTINGS, id, later + 30 * SECOND);
    expect(again.ok && again.entry.lastSeenAt).toBe(later);
    expect(calls).toEqual(['get']);
  });

  it('never slides the expiry past the absolute lifetime', async () => {
    const now = Date.now();
    const { id, entry } = await createSession(store, SETTINGS, { userId, userAgent: '' }, now);

    const check = await validateSession(store, SETTINGS, id, now + 500 * SECOND);
    expect(check.ok && check.entry.expiresAt).toBe(entry.absoluteExpiresAt);
    expect(check.ok && check.entry.absoluteExpiresAt).toBe(entry.absoluteExpiresAt);
    expect((await sqlite.get(sha256(id)))?.expiresAt).toBe(entry.absoluteExpiresAt);
  });

  it('ends a session left idle for the idle TTL, and deletes its entry', async () => {
    const settings = { ...SETTINGS, absoluteTtl: 10_000 };
    const now = Date.now();
    const { id, idHash } = await createSession(store, settings, { userId, userAgent: '' }, now);

    const lastSeen = now + 599 * SECOND;
    expect((await validateSession(store, settings, id, lastSeen)).ok).toBe(true);
    calls.length = 0;
    const idle = await validateSession(store, settings, id, lastSeen + settings.idleTtl * SECOND);
    expect(idle).toEqual({ ok: false, code: 'SESSION_EXPIRED' });
    expect(calls).toEqual(['get', 'delete']);
    expect(await sqlite.get(idHash)).toBeNull();
  });

  it('ends an active session at its absolute lifetime', async () => {
    const now = Date.now();
    const { id, idHash } = await createSession(store, SETTINGS, { userId, userAgent: '' }, now);
    for (const at of [100, 300, 500, 700, 900, 999]) {
      const check = await validateSession(store, SETTINGS, id, now + at * SECOND);
      expect(check.ok, `still valid after ${at} s of activity`).toBe(true);
    }

    const ended = await validateSession(store, SETTINGS, id, now + 1_000 * SECOND);
    expect(ended).toEqual({ ok: false, code: 'SESSION_EXPIRED' });
    expect(await sqlite.get(idHash)).toBeNull();
  });

  it('answers SESSION_EXPIRED for an id it never issued', async () => {
    const { id } = await createSession(store, SETTINGS, { userId, userAgent: '' });
    const other = `${id.slice(0, 42)}${id.endsWith('A') ? 'B' : 'A'}`;

    expect(await validateSession(store, SETTINGS, other)).toEqual({
      ok: false,
      code: 'SESSION_EXPIRED',
    });
  });

  const malformed = [
    ['empty', ''],
    ['42 characters', 'A'.repeat(42)],
    ['44 characters', 'A'.repeat(44)],
    ['with a non-base64url character', `${'A'.repeat(42)}=`],
    ['with padding and plus signs', `${'+'.repeat(41)}==`],
    ['with a line break', `${'A'.repeat(42)}\n`],
  ] as const;
  for (const [label, id] of malformed) {
    it(`refuses an id ${label} without touching the store`, async () => {
      calls.length = 0;
      expect(await validateSession(store, SETTINGS, id)).toEqual({
        ok: false,
        code: 'SESSION_EXPIRED',
      });
      expect(calls).toEqual([]);
    });
  }

  it('refuses the stored hash presented as if it were the id', async () => {
    const { idHash } = await createSession(store, SETTINGS, { userId, userAgent: '' });
    expect(idHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await validateSession(store, SETTINGS, idHash)).toEqual({
      ok: false,
      code: 'SESSION_EXPIRED',
    });
  });

  it('keeps the rows in the sessions table keyed by hash only', async () => {
    const { id } = await createSession(store, SETTINGS, { userId, userAgent: '' });
    const rows = db.select({ idHash: sessions.idHash }).from(sessions).all();
    expect(rows.map((r) => r.idHash)).toContain(sha256(id));
    expect(rows.map((r) => r.idHash)).not.toContain(id);
  });
});
