import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import {
  authCookie,
  createUser,
  logIn,
  PASSWORD,
  signUp,
  signUpAndLogIn,
  uniqueEmail,
  type Mode,
} from './support';

// Server-session mode in the browser: what the store holds, the list of one's own sessions and
// ending them from another browser, and a demotion that bites without a fresh credential.

interface Browsing {
  context: BrowserContext;
  page: Page;
}

async function openBrowsing(
  browser: Browser,
  email: string,
  mode: Mode = 'session',
): Promise<Browsing> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, email, PASSWORD, mode);
  return { context, page };
}

// Signs a new user up in a browser of its own, so the logins that follow are the only ones.
async function signUpElsewhere(browser: Browser, prefix: string): Promise<string> {
  const email = uniqueEmail(prefix);
  const context = await browser.newContext();
  await signUp(await context.newPage(), email);
  await context.close();
  return email;
}

const sessionsList = (page: Page) => page.getByTestId('sessions-list');
const deviceSessions = (page: Page) => sessionsList(page).getByTestId('device-session');

async function expectSentToLogin(page: Page): Promise<void> {
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
}

async function expectForbidden(page: Page): Promise<void> {
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  expect(new URL(page.url()).pathname).toBe('/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page needs another role');
}

async function expectAdminPage(page: Page): Promise<void> {
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
}

test('a session login shows its store entry under a hash of the id, and no token', async ({
  page,
  context,
}) => {
  await signUpAndLogIn(page, 'session', 'store');
  await expect(page).toHaveURL(/\/dashboard$/);

  const cookie = await authCookie(context);
  expect(cookie.name).toBe('ll_sid');
  const idHash = createHash('sha256').update(cookie.value).digest('base64url');

  await expect(page.getByTestId('store-engine')).toHaveText('sqlite');
  const key = page.getByTestId('store-key');
  await expect(key).toContainText(idHash);
  expect(await key.textContent()).not.toContain(cookie.value);
  expect(await page.content()).not.toContain(cookie.value);

  const ttl = page.getByTestId('store-ttl');
  await expect(ttl).toHaveText(/^\d+m \d{2}s left$/);
  const first = await ttl.textContent();
  await expect(ttl).not.toHaveText(first!, { timeout: 5_000 });
  await expect(ttl).toHaveText(/^\d+m \d{2}s left$/);

  await expect(page.getByTestId('token-none')).toHaveText(
    'Session mode has no token to decode: the cookie is a random id that means nothing by itself.',
  );
  await expect(page.getByTestId('token-payload')).toHaveCount(0);
});

test('“Log out everywhere else” ends the other browser’s session and keeps this one', async ({
  browser,
}) => {
  const email = await signUpElsewhere(browser, 'others');
  const a = await openBrowsing(browser, email);
  const b = await openBrowsing(browser, email);
  await a.page.goto('/dashboard');
  await expect(deviceSessions(a.page)).toHaveCount(2);
  await expect(deviceSessions(a.page).filter({ hasText: 'this browser' })).toHaveCount(1);

  await a.page.getByRole('button', { name: 'Log out everywhere else' }).click();
  await expect(deviceSessions(a.page)).toHaveCount(1);
  await expect(a.page.getByRole('button', { name: 'Log out everywhere else' })).toHaveCount(0);

  await expectSentToLogin(b.page);
  await a.page.goto('/dashboard');
  await expect(a.page.getByTestId('dashboard-email')).toHaveText(email);

  await a.context.close();
  await b.context.close();
});

test('revoking one session with its Revoke button ends that browser’s login', async ({
  browser,
}) => {
  const email = await signUpElsewhere(browser, 'revoke');
  const a = await openBrowsing(browser, email);
  const b = await openBrowsing(browser, email);
  const c = await openBrowsing(browser, email);
  await a.page.goto('/dashboard');
  await expect(deviceSessions(a.page)).toHaveCount(3);

  const bHash = createHash('sha256')
    .update((await authCookie(b.context)).value)
    .digest('base64url');
  const bRow = deviceSessions(a.page).filter({ has: a.page.locator(`input[value="${bHash}"]`) });
  await expect(bRow).toHaveCount(1);
  await bRow.getByRole('button', { name: 'Revoke' }).click();
  await expect(deviceSessions(a.page)).toHaveCount(2);

  await expectSentToLogin(b.page);
  await c.page.goto('/dashboard');
  await expect(c.page.getByTestId('dashboard-email')).toHaveText(email);
  await a.page.goto('/dashboard');
  await expect(a.page.getByTestId('dashboard-email')).toHaveText(email);

  for (const { context } of [a, b, c]) await context.close();
});

test('a demoted admin loses admin at once: the session gets the 403 page, the JWT goes to /login', async ({
  browser,
}) => {
  const rootEmail = uniqueEmail('root');
  const demotedEmail = uniqueEmail('demoted');
  createUser(rootEmail, 'admin');
  createUser(demotedEmail, 'admin');

  const session = await openBrowsing(browser, demotedEmail, 'session');
  const jwt = await openBrowsing(browser, demotedEmail, 'jwt');
  await expectAdminPage(session.page);
  await expectAdminPage(jwt.page);

  const root = await openBrowsing(browser, rootEmail, 'jwt');
  await root.page.goto('/admin');
  const row = root.page.getByTestId(`user-row-${demotedEmail}`);
  await row.getByLabel(`Role for ${demotedEmail}`).selectOption('user');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByRole('cell').nth(1)).toHaveText('user');

  // Session mode reads the role from the database on every request: no fresh credential needed.
  await expectForbidden(session.page);
  await session.page.goto('/dashboard');
  await expect(session.page.getByTestId('dashboard-email')).toHaveText(demotedEmail);
  await expect(session.page.getByTestId('stale-role')).toHaveCount(0);

  // The signed token still says admin, but the demotion bumped the token version: it is refused.
  await jwt.page.goto('/admin');
  await expect(jwt.page).toHaveURL(/\/login\?next=%2Fadmin$/);
  await expectSentToLogin(jwt.page);

  for (const { context } of [session, jwt, root]) await context.close();
});
