import { beforeAll, describe, expect, it } from 'vitest';
import { updateOneRow } from '../support/app-database';
import { appClient, cookieHeader, useAppServer } from '../support/http';
import { createUserWithRole, PASSWORD } from '../support/users';

// Pages of a production build, fetched without following redirects: who gets a page, who goes
// to /login, who gets the 403 page, and what a page that shows the credential gives away.

const ADMIN = 'pages-admin@example.test';
const COOKIE = 'll_access';

const server = useAppServer();
const { send, postJson, logIn, expectLoginRedirect } = appClient(server);

const get = (urlPath: string, token?: string): Promise<Response> =>
  send(urlPath, { headers: token ? cookieHeader(COOKIE, token) : {} });

// Logs in through the API and returns the value of the JWT cookie it set.
const loginCookie = async (email: string): Promise<string> => (await logIn(email, 'jwt')).value;

async function signupAndLogin(email: string): Promise<string> {
  expect((await postJson('/api/auth/signup', { email, password: PASSWORD })).status).toBe(201);
  return loginCookie(email);
}

function bumpTokenVersion(email: string): void {
  updateOneRow(
    server().dataDir,
    'UPDATE users SET token_version = token_version + 1 WHERE email = ?',
    email,
  );
}

let userCookie: string;
let adminCookie: string;

beforeAll(async () => {
  createUserWithRole(server().dataDir, ADMIN, PASSWORD, 'admin');
  adminCookie = await loginCookie(ADMIN);
  userCookie = await signupAndLogin('pages-user@example.test');
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
