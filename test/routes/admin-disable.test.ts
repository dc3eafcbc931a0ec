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
