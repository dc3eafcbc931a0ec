import { AuthError, isAuthError } from '../auth/errors';
import type { SessionStoreKind } from '../config';
import { checkStorableEntry, decodeEntry, encodeEntry, sessionKey, userIndexKey } from './codec';
import type { SessionStore, StoredView } from './types';

export type RedisCommand = readonly [name: string, ...args: Array<string | number>];

// What redis.ts (TCP) and upstash.ts (REST) each provide; the key layout lives here once.
export interface CommandRunner {
  run(command: RedisCommand): Promise<unknown>;
  // One MULTI/EXEC: the commands apply together, and their replies come back in order.
  runAtomically(commands: readonly RedisCommand[]): Promise<unknown[]>;
  close(): Promise<void>;
}

export interface KeyspaceOptions {
  keyPrefix: string;
  timeoutMs: number;
}

// Entries live at <prefix>sess:<idHash> with PX; <prefix>user:<userId> is a sorted set of the
// user's idHashes scored by expiresAt, so per-user operations never SCAN the keyspace.
export function createKeyspaceStore(
  kind: SessionStoreKind,
  runner: CommandRunner,
  { keyPrefix, timeoutMs }: KeyspaceOptions,
): SessionStore {
  const entryKey = (idHash: string): string => sessionKey(keyPrefix, idHash);
  const indexKey = (userId: string): string => userIndexKey(keyPrefix, userId);
  const guard = <T>(work: () => Promise<T>): Promise<T> => runWithin(timeoutMs, work);

  async function readLiveIds(userId: string, now: number): Promise<string[]> {
    const key = indexKey(userId);
    const [, ids] = await runner.runAtomically([
      ['ZREMRANGEBYSCORE', key, '-inf', now],
      ['ZRANGE', key, `(${now}`, '+inf', 'BYSCORE'],
    ]);
    return Array.isArray(ids) ? ids.map(String) : [];
  }

  return {
    kind,
    get: (idHash) =>
      guard(async () => {
        const entry = decodeEntry(await runner.run(['GET', entryKey(idHash)]));
        return entry && entry.expiresAt > Date.now() ? entry : null;
      }),
    set: async (idHash, entry) => {
      const now = Date.now();
      const ttlMs = checkStorableEntry(entry, now);
      const key = indexKey(entry.userId);
      // NX gives a fresh index its first expiry, GT only ever extends it: max expiry of members.
      const commands: RedisCommand[] = [
        buildSetCommand(entryKey(idHash), encodeEntry(entry), ttlMs),
        ['ZADD', key, entry.expiresAt, idHash],
        ['ZREMRANGEBYSCORE', key, '-inf', now],
        ['PEXPIREAT', key, entry.expiresAt, 'NX'],
        ['PEXPIREAT', key, entry.expiresAt, 'GT'],
      ];
      await guard(() => runner.runAtomically(commands));
    },
    delete: (idHash) =>
      guard(async () => {
        const entry = decodeEntry(await runner.run(['GET', entryKey(idHash)]));
        const commands: RedisCommand[] = [['DEL', entryKey(idHash)]];
        if (entry) commands.push(['ZREM', indexKey(entry.userId), idHash]);
        await runner.runAtomically(commands);
      }),
    listByUser: (userId) =>
      guard(async () => {
        const now = Date.now();
        const ids = await readLiveIds(userId, now);
        if (ids.length === 0) return [];
        const values = await runner.run(['MGET', ...ids.map(entryKey)]);
        return ids.flatMap((idHash, i) => {
          const entry = decodeEntry(Array.isArray(values) ? values[i] : null);
          return entry && entry.userId === userId && entry.expiresAt > now
            ? [{ idHash, entry }]
            : [];
        });
      }),
    deleteByUser: (userId, exceptIdHash) =>
      guard(async () => {
        const ids = (await readLiveIds(userId, Date.now())).filter((id) => id !== exceptIdHash);
        if (ids.length === 0) return 0;
        const [deleted] = await runner.runAtomically([
          ['DEL', ...ids.map(entryKey)],
          ['ZREM', indexKey(userId), ...ids],
        ]);
        return Number(deleted);
      }),
    inspect: (idHash) =>
      guard(async (): Promise<StoredView | null> => {
        const key = entryKey(idHash);
        const [value, ttlMs] = await runner.runAtomically([
          ['GET', key],
          ['PTTL', key],
        ]);
        return typeof value === 'string' ? { key, value, ttlMs: Number(ttlMs) } : null;
      }),
    close: () => runner.close(),
  };
}

// The only place a SET is built: an entry without an expiry would outlive every logout.
function buildSetCommand(key: string, value: string, ttlMs: number): RedisCommand {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new Error(`Refusing to write ${key} without a positive PX expiry.`);
  }
  return ['SET', key, value, 'PX', ttlMs];
}

// Fail closed: whatever stops the backend from answering in time becomes STORE_UNAVAILABLE.
export async function runWithin<T>(timeoutMs: number, work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${timeoutMs} ms.`)), timeoutMs);
  });
  try {
    return await Promise.race([work(), deadline]);
  } catch (error) {
    throw toStoreUnavailable(error);
  } finally {
    clearTimeout(timer);
  }
}

export function toStoreUnavailable(cause: unknown): AuthError {
  if (isAuthError(cause)) return cause;
  const error = new AuthError('STORE_UNAVAILABLE');
  error.cause = cause;
  return error;
}
