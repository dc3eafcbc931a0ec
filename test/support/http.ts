import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { AUTH_COOKIES, type Mode } from './auth-cookies';
import { startAppServer, type AppServer } from './server';
import { PASSWORD } from './users';

// Talking to an app under test over HTTP, and the checks its answers share. Requests never
// follow redirects, so a test sees the 303 or 307 itself.

export { AUTH_COOKIES };
export type { Mode };
export type HeaderMap = Record<string, string>;

export const STACK_FRAME = /\bat .+:\d+:\d+/;

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

export type ExpectError = (res: Response, status: number, code: string) => Promise<ErrorBody>;

export const uniqueEmail = (label: string): string =>
  `${label}-${randomUUID().slice(0, 8)}@example.test`;

export const cookieHeader = (name: string, value: string): HeaderMap => ({
  cookie: `${name}=${value}`,
});
export const bearerHeader = (token: string): HeaderMap => ({ authorization: `Bearer ${token}` });

// The Set-Cookie line for `name`, if the response sets it.
export function setCookieFor(res: Response, name: string): string | undefined {
  return res.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
}

// The value the response sets `name` to, or '' when it sets no such cookie.
export function cookieValue(res: Response, name: string): string {
  const line = setCookieFor(res, name);
  return line ? line.split(';')[0]!.slice(name.length + 1) : '';
}

// The attributes after name=value, trimmed and lower-cased: 'httponly', 'path=/', 'max-age=0'.
export function cookieAttributes(setCookie: string): string[] {
  return setCookie
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());
}

// Starts an app before the tests of the enclosing describe (or file) and stops it after them.
export function useAppServer(extraEnv: Record<string, string> = {}): () => AppServer {
  let server: AppServer | undefined;
  beforeAll(async () => {
    server = await startAppServer(extraEnv);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('The app server is not running: use it inside a test or hook.');
    return server;
  };
}

export interface AppClient {
  send(urlPath: string, init?: RequestInit): Promise<Response>;
  postJson(urlPath: string, body: unknown, headers?: HeaderMap): Promise<Response>;
  me(headers: HeaderMap): Promise<Response>;
  // Signs up a new user with a unique email made from `label`, and PASSWORD.
  signUp(label: string): Promise<{ id: string; email: string }>;
  // Logs in with PASSWORD; the value is that of the mode's cookie, which must be set.
  logIn(email: string, mode: Mode, headers?: HeaderMap): Promise<{ res: Response; value: string }>;
  issueToken(email: string): Promise<string>;
  expectMe(headers: HeaderMap, fields: Record<string, unknown>): Promise<void>;
  expectLoginRedirect(res: Response, from: string): void;
}

// A client for whichever app `server` returns when a request is made.
export function appClient(server: () => AppServer): AppClient {
  const send = (urlPath: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${server().url}${urlPath}`, { redirect: 'manual', ...init });
  const postJson = (urlPath: string, body: unknown, headers: HeaderMap = {}): Promise<Response> =>
    send(urlPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const me = (headers: HeaderMap): Promise<Response> => send('/api/me', { headers });

  return {
    send,
    postJson,
    me,
    async signUp(label) {
      const email = uniqueEmail(label);
      const res = await postJson('/api/auth/signup', { email, password: PASSWORD });
      expect(res.status).toBe(201);
      return { id: ((await res.json()) as { user: { id: string } }).user.id, email };
    },
    async logIn(email, mode, headers = {}) {
      const res = await postJson('/api/auth/login', { email, password: PASSWORD, mode }, headers);
      expect(res.status, await res.clone().text()).toBe(200);
      const value = cookieValue(res, AUTH_COOKIES[mode]);
      expect(value, `login sets ${AUTH_COOKIES[mode]}`).not.toBe('');
      return { res, value };
    },
    async issueToken(email) {
      const res = await postJson('/api/auth/token', { email, password: PASSWORD });
      expect(res.status).toBe(200);
      return ((await res.json()) as { access_token: string }).access_token;
    },
    async expectMe(headers, fields) {
      const res = await me(headers);
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await res.json()).toMatchObject(fields);
    },
    expectLoginRedirect(res, from) {
      expect([303, 307]).toContain(res.status);
      const location = new URL(res.headers.get('location') ?? '', server().url);
      expect(location.origin).toBe(server().url);
      expect(location.pathname).toBe('/login');
      expect(location.search).toBe(`?next=${encodeURIComponent(from)}`);
    },
  };
}

// An error answer with this status and code.
export async function expectError(res: Response, status: number, code: string): Promise<ErrorBody> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code).toBe(code);
  return body;
}

// expectError for a file that also checks every refusal gives nothing away (no stack frame,
// not the app's JWT secret) and lists the codes it produced in `produced`.
export function safeErrorCheck(server: () => AppServer, produced: Set<string>): ExpectError {
  return async (res, status, code) => {
    const text = await res.clone().text();
    expect(text).not.toMatch(STACK_FRAME);
    expect(text).not.toContain(server().env.JWT_SECRET);
    const body = await expectError(res, status, code);
    produced.add(code);
    return body;
  };
}
