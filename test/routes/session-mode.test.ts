import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appClient,
  AUTH_COOKIES,
  cookieAttributes,
  cookieHeader,
  expectError,
  setCookieFor,
  uniqueEmail,
  useAppServer,
} from '../support/http';
import { createUserWithRole, PASSWORD } from '../support/users';

// Server-session mode through the real API of a production build, on the default SQLite store:
// the cookie is a random id, the store decides, and the role is read from the database.

const SID = AUTH_COOKIES.session;
const ACCESS = AUTH_COOKIES.jwt;
const ROOT_ADMIN = uniqueEmail('root');

const server = useAppServer();
const { send, me, signUp, logIn, issueToken, expectMe } = appClient(server);
let rootToken: string;

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
  createUserWithRole(server().dataDir, ROOT_ADMIN, PASSWORD, 'admin');
  rootToken = await issueToken(ROOT_ADMIN);
});

describe('logging in with mode session', () => {
  it('sets ll_sid as an HttpOnly, SameSite=Lax, Path=/ cookie holding a random id', async () => {
    const { email } = await signUp('cookie');
    const { res, value } = await logIn(email, 'session');

    expect(await res.json()).toMatchObject({ mode: 'session', user: { email } });
    const attributes = cookieAttributes(setCookieFor(res, SID)!);
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(attributes).not.toContain('secure');
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookieFor(res, ACCESS)).toBeUndefined();
  });

  it('is what /api/me reports, with the user and role from the database', async () => {
    const { email } = await signUp('me');
    const { value } = await logIn(email, 'session');

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
    const { email } = await signUp('logout');
    const { value } = await logIn(email, 'session');
    await expectMe(asSession(value), { mode: 'session' });

    const out = await send('/api/auth/logout', { method: 'POST', headers: asSession(value) });
    expect(out.status).toBe(200);
    expect(setCookieFor(out, SID)).toMatch(/Max-Age=0/i);

    const replay = await me(asSession(value));
    expect(replay.headers.get('www-authenticate')).toContain('error="invalid_token"');
    await expectError(replay, 401, 'SESSION_EXPIRED');
  });

  it('is refused when made up, well-formed or not', async () => {
    for (const madeUp of [randomBytes(32).toString('base64url'), 'not-a-session-id']) {
      await expectError(await me(asSession(madeUp)), 401, 'SESSION_EXPIRED');
    }
  });
});

describe('logging in again from the same cookie jar', () => {
  it('issues a new id and ends the one the browser brought', async () => {
    const { email } = await signUp('relogin');
    const first = await logIn(email, 'session');
    const second = await logIn(email, 'session', asSession(first.value));

    expect(second.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.value).not.toBe(first.value);
    await expectMe(asSession(second.value), { mode: 'session', user: { email } });
    await expectError(await me(asSession(first.value)), 401, 'SESSION_EXPIRED');
  });

  it('never adopts an id planted before login (session fixation)', async () => {
    const { email } = await signUp('fixation');
    const planted = randomBytes(32).toString('base64url');
    const { value } = await logIn(email, 'session', asSession(planted));

    expect(value).not.toBe(planted);
    await expectMe(asSession(value), { mode: 'session' });
    await expectError(await me(asSession(planted)), 401, 'SESSION_EXPIRED');
  });
});

describe('role changes in session mode', () => {
  it('a demotion bites at once in every mode: session reads the database, a JWT is revoked', async () => {
    const { id, email } = await signUp('demoted');
    expect((await setRole(id, 'admin')).status).toBe(200);
    const session = (await logIn(email, 'session')).value;
    const jwt = (await logIn(email, 'jwt')).value;
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
    // The demotion bumped the token version: the JWT that still says "admin" is refused.
    await expectError(
      await send('/api/admin/users', { headers: asJwt(jwt) }),
      401,
      'TOKEN_REVOKED',
    );
  });

  it('a promotion ends the user’s sessions; a JWT keeps working with its old role', async () => {
    const { id, email } = await signUp('promoted');
    const session = (await logIn(email, 'session')).value;
    const jwt = (await logIn(email, 'jwt')).value;
    await expectError(
      await send('/api/admin/users', { headers: asSession(session) }),
      403,
      'FORBIDDEN',
    );

    expect((await setRole(id, 'admin')).status).toBe(200);

    await expectError(await me(asSession(session)), 401, 'SESSION_EXPIRED');
    await expectMe(asJwt(jwt), { mode: 'jwt', role: 'user' });
    await expectError(await send('/api/admin/users', { headers: asJwt(jwt) }), 403, 'FORBIDDEN');

    const fresh = (await logIn(email, 'session')).value;
    expect((await send('/api/admin/users', { headers: asSession(fresh) })).status).toBe(200);
  });

  it('a promotion ends only that user’s sessions', async () => {
    const promoted = await signUp('promoted-only');
    const bystander = await signUp('bystander');
    const theirs = (await logIn(bystander.email, 'session')).value;

    expect((await setRole(promoted.id, 'admin')).status).toBe(200);
    await expectMe(asSession(theirs), { mode: 'session', user: { email: bystander.email } });
  });
});
