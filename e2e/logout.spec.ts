import { expect, test } from '@playwright/test';
import { authCookie, authCookies, signUpAndLogIn, type Mode } from './support';

// What replaying the pre-logout cookie gets: a JWT stays valid until `exp` (nothing is stored),
// a seal is on the revocation list, a session id is gone from the store.
const REPLAY: Record<Mode, string | null> = {
  jwt: null,
  sealed: 'TOKEN_REVOKED',
  session: 'SESSION_EXPIRED',
};

for (const mode of ['jwt', 'sealed', 'session'] as const) {
  test(`logging out in ${mode} mode clears the cookie and closes the dashboard`, async ({
    page,
    context,
    request,
  }) => {
    await signUpAndLogIn(page, mode);
    const before = await authCookie(context);

    await page.getByRole('banner').getByRole('button', { name: 'Log out', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
    expect(await authCookies(context)).toEqual([]);

    await page.goto('/dashboard');
    expect(page.url()).toMatch(/\/login\?next=%2Fdashboard$/);

    const code = REPLAY[mode];
    if (code) {
      const replay = await request.get('/api/me', {
        headers: { cookie: `${before.name}=${before.value}` },
      });
      expect(replay.status()).toBe(401);
      expect((await replay.json()).error.code).toBe(code);
    }
  });
}

test('a GET to the logout route logs nobody out, so a prefetch cannot', async ({
  page,
  context,
}) => {
  const email = await signUpAndLogIn(page, 'session');
  const before = await authCookie(context);

  const response = await page.request.get('/api/auth/logout');
  expect(response.status()).toBe(405);
  // The same GET from the page itself, carrying the browser's cookies like a prefetch would.
  const status = await page.evaluate(async () => (await fetch('/api/auth/logout')).status);
  expect(status).toBe(405);

  expect(await authCookie(context)).toMatchObject({ name: before.name, value: before.value });
  const dashboard = await page.goto('/dashboard');
  expect(dashboard?.status()).toBe(200);
  await expect(page.getByTestId('dashboard-email')).toHaveText(email);
});
