import { expect, test, type Page } from '@playwright/test';
import { createUser, logIn, PASSWORD, signUpAndLogIn, uniqueEmail } from './support';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function expectForbidden(page: Page): Promise<void> {
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(403);
  expect(response?.request().redirectedFrom(), 'no redirect on the way').toBeNull();
  expect(new URL(page.url()).pathname).toBe('/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page needs another role');
}

test('a role in a JWT is stale until the user gets a fresh credential', async ({ browser }) => {
  const adminEmail = uniqueEmail('admin');
  createUser(adminEmail, 'admin');

  const plainContext = await browser.newContext();
  const plain = await plainContext.newPage();
  const plainEmail = await signUpAndLogIn(plain, 'jwt', 'plain');
  await expectForbidden(plain);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, adminEmail, PASSWORD, 'jwt', '/admin');
  await expect(admin.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  const row = admin.getByRole('row').filter({ hasText: plainEmail });
  const roleCell = row.getByRole('cell').nth(1);
  await expect(roleCell).toHaveText('user');

  await row.getByLabel(`Role for ${plainEmail}`).selectOption('admin');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(roleCell).toHaveText('admin');
  await admin.reload();
  await expect(roleCell).toHaveText('admin');
  await expect(
    admin.getByTestId('audit-log').getByRole('listitem').filter({ hasText: 'user.role' }),
  ).toContainText(
    new RegExp(
      `by ${escape(adminEmail)} → ${escape(plainEmail)} · user → admin, 0 sessions ended$`,
    ),
  );

  // The database says admin, but the signed token still says user, and the gate trusts the token.
  await expectForbidden(plain);
  await plain.goto('/dashboard');
  const notice = plain.getByTestId('stale-role');
  await expect(notice).toContainText('Your credential says user, the database says admin.');
  await notice.getByRole('button', { name: 'Get a fresh credential' }).click();
  await expect(notice).toBeHidden();
  await expect(plain.getByTestId('token-payload')).toContainText('"role": "admin"');

  const response = await plain.goto('/admin');
  expect(response?.status()).toBe(200);
  await expect(plain.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();

  await plainContext.close();
  await adminContext.close();
});

test('"Revoke all" logs a user out of their other browser at once, and the audit log says so', async ({
  browser,
}) => {
  const adminEmail = uniqueEmail('admin');
  createUser(adminEmail, 'admin');

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  const userEmail = await signUpAndLogIn(user, 'jwt', 'revoked');
  const dashboard = await user.goto('/dashboard');
  expect(dashboard?.status()).toBe(200);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, adminEmail, PASSWORD, 'jwt', '/admin');
  await admin.getByRole('button', { name: `Revoke all credentials of ${userEmail}` }).click();
  await expect(
    admin
      .getByTestId('audit-log')
      .getByRole('listitem')
      .filter({ hasText: 'user.revoke-all' })
      .filter({ hasText: userEmail }),
  ).toContainText(new RegExp(`by ${escape(adminEmail)} → ${escape(userEmail)} · 0 sessions$`));

  // The JWT still verifies (so the proxy lets it through); the page sees its version is revoked.
  await user.goto('/dashboard');
  await expect(user).toHaveURL(/\/login\?next=%2Fdashboard$/);
  await expect(user.getByRole('button', { name: 'Log in' })).toBeVisible();

  await userContext.close();
  await adminContext.close();
});

// The e2e server shares one database across specs, so this admin first demotes every other
// admin through the table; only then is it really the last one.
test('the last admin cannot demote themselves: the page says why and the role stays', async ({
  page,
}) => {
  const adminEmail = uniqueEmail('last-admin');
  createUser(adminEmail, 'admin');
  await logIn(page, adminEmail, PASSWORD, 'jwt', '/admin');
  const row = (email: string) => page.getByTestId(`user-row-${email}`);
  const roleCell = (email: string) => row(email).getByRole('cell').nth(1);
  const demote = async (email: string): Promise<void> => {
    await row(email).getByLabel(`Role for ${email}`).selectOption('user');
    await row(email).getByRole('button', { name: 'Save' }).click();
  };

  const rows = await page
    .getByTestId('users-table')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        email: (tr.getAttribute('data-testid') ?? '').replace(/^user-row-/, ''),
        role: (tr as HTMLTableRowElement).cells[1]?.textContent ?? '',
      })),
    );
  const otherAdmins = rows
    .filter((r) => r.role.startsWith('admin') && r.email !== adminEmail)
    .map((r) => r.email);
  for (const email of otherAdmins) {
    await demote(email);
    await expect(roleCell(email)).toHaveText(/^user/);
  }

  await demote(adminEmail);
  await expect(page).toHaveURL(/\/admin\?error=role$/);
  await expect(page.getByRole('alert').filter({ hasText: 'At least one admin' })).toHaveText(
    'At least one admin must remain: promote someone else first.',
  );
  await expect(roleCell(adminEmail)).toHaveText(/^admin/);

  // Nothing was revoked either: a fresh load of /admin still lets this admin in.
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(200);
  await expect(roleCell(adminEmail)).toHaveText(/^admin/);
  await expect(page.getByRole('alert').filter({ hasText: 'At least one admin' })).toHaveCount(0);
});
