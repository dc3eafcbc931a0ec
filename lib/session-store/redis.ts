import 'server-only';
import { createClient } from 'redis';
import { createKeyspaceStore, type CommandRunner, type RedisCommand } from './keyspace';
import type { SessionStore } from './types';

export interface RedisStoreOptions {
  url: string;
  keyPrefix: string;
  timeoutMs: number;
}

const MAX_RECONNECT_DELAY_MS = 2_000;

export function createRedisStore(options: RedisStoreOptions): SessionStore {
  return createKeyspaceStore('redis', createRedisRunner(options), options);
}

function createRedisRunner({ url, timeoutMs }: RedisStoreOptions): CommandRunner {
  let everConnected = false;
  let closed = false;
  let connecting: Promise<void> | undefined;
  const client = createClient({
    url,
    // Commands sent while the connection is down fail at once instead of waiting in a queue.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: timeoutMs,
      // A lost connection is retried in the background; a failed first connect is retried by
      // the next call instead, so nothing keeps dialling a server that was never there.
      reconnectStrategy: (retries) =>
        everConnected && Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
    },
  });
  // Failures reach callers as STORE_UNAVAILABLE; without a listener an 'error' event would
  // crash the process.
  client.on('error', () => {});

  async function ensureReady(): Promise<void> {
    if (closed) throw new Error('The Redis session store is closed.');
    if (client.isReady) return;
    if (!connecting) {
      if (client.isOpen) throw new Error('Redis connection lost; reconnecting in the background.');
      connecting = client
        .connect()
        .then(() => {
          everConnected = true;
        })
        .finally(() => {
          connecting = undefined;
        });
    }
    await connecting;
  }

  return {
    async run(command: RedisCommand): Promise<unknown> {
      await ensureReady();
      return client.sendCommand(command.map(String));
    },
    async runAtomically(commands: readonly RedisCommand[]): Promise<unknown[]> {
      // MULTI bypasses the offline check that sendCommand makes, so ensureReady is what keeps
      // a transaction from waiting for a reconnect.
      await ensureReady();
      const multi = client.multi();
      for (const command of commands) multi.addCommand(command.map(String));
      return (await multi.exec()) as unknown[];
    },
    async close(): Promise<void> {
      closed = true;
      if (client.isOpen) client.destroy();
    },
  };
}
