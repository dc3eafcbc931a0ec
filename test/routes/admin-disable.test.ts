import { beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../support/app-database';
import {
  appClient,
  AUTH_COOKIES,
  bearerHeader,
  cookieHeader,
  expectError,
  useAppServer,
  type HeaderMap,
} from '../support/http';
import { createUserWithRole, PASSWORD } from '../support/users';

// Disabling an account through PATCH /api/admin/users/:id {disabled}: refused at once in every
// mode, no new login, server sessions gone; enabling it again lets the user back in.

const ADMIN = 'disable-admin@example.test';

const server = useAppServer();
const { send, postJson, signUp, logIn, issueToken, expectMe } = appClient(server);
let admin: HeaderMap;
let adminId: string;

const patch = (id: string, body: unknown): Promise<Response> =>
  send(`/api/admin/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...admin },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  createUserWithRole(server().dataDir, ADMIN, PASSWORD, 'admin');
  admin = bearerHeader(await issueToken(ADMIN));
  adminId = ((await (await send('/api/me', { headers: admin })).json()) as { user: { id: string } })
    .user.id;
});

describe('PATCH /api/admin/users/:id {disabled}', () => {
  it('refuses every credential of a disabled user at once, and their next login', async () => {
    const { id, email } = await signUp('disabled');
    const jwt = cookieHeader(AUTH_COOKIES.jwt, (await logIn(email, 'jwt')).value);
    const sealed = cookieHeader(AUTH_COOKIES.sealed, (await logIn(email, 'sealed')).value);
    const session = cookieHeader(AUTH_COOKIES.session, (await logIn(email, 'session')).value);
    const bearer = bearerHeader(await issueToken(email));

    const res = await patch(id, { disabled: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { disabled: true } });

    await expectError(await send('/api/me', { headers: jwt }), 401, 'USER_DISABLED');
    await expectError(await send('/api/me', { headers: sealed }), 401, 'USER_DISABLED');
    await expectError(await send('/api/me', { headers: bearer }), 401, 'USER_DISABLED');
    // Disabling deletes the server sessions, so the session cookie points at nothing.
    await expectError(await send('/api/me', { headers: session }), 401, 'SESSION_EXPIRED');
    const login = await postJson('/api/auth/login', { email, password: PASSWORD });
    await expectError(login, 401, 'USER_DISABLED');
    expect(login.headers.getSetCookie()).toEqual([]);
  });

  it('lets an enabled user back in', async () => {
    const { id, email } = await signUp('enabled');
    expect((await patch(id, { disabled: true })).status).toBe(200);
    expect((await patch(id, { disabled: false })).status).toBe(200);
    const jwt = cookieHeader(AUTH_COOKIES.jwt, (await logIn(email, 'jwt')).value);
    await expectMe(jwt, { user: { email, disabled: false } });
    const actions = readRows<{ action: string }>(
      server().dataDir,
      'select action from audit_log where target_id = ? order by id',
      id,
    ).map((row) => row.action);
    expect(actions).toEqual(['user.signup', 'user.disable', 'user.enable', 'user.login']);
  });

  it('does not bring back credentials issued before the account was disabled', async () => {
    const { id, email } = await signUp('reenabled');
    const jwt = cookieHeader(AUTH_COOKIES.jwt, (await logIn(email, 'jwt')).value);
    const sealed = cookieHeader(AUTH_COOKIES.sealed, (await logIn(email, 'sealed')).value);
    const bearer = bearerHeader(await issueToken(email));
    expect((await patch(id, { disabled: true })).status).toBe(200);
    expect((await patch(id, { disabled: false })).status).toBe(200);
    for (const headers of [jwt, sealed, bearer]) {
      await expectError(await send('/api/me', { headers }), 401, 'TOKEN_REVOKED');
    }
  });

  it('never lets two admins disable each other at once', async () => {
    const [a, b] = [await signUp('race-a'), await signUp('race-b')];
    for (const user of [a, b]) expect((await patch(user.id, { role: 'admin' })).status).toBe(200);
    const tokens = new Map([
      [a.id, bearerHeader(await issueToken(a.email))],
      [b.id, bearerHeader(await issueToken(b.email))],
    ]);
    const disable = (by: string, id: string) =>
      send(`/api/admin/users/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...tokens.get(by) },
        body: JSON.stringify({ disabled: true }),
      });
    // A and B become the only enabled admins, then each disables the other at the same moment.
    expect((await disable(a.id, adminId)).status).toBe(200);
    const results = await Promise.all([disable(a.id, b.id), disable(b.id, a.id)]);

    const enabled = readRows<{ id: string }>(
      server().dataDir,
      "select id from users where role = 'admin' and disabled = 0",
    );
    expect(enabled).toHaveLength(1);
    // One wins; the other is refused by the guard (422) or, if it arrives after the winner's
    // write, already as a disabled user (401).
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([401, 422]).toContain(statuses[1]);

    // The survivor gives the file's own admin back.
    const survivor = enabled[0]!.id;
    const restore = await send(`/api/admin/users/${adminId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...tokens.get(survivor) },
      body: JSON.stringify({ disabled: false }),
    });
    expect(restore.status).toBe(200);
    admin = bearerHeader(await issueToken(ADMIN));
  });

  it('refuses an admin disabling their own account, and changes nothing', async () => {
    await expectError(await patch(adminId, { disabled: true }), 422, 'VALIDATION_FAILED');
    await expectMe(admin, { user: { email: ADMIN, disabled: false } });
  });

  it('takes one change per request and a boolean only', async () => {
    const { id } = await signUp('one-change');
    const both = await expectError(
      await patch(id, { role: 'admin', disabled: true }),
      422,
      'VALIDATION_FAILED',
    );
    expect(Object.keys(both.error.fields ?? {})).toEqual(['form']);
    await expectError(await patch(id, {}), 422, 'VALIDATION_FAILED');
    await expectError(await patch(id, { disabled: 'yes' }), 422, 'VALIDATION_FAILED');
    const users = (await (await send('/api/admin/users', { headers: admin })).json()) as {
      users: Array<{ id: string; role: string; disabled: boolean }>;
    };
    expect(users.users.find((u) => u.id === id)).toMatchObject({ role: 'user', disabled: false });
  });

  it('answers 404 NOT_FOUND for an unknown id', async () => {
    await expectError(await patch('no-such-user', { disabled: true }), 404, 'NOT_FOUND');
  });
});
