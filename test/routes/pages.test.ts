import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/server';
import { createUserWithRole } from '../support/users';

// Pages of a production build, fetched without following redirects: who gets a page, who goes
// to /login, who gets the 403 page, and what a page that shows the credential gives away.

const PASSWORD = 'correct horse battery staple';
const ADMIN = 'pages-admin@example.test';
const COOKIE = 'll_access';

let server: AppServer;

function get(urlPath: string, token?: string): Promise<Response> {
  const headers: Record<string, string> = token ? { cookie: `${COOKIE}=${token}` } : {};
  return fetch(`${server.url}${urlPath}`, { headers, redirect: 'manual' });
}

function postJson(urlPath: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${urlPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    redirect: 'manual',
  });
}

// Logs in through the API and returns the value of the JWT cookie it set.
async function loginCookie(email: string): Promise<string> {
  const res = await postJson('/api/auth/login', { email, password: PASSWORD, mode: 'jwt' });
  expect(res.status).toBe(200);
  return /^ll_access=([^;]+)/.exec(res.headers.getSetCookie()[0] ?? '')![1]!;
}

async function signupAndLogin(email: string): Promise<string> {
  expect((await postJson('/api/auth/signup', { email, password: PASSWORD })).status).toBe(201);
  return loginCookie(email);
}

function expectLoginRedirect(res: Response, from: string): void {
  expect([303, 307]).toContain(res.status);
  const location = new URL(res.headers.get('location') ?? '', server.url);
  expect(location.origin).toBe(server.url);
  expect(location.pathname).toBe('/login');
  expect(location.search).toBe(`?next=${encodeURIComponent(from)}`);
}

function bumpTokenVersion(email: string): void {
  const db = new Database(path.join(server.dataDir, 'login-lab.db'));
  try {
    db.pragma('busy_timeout = 2000');
    const result = db
      .prepare('UPDATE users SET token_version = token_version + 1 WHERE email = ?')
      .run(email);
    expect(result.changes).toBe(1);
  } finally {
    db.close();
  }
}

let userCookie: string;
let adminCookie: string;

beforeAll(async () => {
  server = await startAppServer();
  createUserWithRole(server.dataDir, ADMIN, PASSWORD, 'admin');
  adminCookie = await loginCookie(ADMIN);
  userCookie = await signupAndLogin('pages-user@example.test');
});

afterAll(async () => {
  await server?.stop();
});

describe('/dashboard', () => {
  it('sends a visitor without a cookie to /login?next=%2Fdashboard', async () => {
    expectLoginRedirect(await get('/dashboard'), '/dashboard');
  });

  it('renders for a signed-in user, not cacheable, with the credential masked', async () => {
    const res = await get('/dashboard', userCookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const html = await res.text();
    expect(html).toContain('pages-user@example.test');

    const signature = userCookie.split('.')[2]!;
    expect(html).not.toContain(userCookie);
    expect(html).not.toContain(signature);
    expect(html).toContain(`${userCookie.slice(0, 8)}…${userCookie.slice(-6)}`);
  });

  it('sends a revoked token to /login even though its signature verifies (the page checks too)', async () => {
    const email = 'pages-revoked@example.test';
    const token = await signupAndLogin(email);
    expect((await get('/dashboard', token)).status).toBe(200);

    bumpTokenVersion(email);
    expectLoginRedirect(await get('/dashboard', token), '/dashboard');
  });
});

describe('/admin', () => {
  it('sends a visitor without a cookie to /login?next=%2Fadmin', async () => {
    expectLoginRedirect(await get('/admin'), '/admin');
  });

  it('answers a plain user with HTTP 403 and the 403 page, not a redirect', async () => {
    const res = await get('/admin', userCookie);
    expect(res.status).toBe(403);
    expect(res.headers.get('location')).toBeNull();
    const html = await res.text();
    expect(html).toContain('This page needs another role');
    expect(html).not.toContain('data-testid="users-table"');
  });

  it('renders the users table for an admin', async () => {
    const res = await get('/admin', adminCookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const html = await res.text();
    expect(html).toContain('data-testid="users-table"');
    expect(html).toContain('data-testid="user-row-pages-user@example.test"');
  });
});

describe('/login', () => {
  it('replaces an off-site next=//evil.example with /dashboard in the form', async () => {
    const res = await get('/login?next=//evil.example');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<input type="hidden" name="next" value="\/dashboard"\/>/);
    // The URL itself shows up in the router state; what matters is that the form never carries it.
    expect(html).not.toMatch(/name="next" value="[^"]*evil/);
    expect(html).toContain('\\"next\\":\\"/dashboard\\"');
    expect(html).not.toContain('\\"next\\":\\"//evil.example');
  });

  it('keeps a same-site next path in the form', async () => {
    const html = await (await get('/login?next=%2Fadmin')).text();
    expect(html).toMatch(/<input type="hidden" name="next" value="\/admin"\/>/);
  });
});

describe('/api/auth/logout', () => {
  it('answers GET with 405: logging out is POST only', async () => {
    const res = await get('/api/auth/logout', userCookie);
    expect(res.status).toBe(405);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
