import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  hasRedisServer,
  startRedisServer,
  type RedisServer,
} from '../../test/support/redis-server';
import { freePort } from '../../test/support/server';
import { startUpstashBridge } from '../../test/support/upstash-bridge';
import { isAuthError } from '../auth/errors';
import { createRedisStore } from './redis';
import type { SessionEntry, SessionStore } from './types';
import { createUpstashStore } from './upstash';
import { announceSkip, IN_CI } from '../../test/support/services';

const TIMEOUT_MS = 300;
// The store's timeout plus room for a loaded machine; a hang would blow far past it.
const FAIL_WITHIN_MS = 2_000;
const RECOVER_WITHIN_MS = 8_000;

const cleanups: Array<() => Promise<unknown> | unknown> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const newIdHash = (): string => randomBytes(32).toString('base64url');
const keyPrefix = (): string => `lloutage:${randomUUID()}:`;

function makeEntry(): SessionEntry {
  const now = Date.now();
  return {
    userId: randomUUID(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + 60_000,
    absoluteExpiresAt: now + 3_600_000,
    userAgent: 'outage-test',
  };
}

// A throwaway redis-server on `port`, killed after the test if the test has not killed it.
async function startTrackedRedis(port: number): Promise<RedisServer> {
  const redis = await startRedisServer(port);
  cleanups.push(() => redis.stop());
  return redis;
}

async function expectFailsClosedFast(work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  const error = await work().then(
    () => new Error('the call succeeded while the store was down'),
    (e: unknown) => e,
  );
  const elapsed = performance.now() - started;
  expect(isAuthError(error) ? error.code : error).toBe('STORE_UNAVAILABLE');
  expect(elapsed).toBeLessThan(FAIL_WITHIN_MS);
}

async function waitUntilWorks(work: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + RECOVER_WITHIN_MS;
  for (;;) {
    try {
      await work();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

function track(store: SessionStore): SessionStore {
  cleanups.push(() => store.close());
  return store;
}

describe.runIf(hasRedisServer)('session stores when Redis goes away', () => {
  it('fail closed fast before Redis is up, and connect on a later call', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const store = track(createRedisStore({ url, keyPrefix: keyPrefix(), timeoutMs: TIMEOUT_MS }));
    const id = newIdHash();

    await expectFailsClosedFast(() => store.get(id));
    await expectFailsClosedFast(() => store.set(id, makeEntry()));
    await startTrackedRedis(port);

    expect(await store.get(id)).toBeNull();
  });

  it('fail closed fast while Redis is down, and recover on their own when it returns', async () => {
    const port = await freePort();
    const redisUrl = `redis://127.0.0.1:${port}`;
    const token = randomBytes(16).toString('hex');
    let redis = await startTrackedRedis(port);
    const bridge = await startUpstashBridge({ redisUrl, token });
    cleanups.push(() => bridge.close());
    const stores = [
      track(createRedisStore({ url: redisUrl, keyPrefix: keyPrefix(), timeoutMs: TIMEOUT_MS })),
      track(
        createUpstashStore({
          url: bridge.url,
          token,
          keyPrefix: keyPrefix(),
          timeoutMs: TIMEOUT_MS,
        }),
      ),
    ];
    const [id, entry] = [newIdHash(), makeEntry()];
    for (const store of stores) {
      await store.set(id, entry);
      expect(await store.get(id)).toStrictEqual(entry);
    }

    await redis.stop();
    for (const store of stores) {
      await expectFailsClosedFast(() => store.get(id));
      await expectFailsClosedFast(() => store.set(id, makeEntry()));
      await expectFailsClosedFast(() => store.listByUser(entry.userId));
      await expectFailsClosedFast(() => store.deleteByUser(entry.userId));
    }

    redis = await startTrackedRedis(port);
    for (const store of stores) {
      await waitUntilWorks(() => store.set(id, entry));
      expect(await store.get(id)).toStrictEqual(entry);
    }
  });

  it('fail closed within the timeout when the server accepts but never answers', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => silent.close(resolve));
    });
    const { port } = silent.address() as { port: number };
    const redis = track(
      createRedisStore({
        url: `redis://127.0.0.1:${port}`,
        keyPrefix: keyPrefix(),
        timeoutMs: TIMEOUT_MS,
      }),
    );
    const upstash = track(
      createUpstashStore({
        url: `http://127.0.0.1:${port}`,
        token: 'unused',
        keyPrefix: keyPrefix(),
        timeoutMs: TIMEOUT_MS,
      }),
    );

    for (const store of [redis, upstash]) {
      await expectFailsClosedFast(() => store.get(newIdHash()));
      await expectFailsClosedFast(() => store.get(newIdHash()));
    }
  });

  it('fail closed fast when the REST endpoint is not listening', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const store = track(
      createUpstashStore({ url, token: 'unused', keyPrefix: keyPrefix(), timeoutMs: TIMEOUT_MS }),
    );
    await expectFailsClosedFast(() => store.get(newIdHash()));
    await expectFailsClosedFast(() => store.set(newIdHash(), makeEntry()));
  });
});

if (!hasRedisServer) {
  if (IN_CI) {
    it('finds redis-server for the outage tests', () => {
      throw new Error('CI=true but the redis-server binary is not on PATH; install redis-server.');
    });
  } else {
    const hint = 'redis-server is not on PATH; install it (apt-get install redis-server)';
    announceSkip('the Redis outage tests', hint);
    describe.skip(`Redis outage tests — SKIPPED: ${hint}`, () => {
      it('needs redis-server', () => {});
    });
  }
}
