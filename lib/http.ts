import 'server-only';
import { authenticate, type Viewer } from './auth/authenticate';
import { AuthError, ERRORS, isAuthError, type ErrorCode } from './auth/errors';
import { decideAccess, wwwAuthenticate, type Requirement } from './auth/gate';
import { getConfig } from './config';
import { getLogger } from './log';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function json(body: unknown, init: ResponseInit = {}): Response {
  return Response.json(body, { ...init, headers: { ...NO_STORE, ...init.headers } });
}

export function errorResponse(error: AuthError): Response {
  const headers: Record<string, string> = {};
  if ((error.status === 401 || error.status === 403) && error.challenge) {
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
      refuseCrossOrigin(request);
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

// A browser always sends Origin on a cross-origin POST; SameSite=Lax does not stop a sibling
// site on another port of the same host, and login itself needs no cookie, so check it here.
// Clients that send no Origin (curl, servers) are not browsers and carry no ambient cookie risk.
function refuseCrossOrigin(request: Request): void {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.get('origin');
  if (origin && !isOwnOrigin(origin, request.headers.get('host'))) {
    throw new AuthError('FORBIDDEN', {
      message: 'Cross-origin requests are refused.',
      challenge: false,
    });
  }
}

// The browser's Origin must name this server: the Host it sent the request to (Next builds
// request.url from its own listen address, not from Host), or the configured APP_URL.
function isOwnOrigin(origin: string, host: string | null): boolean {
  if (origin === getConfig().appUrl.origin) return true;
  try {
    const url = new URL(origin);
    return /^https?:$/.test(url.protocol) && host !== null && url.host === host.toLowerCase();
  } catch {
    return false;
  }
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
