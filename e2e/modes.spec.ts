import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  AUTH_COOKIES,
  authCookie,
  authCookies,
  createUser,
  logIn,
  MODE_LABELS,
  PASSWORD,
  signUp,
  uniqueEmail,
  type Mode,
} from './support';

// The three modes side by side: logging in with each, switching between them without the
// password, the comparison table and byte budget, and what replaying a logged-out cookie gets.

const MODES = ['jwt', 'sealed', 'session'] as const;
const READABLE: Record<Mode, string> = {
  jwt: 'Everything',
  sealed: 'Nothing',
  session: 'A random id',
};
const REPLAY: Record<Mode, string> = {
  jwt: '200 accepted',
  sealed: '401 TOKEN_REVOKED',
  session: '401 SESSION_EXPIRED',
};

type Role = 'user' | 'admin';

// Everything the dashboard should say about the mode the browser is in now.
async function expectInMode(page: Page, context: BrowserContext, mode: Mode, role: Role) {
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId('dashboard-mode')).toHaveText(MODE_LABELS[mode]);
  await expect(page.getByRole('banner')).toContainText(MODE_LABELS[mode]);

  const cookie = await authCookie(context);
  expect(cookie.name, 'the old credential’s cookie is gone').toBe(AUTH_COOKIES[mode]);

  const table = page.getByTestId('compare-table');
  for (const row of MODES) {
    const cells = table.getByTestId(`compare-${row}`);
    await expect(cells.getByText('current', { exact: true })).toHaveCount(row === mode ? 1 : 0);
    await expect(table.getByTestId(`compare-${row}-readable`)).toContainText(READABLE[row]);
    await expect(table.getByTestId(`compare-${row}-admin`)).toContainText(
      role === 'admin' ? 'allow' : 'deny · FORBIDDEN',
    );
  }
  await expect(table.getByTestId(`compare-${mode}-bytes`)).toHaveText(
    `${cookie.name.length + cookie.value.length} bytes`,
  );

  const budget = page
    .getByTestId('panel-budget')
    .getByRole('listitem')
    .filter({ hasText: cookie.name });
  await expect(budget).toHaveCount(1);
  await expect(budget).toContainText('auth');
  await expect(budget).toContainText(`${cookie.name.length + cookie.value.length} B`);
  for (const other of MODES.filter((m) => m !== mode)) {
    await expect(page.getByTestId('panel-budget')).not.toContainText(AUTH_COOKIES[other]);
  }
}

async function switchTo(page: Page, mode: Mode): Promise<void> {
  const before = await page.getByTestId('dashboard-mode').textContent();
  await page.getByRole('button', { name: `Switch to ${MODE_LABELS[mode]}` }).click();
  await expect(page.getByTestId('dashboard-mode')).not.toHaveText(before!);
}

for (const [role, who] of [
  ['user', 'a user'],
  ['admin', 'an admin'],
] as const) {
  test(`${who} logs in with each mode and switches through all three without the password`, async ({
    page,
    context,
  }) => {
    const email = uniqueEmail(role);
    if (role === 'admin') createUser(email, 'admin');
    else await signUp(page, email);

    for (const start of MODES) {
      await logIn(page, email, PASSWORD, start);
      await expectInMode(page, context, start, role);

      const order = [
        ...MODES.slice(MODES.indexOf(start) + 1),
        ...MODES.slice(0, MODES.indexOf(start) + 1),
      ];
      for (const next of order) {
        await switchTo(page, next);
        await expectInMode(page, context, next, role);
      }
    }
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('button', { name: 'Log in' })).toHaveCount(0);
  });
}

test('replaying the cookie after logout: a JWT is accepted, a seal and a session are not', async ({
  page,
  context,
}) => {
  const email = uniqueEmail('replay');
  await signUp(page, email);

  for (const [i, mode] of MODES.entries()) {
    await logIn(page, email, PASSWORD, mode);
    await expect(page.getByTestId('dashboard-mode')).toHaveText(MODE_LABELS[mode]);
    await page.getByRole('button', { name: 'Log out and replay my cookie' }).click();
    await expect(page).toHaveURL(/\/replay$/);

    const table = page.getByTestId('replay-table');
    for (const [j, tried] of MODES.entries()) {
      const answer = table.getByTestId(`replay-${tried}`).getByRole('cell').first();
      await expect(answer).toHaveText(j <= i ? REPLAY[tried] : 'not tried yet');
    }
    expect(await authCookies(context)).toEqual([]);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
  }
});

test('switching mode from a dashboard whose cookie is gone lands on /login, not an error', async ({
  page,
  context,
}) => {
  const email = uniqueEmail('stale');
  await signUp(page, email);
  await logIn(page, email, PASSWORD, 'jwt');
  await page.goto('/dashboard');
  await expect(page.getByTestId('dashboard-mode')).toHaveText(MODE_LABELS.jwt);

  await context.clearCookies();
  await page.getByRole('button', { name: `Switch to ${MODE_LABELS.sealed}` }).click();

  await page.waitForURL((url) => url.pathname === '/login');
  expect(new URL(page.url()).searchParams.get('next')).toBe('/dashboard');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'That did not work' })).toHaveCount(0);
  expect(await authCookies(context)).toEqual([]);
});
