import { expect, type BrowserContext, type Cookie, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { AUTH_COOKIES, type Mode } from '../test/support/auth-cookies';
import { createUserWithRole, PASSWORD } from '../test/support/users';

export { AUTH_COOKIES, PASSWORD };
export type { Mode };

// What the login form and the dashboard call each mode.
export const MODE_LABELS: Record<Mode, string> = {
  jwt: 'Signed JWT',
  sealed: 'Sealed cookie',
  session: 'Server session',
};

// Auth cookies are ll_access / ll_sealed / ll_sid (with __Host- over HTTPS).
const AUTH_COOKIE = /^(__Host-)?ll_(access|sealed|sid)$/;

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${Date.now()}-${randomBytes(3).toString('hex')}@example.com`;
}

// Makes a user straight in the test server's database through the documented CLI.
export function createUser(email: string, role: 'user' | 'admin', password = PASSWORD): void {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set; run through playwright.config.ts.');
  createUserWithRole(dataDir, email, password, role);
}

export async function fillSignup(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

export async function signUp(page: Page, email: string, password = PASSWORD): Promise<void> {
  await fillSignup(page, email, password);
  await page.waitForURL(/\/login\?registered=1/);
  await expect(page.getByRole('status')).toHaveText('Account created. Log in to continue.');
}

export async function fillLogin(
  page: Page,
  email: string,
  password: string,
  options: { mode?: Mode; next?: string } = {},
): Promise<void> {
  await page.goto(
    options.next === undefined ? '/login' : `/login?next=${encodeURIComponent(options.next)}`,
  );
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  if (options.mode) await page.getByRole('radio', { name: MODE_LABELS[options.mode] }).check();
  await page.getByRole('button', { name: 'Log in' }).click();
}

// Logs in through the form and waits until the browser has left /login.
export async function logIn(
  page: Page,
  email: string,
  password = PASSWORD,
  mode: Mode = 'jwt',
  next?: string,
): Promise<void> {
  await fillLogin(page, email, password, { mode, next });
  await page.waitForURL((url) => url.pathname !== '/login');
}

// A new user, signed up through the form and logged in with `mode`; returns the email.
export async function signUpAndLogIn(page: Page, mode: Mode, prefix?: string): Promise<string> {
  const email = uniqueEmail(prefix);
  await signUp(page, email);
  await logIn(page, email, PASSWORD, mode);
  return email;
}

export async function authCookies(context: BrowserContext): Promise<Cookie[]> {
  return (await context.cookies()).filter((cookie) => AUTH_COOKIE.test(cookie.name));
}

export async function authCookie(context: BrowserContext): Promise<Cookie> {
  const cookies = await authCookies(context);
  expect(cookies, 'exactly one auth cookie').toHaveLength(1);
  return cookies[0]!;
}
