import { expect, test, type Page, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createUser, logIn, uniqueEmail } from './support';

interface CaseKey {
  jwk?: object;
  secret_utf8?: string;
  pem?: string;
}

interface InspectorCase {
  id: string;
  token: string;
  inspector?: {
    key?: CaseKey;
    signature?: string;
    warnings?: string[];
    shows?: Record<string, string>;
  };
}

type KeyKind = 'secret-text' | 'secret-base64url' | 'pem' | 'jwk' | 'jwks';

const cases = (
  JSON.parse(readFileSync(path.resolve(process.cwd(), '../shared/cases/jwt.json'), 'utf8'))
    .fixed_tokens as InspectorCase[]
).filter((entry) => entry.inspector);

function toKey(key: CaseKey | undefined): { kind: KeyKind; text: string } | null {
  if (key?.jwk) return { kind: 'jwk', text: JSON.stringify(key.jwk, null, 2) };
  if (key?.secret_utf8 !== undefined) return { kind: 'secret-text', text: key.secret_utf8 };
  if (key?.pem) return { kind: 'pem', text: key.pem };
  return null;
}

async function paste(page: Page, token: string, key: { kind: KeyKind; text: string } | null) {
  await page.getByTestId('inspect-token').fill(token);
  if (!key) return;
  await page.getByTestId(`inspect-key-kind-${key.kind}`).click();
  await page.getByTestId('inspect-key').fill(key.text);
}

function encodeSegment(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const verdict = (page: Page) => page.getByTestId('inspect-verdict');
const warnings = (page: Page) => page.getByTestId('inspect-warnings');

test.beforeEach(async ({ page }) => {
  await page.goto('/inspect');
  await expect(page).toHaveTitle(/Token inspector/);
});

for (const entry of cases) {
  test(`case ${entry.id}: shows the verdict and warnings from jwt.json`, async ({ page }) => {
    const expected = entry.inspector!;
    await paste(page, entry.token, toKey(expected.key));

    if (expected.signature === 'valid')
      await expect(verdict(page)).toHaveAttribute('data-status', 'valid');
    if (expected.signature) {
      await expect(verdict(page)).toContainText(expected.signature, { ignoreCase: true });
    }
    for (const warning of expected.warnings ?? []) {
      await expect(warnings(page)).toContainText(warning, { ignoreCase: true });
    }
    for (const [claim, value] of Object.entries(expected.shows ?? {})) {
      const cell = page
        .getByTestId('inspect-claims')
        .locator(`tr[data-claim="${claim}"] td p`)
        .first();
      await expect(cell).toHaveText(value, { useInnerText: true });
    }
  });
}

test('rfc7515-a1: the k string is a base64url secret, not a text secret', async ({ page }) => {
  const entry = cases.find((item) => item.id === 'rfc7515-a1')!;
  const k = (entry.inspector!.key!.jwk as { k: string }).k;

  await paste(page, entry.token, { kind: 'secret-text', text: k });
  await expect(verdict(page)).toHaveAttribute('data-status', 'invalid');
  await expect(verdict(page)).toContainText('invalid signature', { ignoreCase: true });

  await page.getByTestId('inspect-key-kind-secret-base64url').click();
  await expect(verdict(page)).toHaveAttribute('data-status', 'valid');
  await expect(warnings(page)).toContainText('expired');
  await expect(
    page.getByTestId('inspect-claims').locator('tr[data-claim="http://example.com/is_root"]'),
  ).toBeVisible();
  await expect(page.getByTestId('inspect-payload-json')).toContainText(
    '"http://example.com/is_root": true',
  );
});

test('markup in a claim is shown as text: no script runs, no image is fetched', async ({
  page,
}) => {
  const markup = '<script>alert(1)</script><img src=x onerror=alert(1)>';
  const token = `${encodeSegment({ alg: 'HS256', typ: 'JWT' })}.${encodeSegment({ sub: '1', name: markup })}.c2ln`;
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(request.url()));

  await paste(page, token, null);
  const cell = page.getByTestId('inspect-claims').locator('tr[data-claim="name"] td p').first();
  await expect(cell).toHaveText(markup);
  await expect(page.getByTestId('inspect-payload-json')).toContainText(markup);
  await page.waitForTimeout(500);

  expect(dialogs).toEqual([]);
  expect(requests.filter((url) => new URL(url).pathname.endsWith('/x'))).toEqual([]);
  await expect(page.locator('main img')).toHaveCount(0);
});

test('no request leaves the page carrying the token or the key', async ({ page }) => {
  const seen: Request[] = [];
  page.on('request', (request) => seen.push(request));
  await page.reload();
  const rs256 = cases.find((item) => item.id === 'rs256-control')!;
  const legacy = cases.find((item) => item.id === 'jwtio-legacy-default')!;
  const secrets = [
    rs256.token,
    ...rs256.token.split('.'),
    legacy.token,
    ...legacy.token.split('.'),
    legacy.inspector!.key!.secret_utf8!,
    encodeURIComponent(legacy.inspector!.key!.secret_utf8!),
    'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1AvQgMq0nY94WpfwNHIt',
  ];

  await paste(page, rs256.token, toKey(rs256.inspector!.key));
  await expect(verdict(page)).toHaveAttribute('data-status', 'valid');
  await paste(page, legacy.token, toKey(legacy.inspector!.key));
  await expect(verdict(page)).toHaveAttribute('data-status', 'valid');
  await page.getByTestId('inspect-key-kind-jwk').click();
  await page.getByTestId('inspect-key-kind-secret-base64url').click();
  await page.getByRole('button', { name: 'Make a sample token' }).click();
  await expect(verdict(page)).toHaveAttribute('data-status', 'valid');
  const sampleToken = await page.getByTestId('inspect-token').inputValue();
  const sampleSecret = await page.getByTestId('inspect-key').inputValue();
  secrets.push(sampleToken, sampleSecret, ...sampleToken.split('.'));
  await page.waitForTimeout(1_000);

  expect(seen.length).toBeGreaterThan(0);
  for (const request of seen) {
    const carried = `${request.url()}\n${request.postData() ?? ''}\n${JSON.stringify(await request.allHeaders())}`;
    for (const secret of secrets) expect(carried).not.toContain(secret);
  }
  const stored = await page.evaluate(
    () =>
      `${location.href}${document.cookie}${JSON.stringify(localStorage)}${JSON.stringify(sessionStorage)}`,
  );
  for (const secret of secrets) expect(stored).not.toContain(secret);
});

test('surrounding whitespace is trimmed with a note', async ({ page }) => {
  const entry = cases.find((item) => item.id === 'jwtio-current-default')!;
  await paste(page, `\n   ${entry.token}  \n`, null);
  await expect(page.getByTestId('inspect-note')).toContainText('surrounding whitespace trimmed');
  await expect(page.getByTestId('inspect-header-json')).toContainText('"alg": "HS256"');
});

test('a five-part token is shown as a JWE: header decoded, payload encrypted', async ({ page }) => {
  const token = `${encodeSegment({ alg: 'dir', enc: 'A256GCM' })}..aXYxMjM0NTY3ODkw.Y2lwaGVydGV4dA.dGFndGFndGFn`;
  await paste(page, token, { kind: 'secret-text', text: 'x'.repeat(32) });
  await expect(page.getByTestId('inspect-header-json')).toContainText('"enc": "A256GCM"');
  await expect(page.getByTestId('inspect-payload-json')).toContainText('Encrypted');
  await expect(warnings(page)).toContainText('JWE (5 parts)');
  await expect(verdict(page)).toHaveAttribute('data-status', 'not-verified');
});

test('a logged-in JWT user inspects their own token without the page holding it', async ({
  page,
  context,
}) => {
  const email = uniqueEmail('inspect');
  createUser(email, 'user');
  await logIn(page, email);
  const cookie = (await context.cookies()).find((item) => /ll_access$/.test(item.name))!;
  const [, , signature] = cookie.value.split('.');

  const response = await page.goto('/inspect');
  const html = (await response?.text()) ?? '';
  expect(html).not.toContain(cookie.value);
  expect(html).not.toContain(signature!);

  await page.getByTestId('inspect-tab-own').click();
  await expect(page.getByTestId('inspect-segments')).toContainText(
    'signature withheld by the server',
  );
  await expect(page.getByTestId('inspect-own-verdict')).toHaveAttribute('data-status', 'valid');
  await expect(page.getByTestId('inspect-claims')).toContainText(email);
  await expect(page.getByTestId('inspect-segments')).not.toContainText(signature!);
});
