import 'server-only';
import type { z } from 'zod';
import { AuthError } from './auth/errors';
import { fail } from './http';
import { fieldErrorsOf } from './validation';

const MAX_BODY_BYTES = 16 * 1024;
const BODY_TIMEOUT_MS = 10_000;

// Reads a JSON body: wrong type, over 16 KB or unparseable is 400; fields failing the schema 422.
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    fail('BAD_REQUEST', 'Send Content-Type: application/json.');
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) fail('BAD_REQUEST', 'The body is over 16 KB.');

  const bytes = await readBodyUpTo(request, MAX_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    fail('BAD_REQUEST', 'The body is not valid JSON.');
  }

  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    fail('BAD_REQUEST', 'The body must be a JSON object.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new AuthError('VALIDATION_FAILED', { fields: fieldErrorsOf(parsed.error) });
  return parsed.data;
}

// Stops reading as soon as the body passes the limit, whatever Content-Length claimed, and gives
// up on a body that has not arrived whole within BODY_TIMEOUT_MS.
async function readBodyUpTo(request: Request, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  const deadline = Date.now() + BODY_TIMEOUT_MS;
  while (reader) {
    const { done, value } = await readBefore(reader, deadline);
    if (done) break;
    total += value.length;
    if (total > limit) {
      void reader.cancel().catch(() => {});
      fail('BAD_REQUEST', 'The body is over 16 KB.');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function readBefore(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  deadline: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('body timeout')), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([reader.read(), late]);
  } catch {
    // Not awaited: cancelling a Node request stream waits behind the read that is stuck.
    void reader.cancel().catch(() => {});
    return fail('BAD_REQUEST', 'The body did not arrive in time.');
  } finally {
    clearTimeout(timer);
  }
}
