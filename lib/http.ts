import 'server-only';
import type { z } from 'zod';
import { authenticate, type Viewer } from './auth/authenticate';
import { AuthError, ERRORS, isAuthError, type ErrorCode } from './auth/errors';
import { decideAccess, wwwAuthenticate, type Requirement } from './auth/gate';
import { getLogger } from './log';
import { fieldErrorsOf } from './validation';

const MAX_BODY_BYTES = 16 * 1024;
const NO_STORE = { 'Cache-Control': 'no-store' };

export function json(body: unknown, init: ResponseInit = {}): Response {
  return Response.json(body, { ...init, headers: { ...NO_STORE, ...init.headers } });
}

export function errorResponse(error: AuthError): Response {
  const headers: Record<string, string> = {};
  // RFC 6750 challenges are about access tokens; a wrong password at login is not one.
  if ((error.status === 401 || error.status === 403) && error.code !== 'INVALID_CREDENTIALS') {
    headers['WWW-Authenticate'] = wwwAuthenticate(error.code, ERRORS[error.code].message)!;
  }
  if (error.retryAfter) headers['Retry-After'] = String(error.retryAfter);
  const body = { error: { code: error.code, message: error.message, fields: error.fields } };
  return json(body, { status: error.status, headers });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

// Every API route runs inside this: contract errors become their JSON answer; anything else is
// logged and becomes a plain 500 with no detail.
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (isAuthError(error)) return errorResponse(error);
      getLogger().error(
        { err: error, path: new URL(request.url).pathname },
        'unhandled route error',
      );
      return json(
        { error: { code: 'INTERNAL', message: 'Something went wrong.' } },
        { status: 500 },
      );
    }
  };
}

export async function requireApiViewer(request: Request, need: Requirement): Promise<Viewer> {
  const result = await authenticate(request.headers);
  const decision = decideAccess(
    result.ok ? result.viewer.role : null,
    result.ok ? null : result.code,
    need,
  );
  if (!decision.allow) throw new AuthError(decision.code);
  return (result as { viewer: Viewer }).viewer;
}

export function fail(code: ErrorCode, message?: string): never {
  throw new AuthError(code, { message });
}

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

  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success)
    throw new AuthError('VALIDATION_FAILED', { fields: fieldErrorsOf(parsed.error) });
  return parsed.data;
}

// Stops reading as soon as the body passes the limit, whatever Content-Length claimed.
async function readBodyUpTo(request: Request, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
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

// Next fills X-Forwarded-For with the peer address only when the client sent none, so this
// address is a hint a client can forge: the per-email limit in rate-limit.ts does not rely on it.
// TODO(trusted-proxy): take the address from a configured number of trusted proxy hops.
export function clientIp(headers: Headers): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1) ?? 'unknown';
}
