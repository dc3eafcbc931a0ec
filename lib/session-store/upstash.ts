import 'server-only';
import { Redis, type UpstashResponse } from '@upstash/redis';
import { createKeyspaceStore, type CommandRunner, type RedisCommand } from './keyspace';
import type { SessionStore } from './types';

export interface UpstashStoreOptions {
  url: string;
  token: string;
  keyPrefix: string;
  timeoutMs: number;
}

// Exposes the REST transaction endpoint for raw commands; the public multi() only builds typed
// commands, and the key layout is written once, as raw commands, in keyspace.ts.
class UpstashCommands extends Redis {
  async runAtomically(commands: readonly RedisCommand[]): Promise<unknown[]> {
    const body = commands.map((command) => command.map(String));
    const replies = (await this.client.request({ path: ['multi-exec'], body })) as unknown;
    if (!Array.isArray(replies)) throw new Error('Upstash answered a transaction with no array.');
    return (replies as Array<UpstashResponse<unknown>>).map((reply) => {
      if (reply.error) throw new Error(reply.error);
      return reply.result;
    });
  }
}

export function createUpstashStore(options: UpstashStoreOptions): SessionStore {
  const { url, token, timeoutMs } = options;
  const upstash = new UpstashCommands({
    url,
    token,
    // Values come back exactly as stored; by default a string of digits would become a number.
    automaticDeserialization: false,
    enableAutoPipelining: false,
    enableTelemetry: false,
    // A function gives each request its own deadline; a timed-out request throws. (A shared,
    // already aborted signal would instead be answered with the string "Aborted".)
    signal: () => AbortSignal.timeout(timeoutMs),
    // Retrying would multiply the timeout; the caller decides what to do with a failure.
    retry: { retries: 0, backoff: () => 0 },
  });
  const runner: CommandRunner = {
    run: (command) => upstash.exec<unknown>([command[0], ...command.slice(1)]),
    runAtomically: (commands) => upstash.runAtomically(commands),
    close: async () => {},
  };
  return createKeyspaceStore('upstash', runner, options);
}
