import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateOneRow } from '../support/app-database';
import {
  appClient,
  bearerHeader,
  safeErrorCheck,
  useAppServer,
  type HeaderMap,
} from '../support/http';
import { createUserWithRole, PASSWORD } from '../support/users';

// The admin API and the user-state checks of the gate (revoked, deleted, disabled), through the
// real routes of a production build. User state is changed straight in the app's SQLite file,
// as lib/admin.ts and an operator would.

const ADMIN = 'admin-api-admin@example.test';

const server = useAppServer();
const { send, postJson, signUp, issueToken } = appClient(server);
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
