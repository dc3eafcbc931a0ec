import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/server';
import { createUserWithRole } from '../support/users';

// Server-session mode through the real API of a production build, on the default SQLite store:
// the cookie is a random id, the store decides, and the role is read from the database.

const PASSWORD = 'correct horse battery staple';
const SID = 'll_sid';
const ACCESS = 'll_access';
const ROOT_ADMIN = `root-${randomUUID().slice(0, 8)}@example.test`;

type Mode = 'jwt' | 'sealed' | 'session';

let server: AppServer;
let rootToken: string;

const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;
const cookieHeader = (name: string, value: string) => ({ cookie: `${name}=${value}` });

function send(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { redirect: 'manual', ...init });
}

function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return send(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

// The Set-Cookie line for `name`, if the response sets it.
function setCookieFor(res: Response, name: string): string | undefined {
  return res.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
}

function cookieValue(line: string | undefined): string {
  return line?.split(';')[0]?.split('=').slice(1).join('=') ?? '';
}

async function login(
  email: string,
  mode: Mode,
  headers: Record<string, string> = {},
): Promise<{ res: Response; value: string }> {
  const res = await postJson('/api/auth/login', { email, password: PASSWORD, mode }, headers);
  expect(res.status).toBe(200);
  const name = mode === 'session' ? SID : mode === 'jwt' ? ACCESS : 'll_sealed';
  return { res, value: cookieValue(setCookieFor(res, name)) };
}

async function signup(label: string): Promise<{ id: string; email: string }> {
  const email = uniqueEmail(label);
  const res = await postJson('/api/auth/signup', { email, password: PASSWORD });
  expect(res.status).toBe(201);
  return { id: ((await res.json()) as { user: { id: string } }).user.id, email };
}

async function expectError(res: Response, status: number, code: string): Promise<void> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect((JSON.parse(text) as { error: { code: string } }).error.code).toBe(code);
}

async function expectMe(headers: Record<string, string>, fields: Record<string, unknown>) {
  const res = await send('/api/me', { headers });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(await res.json()).toMatchObject(fields);
}

const asSession = (sid: string) => cookieHeader(SID, sid);
const asJwt = (token: string) => cookieHeader(ACCESS, token);

function setRole(userId: string, role: 'user' | 'admin'): Promise<Response> {
  return send(`/api/admin/users/${userId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${rootToken}` },
    body: JSON.stringify({ role }),
  });
}

beforeAll(async () => {
  server = await startAppServer();
  createUserWithRole(server.dataDir, ROOT_ADMIN, PASSWORD, 'admin');
  const res = await postJson('/api/auth/token', { email: ROOT_ADMIN, password: PASSWORD });
  expect(res.status).toBe(200);
  rootToken = ((await res.json()) as { access_token: string }).access_token;
});

afterAll(async () => {
  await server?.stop();
});

describe('logging in with mode session', () => {
  it('sets ll_sid as an HttpOnly, SameSite=Lax, Path=/ cookie holding a random id', async () => {
    const { email } = await signup('cookie');
    const { res, value } = await login(email, 'session');

    expect(await res.json()).toMatchObject({ mode: 'session', user: { email } });
    const line = setCookieFor(res, SID)!;
    const attributes = line
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(attributes).not.toContain('secure');
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookieFor(res, ACCESS)).toBeUndefined();
  });

  it('is what /api/me reports, with the user and role from the database', async () => {
    const { email } = await signup('me');
    const { value } = await login(email, 'session');

    await expectMe(asSession(value), {
      mode: 'session',
      source: 'cookie',
      role: 'user',
      user: { email },
    });
  });
});

describe('a session id that the store does not hold', () => {
  it('is refused after logout: replaying the old cookie gets 401 SESSION_EXPIRED', async () => {
    const { email } = await signup('logout');
    const { value } = await login(email, 'session');
    await expectMe(asSession(value), { mode: 'session' });

    const out = await send('/api/auth/logout', { method: 'POST', headers: asSession(value) });
    expect(out.status).toBe(200);
    expect(setCookieFor(out, SID)).toMatch(/Max-Age=0/i);

    const replay = await send('/api/me', { headers: asSession(value) });
    expect(replay.headers.get('www-authenticate')).toContain('error="invalid_token"');
    await expectError(replay, 401, 'SESSION_EXPIRED');
  });

  it('is refused when made up, well-formed or not', async () => {
    for (const madeUp of [randomBytes(32).toString('base64url'), 'not-a-session-id']) {
      await expectError(
        await send('/api/me', { headers: asSession(madeUp) }),
        401,
        'SESSION_EXPIRED',
      );
    }
  });
});

describe('logging in again from the same cookie jar', () => {
  it('issues a new id and ends the one the browser brought', async () => {
    const { email } = await signup('relogin');
    const first = await login(email, 'session');
    const second = await login(email, 'session', asSession(first.value));

    expect(second.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.value).not.toBe(first.value);
    await expectMe(asSession(second.value), { mode: 'session', user: { email } });
    await expectError(
      await send('/api/me', { headers: asSession(first.value) }),
      401,
      'SESSION_EXPIRED',
    );
  });

  it('never adopts an id planted before login (session fixation)', async () => {
    const { email } = await signup('fixation');
    const planted = randomBytes(32).toString('base64url');
    const { value } = await login(email, 'session', asSession(planted));

    expect(value).not.toBe(planted);
    await expectMe(asSession(value), { mode: 'session' });
    await expectError(
      await send('/api/me', { headers: asSession(planted) }),
      401,
      'SESSION_EXPIRED',
    );
  });
});

describe('role changes in session mode', () => {
  it('a demotion bites at once; a JWT keeps its stale admin role until re-issued', async () => {
    const { id, email } = await signup('demoted');
    expect((await setRole(id, 'admin')).status).toBe(200);
    const session = (await login(email, 'session')).value;
    const jwt = (await login(email, 'jwt')).value;
    expect((await send('/api/admin/users', { headers: asSession(session) })).status).toBe(200);
    expect((await send('/api/admin/users', { headers: asJwt(jwt) })).status).toBe(200);

    const demote = await setRole(id, 'user');
    expect(demote.status).toBe(200);
    expect(await demote.json()).toMatchObject({ user: { role: 'user' } });

    await expectError(
      await send('/api/admin/users', { headers: asSession(session) }),
      403,
      'FORBIDDEN',
    );
    await expectMe(asSession(session), { mode: 'session', role: 'user' });
    expect((await send('/api/admin/users', { headers: asJwt(jwt) })).status).toBe(200);
    await expectMe(asJwt(jwt), { mode: 'jwt', role: 'admin' });
  });

  it('a promotion ends the user’s sessions; a JWT keeps working with its old role', async () => {
    const { id, email } = await signup('promoted');
    const session = (await login(email, 'session')).value;
    const jwt = (await login(email, 'jwt')).value;
    await expectError(
      await send('/api/admin/users', { headers: asSession(session) }),
      403,
      'FORBIDDEN',
    );

    expect((await setRole(id, 'admin')).status).toBe(200);

    await expectError(
      await send('/api/me', { headers: asSession(session) }),
      401,
      'SESSION_EXPIRED',
    );
    await expectMe(asJwt(jwt), { mode: 'jwt', role: 'user' });
    await expectError(await send('/api/admin/users', { headers: asJwt(jwt) }), 403, 'FORBIDDEN');

    const fresh = (await login(email, 'session')).value;
    expect((await send('/api/admin/users', { headers: asSession(fresh) })).status).toBe(200);
  });

  it('a promotion ends only that user’s sessions', async () => {
    const promoted = await signup('promoted-only');
    const bystander = await signup('bystander');
    const theirs = (await login(bystander.email, 'session')).value;

    expect((await setRole(promoted.id, 'admin')).status).toBe(200);
    await expectMe(asSession(theirs), { mode: 'session', user: { email: bystander.email } });
  });
});
