import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRows, updateOneRow } from '../support/app-database';
import {
  appClient,
  AUTH_COOKIES,
  bearerHeader,
  cookieHeader,
  safeErrorCheck,
  useAppServer,
  type AppClient,
  type HeaderMap,
} from '../support/http';
import type { AppServer } from '../support/server';
import { createUserWithRole, PASSWORD } from '../support/users';

// The admin API and the user-state checks of the gate (revoked, deleted, disabled), through the
// real routes of a production build. User state is changed straight in the app's SQLite file,
// as lib/admin.ts and an operator would.

const ADMIN = 'admin-api-admin@example.test';

const server = useAppServer();
const api = appClient(server);
const { send, postJson, signUp, logIn, issueToken, expectMe } = api;
const produced = new Set<string>();
const expectError = safeErrorCheck(server, produced);
let adminToken: string;

interface PublicUser {
  id: string;
  email: string;
  role: string;
  disabled: boolean;
}

function patchRole(id: string, body: string, token: string | null): Promise<Response> {
  const headers: HeaderMap = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return send(`/api/admin/users/${id}`, { method: 'PATCH', headers, body });
}

// PATCH /api/admin/users/:id through `api`, with whatever credential and Origin `headers` carry.
function setRoleVia(
  api: AppClient,
  id: string,
  role: string,
  headers: HeaderMap,
): Promise<Response> {
  return api.send(`/api/admin/users/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ role }),
  });
}

interface RoleChange {
  actorId: string | null;
  detail: string;
}

// The user.role entries the audit log of `app` holds about `targetId`, oldest first.
function roleChangesOf(app: AppServer, targetId: string): RoleChange[] {
  return readRows<RoleChange>(
    app.dataDir,
    `SELECT actor_id AS actorId, detail FROM audit_log
     WHERE action = 'user.role' AND target_id = ? ORDER BY id`,
    targetId,
  );
}

const asBearer = (token: string) => ({ headers: bearerHeader(token) });

// A plain user, signed up through the API, with a fresh token.
async function newUser(label: string): Promise<{ id: string; email: string; token: string }> {
  const { id, email } = await signUp(label);
  return { id, email, token: await issueToken(email) };
}

async function listUsers(): Promise<PublicUser[]> {
  const res = await send('/api/admin/users', asBearer(adminToken));
  expect(res.status).toBe(200);
  return ((await res.json()) as { users: PublicUser[] }).users;
}

async function roleOf(id: string): Promise<string | undefined> {
  return (await listUsers()).find((u) => u.id === id)?.role;
}

const updateDatabase = (sql: string, ...params: unknown[]): void =>
  updateOneRow(server().dataDir, sql, ...params);

beforeAll(async () => {
  createUserWithRole(server().dataDir, ADMIN, PASSWORD, 'admin');
  adminToken = await issueToken(ADMIN);
});

describe('GET /api/admin/users', () => {
  it('lists users for an admin, without password hashes, not cacheable', async () => {
    const member = await newUser('listed');
    const res = await send('/api/admin/users', asBearer(adminToken));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const text = await res.text();
    expect(text).not.toMatch(/password|argon2/i);
    const { users } = JSON.parse(text) as { users: PublicUser[] };
    expect(users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: ADMIN, role: 'admin' }),
        expect.objectContaining({ email: member.email, role: 'user', id: member.id }),
      ]),
    );
  });

  it('answers a plain user with 403 FORBIDDEN and error="insufficient_scope"', async () => {
    const member = await newUser('plain');
    const res = await send('/api/admin/users', asBearer(member.token));
    await expectError(res, 403, 'FORBIDDEN');
    const challenge = res.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain('error="insufficient_scope"');
  });

  it('answers no credential with 401 NO_CREDENTIALS', async () => {
    const res = await send('/api/admin/users');
    await expectError(res, 401, 'NO_CREDENTIALS');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
  });
});

describe('PATCH /api/admin/users/:id', () => {
  it('changes the role; the old token keeps its role until a new one is issued', async () => {
    const member = await newUser('promoted');
    const res = await patchRole(member.id, JSON.stringify({ role: 'admin' }), adminToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      user: { id: member.id, email: member.email, role: 'admin' },
    });
    expect(await roleOf(member.id)).toBe('admin');

    // The story from DESIGN.md: a JWT carries the role it was issued with.
    await expectError(await send('/api/admin/users', asBearer(member.token)), 403, 'FORBIDDEN');
    const renewed = await issueToken(member.email);
    expect((await send('/api/admin/users', asBearer(renewed))).status).toBe(200);
  });

  it('refuses an unknown role with 422 fields.role and changes nothing', async () => {
    const member = await newUser('badrole');
    const res = await patchRole(member.id, JSON.stringify({ role: 'root' }), adminToken);
    const body = await expectError(res, 422, 'VALIDATION_FAILED');
    expect(Object.keys(body.error.fields ?? {})).toEqual(['role']);
    expect(await roleOf(member.id)).toBe('user');
  });

  it('answers an unknown id with 404 NOT_FOUND', async () => {
    await expectError(
      await patchRole(randomUUID(), JSON.stringify({ role: 'admin' }), adminToken),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses malformed JSON with 400 BAD_REQUEST and changes nothing', async () => {
    const member = await newUser('badjson');
    await expectError(
      await patchRole(member.id, '{"role":"admin"', adminToken),
      400,
      'BAD_REQUEST',
    );
    expect(await roleOf(member.id)).toBe('user');
  });

  it('refuses a request without credentials with 401 and changes nothing', async () => {
    const member = await newUser('anon');
    const res = await patchRole(member.id, JSON.stringify({ role: 'admin' }), null);
    await expectError(res, 401, 'NO_CREDENTIALS');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await roleOf(member.id)).toBe('user');
  });

  it('refuses a plain user with 403 and does not let them promote themselves', async () => {
    const member = await newUser('self');
    await expectError(
      await patchRole(member.id, JSON.stringify({ role: 'admin' }), member.token),
      403,
      'FORBIDDEN',
    );
    expect(await roleOf(member.id)).toBe('user');
  });
});

describe('PATCH /api/admin/users/:id, what a role change leaves behind', () => {
  it('answers a change to the role the user already has with 200, and revokes and logs nothing', async () => {
    const member = await newUser('same-role');
    const kept = await patchRole(member.id, JSON.stringify({ role: 'user' }), adminToken);
    expect(kept.status).toBe(200);
    expect(await kept.json()).toMatchObject({ user: { id: member.id, role: 'user' } });
    expect(roleChangesOf(server(), member.id)).toEqual([]);
    // A real demotion would have bumped the token version and refused this token.
    await expectMe(bearerHeader(member.token), { role: 'user', user: { id: member.id } });

    expect((await patchRole(member.id, JSON.stringify({ role: 'admin' }), adminToken)).status).toBe(
      200,
    );
    expect(roleChangesOf(server(), member.id)).toHaveLength(1);
    const again = await patchRole(member.id, JSON.stringify({ role: 'admin' }), adminToken);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ user: { id: member.id, role: 'admin' } });
    expect(roleChangesOf(server(), member.id)).toHaveLength(1);
  });

  it('a demotion refuses the JWT cookie, sealed cookie and Bearer token the admin holds, at once', async () => {
    const { id, email } = await signUp('demoted');
    expect((await patchRole(id, JSON.stringify({ role: 'admin' }), adminToken)).status).toBe(200);
    const credentials: Array<[string, HeaderMap]> = [
      ['JWT cookie', cookieHeader(AUTH_COOKIES.jwt, (await logIn(email, 'jwt')).value)],
      ['sealed cookie', cookieHeader(AUTH_COOKIES.sealed, (await logIn(email, 'sealed')).value)],
      ['Bearer token', bearerHeader(await issueToken(email))],
    ];
    for (const [label, headers] of credentials) {
      const res = await send('/api/admin/users', { headers });
      expect(res.status, `${label} before the demotion`).toBe(200);
    }

    const demoted = await patchRole(id, JSON.stringify({ role: 'user' }), adminToken);
    expect(demoted.status).toBe(200);
    expect(await demoted.json()).toMatchObject({ user: { id, role: 'user' } });

    for (const [label, headers] of credentials) {
      for (const urlPath of ['/api/admin/users', '/api/me']) {
        const res = await send(urlPath, { headers });
        expect(res.status, `${label} on ${urlPath}`).toBe(401);
        await expectError(res, 401, 'TOKEN_REVOKED');
      }
    }
    const adminId = (await listUsers()).find((u) => u.email === ADMIN)!.id;
    expect(roleChangesOf(server(), id)).toEqual([
      { actorId: adminId, detail: 'user → admin, 0 sessions ended' },
      { actorId: adminId, detail: 'admin → user, credentials revoked' },
    ]);
    // Logged out, not locked out: a new login carries the new role.
    await expectMe(bearerHeader(await issueToken(email)), { role: 'user', user: { id } });
  });

  it('refuses a cross-origin PATCH that carries an admin cookie with 403, and changes nothing', async () => {
    const member = await newUser('cross-origin');
    const adminCookie = cookieHeader(AUTH_COOKIES.jwt, (await logIn(ADMIN, 'jwt')).value);
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1']) {
      const res = await setRoleVia(api, member.id, 'admin', {
        ...adminCookie,
        origin,
      });
      const body = await expectError(res, 403, 'FORBIDDEN');
      expect(body.error.message, origin).toBe('Cross-origin requests are refused.');
    }
    expect(await roleOf(member.id)).toBe('user');
    expect(roleChangesOf(server(), member.id)).toEqual([]);

    // The same cookie from the app's own origin is an admin's, so the refusal was the Origin's.
    const res = await setRoleVia(api, member.id, 'admin', {
      ...adminCookie,
      origin: server().url,
    });
    expect(res.status).toBe(200);
    expect(await roleOf(member.id)).toBe('admin');
  });
});

describe('the last admin', () => {
  const lone = useAppServer();
  const loneApi = appClient(lone);
  const expectLoneError = safeErrorCheck(lone, produced);
  const FIRST = 'last-admin-first@example.test';
  let firstId: string;
  let firstToken: string;

  async function roleIn(id: string, token: string): Promise<string | undefined> {
    const res = await loneApi.send('/api/admin/users', { headers: bearerHeader(token) });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { users: PublicUser[] }).users.find((u) => u.id === id)?.role;
  }

  async function expectRoleRefused(id: string, token: string): Promise<void> {
    const res = await setRoleVia(loneApi, id, 'user', bearerHeader(token));
    const body = await expectLoneError(res, 422, 'VALIDATION_FAILED');
    expect(Object.keys(body.error.fields ?? {})).toEqual(['role']);
  }

  beforeAll(async () => {
    createUserWithRole(lone().dataDir, FIRST, PASSWORD, 'admin');
    firstToken = await loneApi.issueToken(FIRST);
    const me = await loneApi.me(bearerHeader(firstToken));
    firstId = ((await me.json()) as { user: PublicUser }).user.id;
  });

  it('cannot demote themselves while no one else is admin: 422 fields.role, nothing changes', async () => {
    await expectRoleRefused(firstId, firstToken);

    // Still admin, and the token still works: the refused demotion bumped no token version.
    expect(await roleIn(firstId, firstToken)).toBe('admin');
    expect(roleChangesOf(lone(), firstId)).toEqual([]);
  });

  it('can be demoted by another admin, after which that admin is the last one', async () => {
    const second = await loneApi.signUp('second-admin');
    expect((await setRoleVia(loneApi, second.id, 'admin', bearerHeader(firstToken))).status).toBe(
      200,
    );
    const secondToken = await loneApi.issueToken(second.email);

    const demoted = await setRoleVia(loneApi, firstId, 'user', bearerHeader(secondToken));
    expect(demoted.status).toBe(200);
    expect(await roleIn(firstId, secondToken)).toBe('user');

    await expectRoleRefused(second.id, secondToken);
    expect(await roleIn(second.id, secondToken)).toBe('admin');
  });

  it('does not count a disabled admin as another admin', async () => {
    // Whoever is the one enabled admin by now (the tests above change that).
    const [last] = readRows<{ id: string; email: string }>(
      lone().dataDir,
      "select id, email from users where role = 'admin' and disabled = 0",
    );
    const lastToken = await loneApi.issueToken(last!.email);
    const other = await loneApi.signUp('disabled-admin');
    expect((await setRoleVia(loneApi, other.id, 'admin', bearerHeader(lastToken))).status).toBe(
      200,
    );
    const disable = await loneApi.send(`/api/admin/users/${other.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...bearerHeader(lastToken) },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disable.status).toBe(200);

    await expectRoleRefused(last!.id, lastToken);
    expect(await roleIn(last!.id, lastToken)).toBe('admin');
  });
});

describe('user state behind a valid token', () => {
  it("refuses a token older than the user's token version with 401 TOKEN_REVOKED", async () => {
    const member = await newUser('revoked');
    expect((await send('/api/me', asBearer(member.token))).status).toBe(200);

    updateDatabase(
      'UPDATE users SET token_version = token_version + 1 WHERE email = ?',
      member.email,
    );
    const res = await send('/api/me', asBearer(member.token));
    await expectError(res, 401, 'TOKEN_REVOKED');
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');

    const renewed = await issueToken(member.email);
    expect((await send('/api/me', asBearer(renewed))).status).toBe(200);
  });

  it('refuses the token of a deleted user with 401 USER_NOT_FOUND', async () => {
    const member = await newUser('deleted');
    expect((await send('/api/me', asBearer(member.token))).status).toBe(200);

    updateDatabase('DELETE FROM users WHERE email = ?', member.email);
    await expectError(await send('/api/me', asBearer(member.token)), 401, 'USER_NOT_FOUND');
  });

  it('refuses the token of a disabled user with 401 USER_DISABLED, and a new login too', async () => {
    const member = await newUser('disabled');
    expect((await send('/api/me', asBearer(member.token))).status).toBe(200);

    updateDatabase('UPDATE users SET disabled = 1 WHERE email = ?', member.email);
    await expectError(await send('/api/me', asBearer(member.token)), 401, 'USER_DISABLED');
    await expectError(
      await postJson('/api/auth/token', { email: member.email, password: PASSWORD }),
      401,
      'USER_DISABLED',
    );
  });
});

describe('codes', () => {
  it('produced each code this file is about', () => {
    expect([...produced].sort()).toEqual([
      'BAD_REQUEST',
      'FORBIDDEN',
      'NOT_FOUND',
      'NO_CREDENTIALS',
      'TOKEN_REVOKED',
      'USER_DISABLED',
      'USER_NOT_FOUND',
      'VALIDATION_FAILED',
    ]);
  });
});
