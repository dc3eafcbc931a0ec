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
  ).toContainText(new RegExp(`by ${escape(adminEmail)} → ${escape(plainEmail)} · .*admin$`));

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
