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
    // One request per call, so that each call gets its own deadline.
    enableAutoPipelining: false,
    enableTelemetry: false,
    // Given a function, the client throws on timeout; given a plain AbortSignal, it would turn
    // the abort into a reply that looks like success.
    signal: () => AbortSignal.timeout(timeoutMs),
    // Retrying would multiply the timeout; the caller decides what to do with a failure.
    retry: { retries: 0, backoff: () => 0 },
  });
  const runner: CommandRunner = {
    run: (command) => upstash.exec<unknown>([...command]),
    runAtomically: (commands) => upstash.runAtomically(commands),
    close: async () => {},
  };
  return createKeyspaceStore('upstash', runner, options);
}
