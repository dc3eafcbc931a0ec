import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, MultiErrorReply } from 'redis';

// Answers the Upstash REST protocol, as @upstash/redis speaks it, from a real Redis: POST / with
// one command as a JSON array; POST /pipeline and /multi-exec with an array of commands. With
// `Upstash-Encoding: base64` every string in a result is base64 of its UTF-8 bytes.

export interface UpstashBridge {
  url: string;
  close(): Promise<void>;
}

type Reply = { result: unknown } | { error: string };

export async function startUpstashBridge(options: {
  redisUrl: string;
  token: string;
}): Promise<UpstashBridge> {
  const redis = createClient({
    url: options.redisUrl,
    disableOfflineQueue: true,
    socket: { connectTimeout: 1_000, reconnectStrategy: () => 100 },
  });
  redis.on('error', () => {});
  await redis.connect();

  const run = (command: string[]): Promise<unknown> => redis.sendCommand(command);

  async function runTransaction(commands: string[][]): Promise<Reply[]> {
    const multi = redis.multi();
    for (const command of commands) multi.addCommand(command);
    try {
      return ((await multi.exec()) as unknown[]).map((result) => ({ result }));
    } catch (error) {
      if (!(error instanceof MultiErrorReply)) throw error;
      return error.replies.map((reply) =>
        reply instanceof Error ? { error: reply.message } : { result: reply },
      );
    }
  }

  async function answer(path: string, body: unknown): Promise<Reply | Reply[]> {
    if (path === '/' && isCommand(body)) return { result: await run(body) };
    if (!Array.isArray(body) || !body.every(isCommand)) throw new Error('ERR malformed body');
    if (path === '/multi-exec') return runTransaction(body);
    if (path !== '/pipeline') throw new Error(`ERR unknown path ${path}`);
    const replies: Reply[] = [];
    for (const command of body) {
      replies.push(
        await run(command).then(
          (result) => ({ result }),
          (error: Error) => ({ error: error.message }),
        ),
      );
    }
    return replies;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return send(res, 401, { error: 'Unauthorized' });
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'Only POST is supported' });
    // A transaction would otherwise wait in the client's queue and run late, after a reconnect.
    if (!redis.isReady) return send(res, 503, { error: 'Redis is unreachable' });
    const base64 = req.headers['upstash-encoding'] === 'base64';
    try {
      const path = new URL(req.url ?? '/', 'http://bridge').pathname;
      const reply = await answer(path, await readJson(req));
      const encode = (one: Reply): Reply =>
        base64 && 'result' in one ? { result: encodeStrings(one.result) } : one;
      send(res, 200, Array.isArray(reply) ? reply.map(encode) : encode(reply));
    } catch (error) {
      send(res, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (redis.isOpen) redis.destroy();
    },
  };
}

function isCommand(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((arg) => typeof arg === 'string');
}

function encodeStrings(value: unknown): unknown {
  if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('base64');
  return Array.isArray(value) ? value.map(encodeStrings) : value;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Error('ERR body is not JSON');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
