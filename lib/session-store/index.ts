import 'server-only';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { createRedisStore } from './redis';
import { createSqliteStore } from './sqlite';
import type { SessionStore } from './types';
import { createUpstashStore } from './upstash';

// On globalThis so that Next's dev reloads reuse one store (and one connection) per process.
const globalForStore = globalThis as unknown as { loginLabSessionStore?: SessionStore };

export function getSessionStore(): SessionStore {
  globalForStore.loginLabSessionStore ??= createConfiguredStore();
  return globalForStore.loginLabSessionStore;
}

function createConfiguredStore(): SessionStore {
  const { session } = getConfig();
  const shared = { keyPrefix: session.keyPrefix, timeoutMs: session.storeTimeoutMs };
  switch (session.store) {
    case 'redis':
      if (!session.redisUrl) throw new Error('REDIS_URL is required when SESSION_STORE=redis.');
      return createRedisStore({ url: session.redisUrl, ...shared });
    case 'upstash':
      if (!session.upstash) {
        throw new Error(
          'UPSTASH_REDIS_REST_URL and _TOKEN are required when SESSION_STORE=upstash.',
        );
      }
      return createUpstashStore({ ...session.upstash, ...shared });
    case 'sqlite':
      return createSqliteStore(getDb());
  }
}
