import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/server';
import { createUserWithRole } from '../support/users';

// The admin API and the user-state checks of the gate (revoked, deleted, disabled), through the
// real routes of a production build. User state is changed straight in the app's SQLite file,
// as lib/admin.ts and an operator would.

const PASSWORD = 'correct horse battery staple';
const ADMIN = 'admin-api-admin@example.test';

let server: AppServer;
let adminToken: string;
const produced = new Set<string>();

interface PublicUser {
  id: string;
  email: string;
  role: string;
  disabled: boolean;
}

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

function send(urlPath: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${urlPath}`, { redirect: 'manual', ...init });
}

function postJson(urlPath: string, body: unknown): Promise<Response> {
  return send(urlPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function patchRole(id: string, body: string, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return send(`/api/admin/users/${id}`, { method: 'PATCH', headers, body });
}

const asBearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function expectError(res: Response, status: number, code: string): Promise<ErrorBody> {
  const text = await res.text();
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);
  expect(text).not.toContain(server.env.JWT_SECRET);
  expect(res.status).toBe(status);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code).toBe(code);
  produced.add(code);
  return body;
}

async function issueToken(email: string): Promise<string> {
  const res = await postJson('/api/auth/token', { email, password: PASSWORD });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

// A plain user, signed up through the API, with a fresh token.
async function newUser(label: string): Promise<{ id: string; email: string; token: string }> {
  const email = uniqueEmail(label);
  const res = await postJson('/api/auth/signup', { email, password: PASSWORD });
  expect(res.status).toBe(201);
  const { user } = (await res.json()) as { user: PublicUser };
  return { id: user.id, email, token: await issueToken(email) };
}

async function listUsers(): Promise<PublicUser[]> {
  const res = await send('/api/admin/users', asBearer(adminToken));
  expect(res.status).toBe(200);
  return ((await res.json()) as { users: PublicUser[] }).users;
}

async function roleOf(id: string): Promise<string | undefined> {
  return (await listUsers()).find((u) => u.id === id)?.role;
}

function updateDatabase(sql: string, ...params: unknown[]): void {
  const db = new Database(path.join(server.dataDir, 'login-lab.db'));
  try {
    db.pragma('busy_timeout = 2000');
    expect(db.prepare(sql).run(...params).changes).toBe(1);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startAppServer();
  createUserWithRole(server.dataDir, ADMIN, PASSWORD, 'admin');
  adminToken = await issueToken(ADMIN);
});

afterAll(async () => {
  await server?.stop();
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
