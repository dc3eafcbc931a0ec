import { expect, test, type Page } from '@playwright/test';
import {
  authCookie,
  createUser,
  fillLogin,
  fillSignup,
  logIn,
  MODE_LABELS,
  PASSWORD,
  signUp,
  signUpAndLogIn,
  uniqueEmail,
} from './support';

const emailField = (page: Page) => page.getByLabel('Email', { exact: true });
const passwordField = (page: Page) => page.getByLabel('Password', { exact: true });
// Scoped to the form: Next's route announcer is also a role="alert".
const formAlert = (page: Page) => page.locator('form').getByRole('alert');

test('signup shows each form error and creates nothing until the form is valid', async ({
  page,
}) => {
  const email = uniqueEmail();

  await fillSignup(page, email, 'fourteen-chars');
  await expect(passwordField(page)).toHaveAccessibleDescription('Use at least 15 characters.');
  await expect(passwordField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(emailField(page)).toHaveValue(email);
  expect(new URL(page.url()).pathname).toBe('/signup');

  await fillSignup(page, 'not-an-email', PASSWORD);
  await expect(emailField(page)).toHaveAccessibleDescription('Enter a valid email address.');
  await expect(emailField(page)).toHaveAttribute('aria-invalid', 'true');

  // The short-password attempt left no account behind: the same email signs up cleanly now.
  await signUp(page, email);

  await fillSignup(page, email, 'another long passphrase for the same email');
  await expect(emailField(page)).toHaveAccessibleDescription(
    'An account with this email already exists.',
  );
  expect(new URL(page.url()).pathname).toBe('/signup');

  // The refused second signup changed nothing: the first password still works.
  await logIn(page, email);
  expect(new URL(page.url()).pathname).toBe('/dashboard');
});

test('login answers a wrong password and an unknown email the same way', async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, email);

  await fillLogin(page, email, 'not the right password at all');
  await expect(formAlert(page)).toHaveText('Email or password is incorrect.');
  await expect(emailField(page)).toHaveValue(email);

  await fillLogin(page, uniqueEmail('nobody'), PASSWORD);
  await expect(formAlert(page)).toHaveText('Email or password is incorrect.');
  expect(new URL(page.url()).pathname).toBe('/login');
});

test('a failed login keeps the picked mode, and the retry logs in with it', async ({
  page,
  context,
}) => {
  const email = uniqueEmail();
  await signUp(page, email);
  const sessionRadio = page.getByRole('radio', { name: MODE_LABELS.session });

  await fillLogin(page, email, 'not the right password at all', { mode: 'session' });
  await expect(formAlert(page)).toHaveText('Email or password is incorrect.');
  await expect(sessionRadio).toBeChecked();
  await expect(page.getByRole('radio', { name: MODE_LABELS.jwt })).not.toBeChecked();

  // Only the password is typed again: the email and the mode are the ones the form kept.
  await passwordField(page).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId('dashboard-mode')).toHaveText(MODE_LABELS.session);
  expect((await authCookie(context)).name).toBe('ll_sid');
});

test('a JWT login lands on a dashboard that shows the token but never the credential', async ({
  page,
  context,
}) => {
  const email = await signUpAndLogIn(page, 'jwt');
  expect(new URL(page.url()).pathname).toBe('/dashboard');

  const response = await page.goto('/dashboard');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toContain('no-store');

  const payload = JSON.parse((await page.getByTestId('token-payload').textContent()) ?? '{}');
  expect(payload).toMatchObject({ email, role: 'user' });
  await expect(page.getByTestId('cookie-attributes')).toContainText('HttpOnly');
  await expect(page.getByTestId('document-cookie')).toHaveText('"" (nothing)');

  const cookie = await authCookie(context);
  expect(cookie).toMatchObject({ name: 'll_access', httpOnly: true, sameSite: 'Lax', path: '/' });
  const signature = cookie.value.split('.')[2] ?? '';
  expect(signature.length).toBeGreaterThan(20);
  const html = await page.content();
  expect(html).not.toContain(cookie.value);
  expect(html, 'the signature, the part only the server can make').not.toContain(signature);
  await expect(page.getByTestId('cookie-masked')).toContainText('…');
});

for (const [mode, cookieName] of [
  ['sealed', 'll_sealed'],
  ['session', 'll_sid'],
] as const) {
  test(`a ${mode} login shows its cookie masked and HttpOnly, never whole`, async ({
    page,
    context,
  }) => {
    const email = await signUpAndLogIn(page, mode);

    const response = await page.goto('/dashboard');
    expect(response?.headers()['cache-control']).toContain('no-store');
    await expect(page.getByTestId('dashboard-email')).toHaveText(email);
    await expect(page.getByTestId('cookie-attributes')).toContainText('HttpOnly');
    await expect(page.getByTestId('document-cookie')).toHaveText('"" (nothing)');

    const cookie = await authCookie(context);
    expect(cookie).toMatchObject({ name: cookieName, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await page.content()).not.toContain(cookie.value);
  });
}

test('login follows a same-origin next and ignores an off-site one', async ({ browser }) => {
  const admin = uniqueEmail('admin');
  createUser(admin, 'admin');

  for (const [next, landing] of [
    ['/admin', '/admin'],
    ['https://evil.example', '/dashboard'],
    ['//evil.example', '/dashboard'],
    ['/\\evil.example', '/dashboard'],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logIn(page, admin, PASSWORD, 'jwt', next);
    const url = new URL(page.url());
    expect(url.origin, `next=${next}`).toBe(new URL(test.info().project.use.baseURL!).origin);
    expect(url.pathname, `next=${next}`).toBe(landing);
    await context.close();
  }
});
