import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appClient,
  AUTH_COOKIES,
  cookieAttributes,
  cookieHeader,
  cookieValue,
  safeErrorCheck,
  uniqueEmail,
  useAppServer,
} from '../support/http';
import { PASSWORD } from '../support/users';

// Signup, login, token and logout through the real API of a production build. The login limit
// is lowered to 3 failures so the limiter can be reached quickly.

const COOKIE = 'll_access';
const MAX_FAILURES = 3;
const ACCOUNT_MAX_FAILURES = 5;

const server = useAppServer({
  LOGIN_MAX_FAILURES: String(MAX_FAILURES),
  LOGIN_ACCOUNT_MAX_FAILURES: String(ACCOUNT_MAX_FAILURES),
});
const { send, postJson, signUp, logIn, me, expectMe } = appClient(server);
const produced = new Set<string>();
const expectError = safeErrorCheck(server, produced);

const signup = (email: string, password = PASSWORD) =>
  postJson('/api/auth/signup', { email, password });
const login = (email: string, password = PASSWORD) =>
  postJson('/api/auth/login', { email, password });

// A signup that succeeds proves an earlier refused attempt with the same email stored nothing.
async function expectNothingStoredFor(email: string): Promise<void> {
  await expectError(await login(email), 401, 'INVALID_CREDENTIALS');
  expect((await signup(email)).status).toBe(201);
}

describe('POST /api/auth/signup', () => {
  it('creates a user with the email trimmed and lower-cased, and answers 201', async () => {
    const email = uniqueEmail('Mixed.Case');
    const res = await signup(`  ${email.toUpperCase()}  `);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { user: Record<string, unknown> };
    expect(body.user).toMatchObject({ email: email.toLowerCase(), role: 'user', disabled: false });
    expect(Object.keys(body.user)).not.toContain('passwordHash');
    expect(JSON.stringify(body)).not.toContain(PASSWORD);
    expect((await login(email.toLowerCase())).status).toBe(200);
  });

  it('refuses a taken email with 422 and fields.email, and keeps the first password', async () => {
    const email = uniqueEmail('taken');
    expect((await signup(email)).status).toBe(201);
    const body = await expectError(
      await signup(email, 'another password, long enough'),
      422,
      'VALIDATION_FAILED',
    );
    expect(body.error.fields?.email?.length).toBeGreaterThan(0);
    await expectError(
      await login(email, 'another password, long enough'),
      401,
      'INVALID_CREDENTIALS',
    );
    expect((await login(email)).status).toBe(200);
  });

  it('accepts passwords of exactly 15 and 128 characters', async () => {
    expect((await signup(uniqueEmail('len15'), 'p'.repeat(15))).status).toBe(201);
    expect((await signup(uniqueEmail('len128'), 'p'.repeat(128))).status).toBe(201);
  });

  const badPasswords = [
    ['of 14 characters', 'p'.repeat(14)],
    ['of 129 characters', 'p'.repeat(129)],
    ['with a NUL character', `${'p'.repeat(20)}\0tail`],
  ] as const;
  for (const [label, password] of badPasswords) {
    it(`refuses a password ${label} with 422 fields.password and stores nothing`, async () => {
      const email = uniqueEmail('badpw');
      const body = await expectError(await signup(email, password), 422, 'VALIDATION_FAILED');
      expect(Object.keys(body.error.fields ?? {})).toEqual(['password']);
      await expectNothingStoredFor(email);
    });
  }

  it('refuses a malformed email with 422 fields.email', async () => {
    const body = await expectError(await signup('not-an-email'), 422, 'VALIDATION_FAILED');
    expect(Object.keys(body.error.fields ?? {})).toEqual(['email']);
  });

  it('refuses malformed JSON with 400 BAD_REQUEST and stores nothing', async () => {
    const email = uniqueEmail('badjson');
    const res = await send('/api/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"email":"${email}","password":"${PASSWORD}"`,
    });
    await expectError(res, 400, 'BAD_REQUEST');
    await expectNothingStoredFor(email);
  });

  it('refuses a text/plain body with 400 BAD_REQUEST and stores nothing', async () => {
    const email = uniqueEmail('plain');
    const res = await send('/api/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    await expectError(res, 400, 'BAD_REQUEST');
    await expectNothingStoredFor(email);
  });

  const notObjects = [
    ['an array', (email: string) => [{ email, password: PASSWORD }]],
    ['null', () => null],
    ['a string', (email: string) => email],
  ] as const;
  for (const [label, bodyFor] of notObjects) {
    it(`refuses ${label} as the JSON body with 400 "The body must be a JSON object."`, async () => {
      const email = uniqueEmail('notobject');
      const res = await postJson('/api/auth/signup', bodyFor(email));
      const body = await expectError(res, 400, 'BAD_REQUEST');
      expect(body.error.message).toBe('The body must be a JSON object.');
      await expectNothingStoredFor(email);
    });
  }

  it('refuses a body over 16 KB with 400 BAD_REQUEST and stores nothing', async () => {
    const email = uniqueEmail('big');
    const res = await postJson('/api/auth/signup', {
      email,
      password: PASSWORD,
      pad: 'x'.repeat(16 * 1024),
    });
    await expectError(res, 400, 'BAD_REQUEST');
    await expectNothingStoredFor(email);
  });
});

describe('POST /api/auth/login', () => {
  let email: string;

  beforeAll(async () => {
    email = uniqueEmail('login');
    expect((await signup(email)).status).toBe(201);
  });

  it('sets exactly one cookie, ll_access, HttpOnly, SameSite=Lax, Path=/ with a Max-Age', async () => {
    const res = await login(email);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { email, role: 'user' }, mode: 'jwt' });
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(new RegExp(`^${COOKIE}=[\\w-]+\\.[\\w-]+\\.[\\w-]+;`));
    const attributes = cookieAttributes(cookies[0]!);
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(attributes).toContain(`max-age=${900}`);
    // Served over http, so no Secure and no __Host- prefix.
    expect(attributes).not.toContain('secure');
  });

  it('the cookie it sets is accepted by /api/me', async () => {
    const value = cookieValue(await login(email), COOKIE);
    const me = await send('/api/me', { headers: { cookie: `${COOKIE}=${value}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { email },
      role: 'user',
      mode: 'jwt',
      source: 'cookie',
    });
  });

  it('answers an unknown email and a wrong password with the same 401 INVALID_CREDENTIALS', async () => {
    const unknown = await login(uniqueEmail('nobody'));
    const wrong = await login(email, 'not the right password at all');
    expect(unknown.headers.getSetCookie()).toEqual([]);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(unknown.headers.get('www-authenticate')).toBe(wrong.headers.get('www-authenticate'));
    const unknownBody = await expectError(unknown, 401, 'INVALID_CREDENTIALS');
    const wrongBody = await expectError(wrong, 401, 'INVALID_CREDENTIALS');
    expect(unknownBody).toEqual(wrongBody);
  });

  it(`refuses attempt ${MAX_FAILURES + 1} after ${MAX_FAILURES} failures with 429 and Retry-After, even with the right password`, async () => {
    const limited = uniqueEmail('limited');
    expect((await signup(limited)).status).toBe(201);
    for (let i = 0; i < MAX_FAILURES; i++) {
      await expectError(
        await login(limited, `wrong password number ${i}`),
        401,
        'INVALID_CREDENTIALS',
      );
    }

    const blocked = await login(limited, 'wrong password once more');
    await expectError(blocked, 429, 'RATE_LIMITED');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    const right = await login(limited);
    await expectError(right, 429, 'RATE_LIMITED');
    expect(right.headers.getSetCookie()).toEqual([]);
    await expectError(
      await postJson('/api/auth/token', { email: limited, password: PASSWORD }),
      429,
      'RATE_LIMITED',
    );

    // The limit is per account: another account from the same address still logs in.
    expect((await login(email)).status).toBe(200);
  });

  // Next only fills X-Forwarded-For when the client sent none, so a client can claim a new
  // address per attempt; the per-email limit must still stop it.
  it('stops guessing one account even when every attempt claims a new X-Forwarded-For', async () => {
    const target = uniqueEmail('spoofed');
    expect((await signup(target)).status).toBe(201);
    const attempt = (i: number) =>
      postJson(
        '/api/auth/login',
        { email: target, password: `wrong password number ${i}` },
        { 'x-forwarded-for': `203.0.113.${i + 1}` },
      );
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) {
      await expectError(await attempt(i), 401, 'INVALID_CREDENTIALS');
    }
    await expectError(await attempt(ACCOUNT_MAX_FAILURES), 429, 'RATE_LIMITED');
  });

  it('refuses an unknown mode with 422 fields.mode', async () => {
    const res = await postJson('/api/auth/login', { email, password: PASSWORD, mode: 'basic' });
    const body = await expectError(res, 422, 'VALIDATION_FAILED');
    expect(Object.keys(body.error.fields ?? {})).toEqual(['mode']);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe('POST /api/auth/token', () => {
  it('returns a Bearer token in the body, sets no cookie, and /api/me accepts it', async () => {
    const email = uniqueEmail('token');
    expect((await signup(email)).status).toBe(201);
    const res = await postJson('/api/auth/token', { email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    const body = (await res.json()) as {
      access_token: string;
      token_type: string;
      expires_in: number;
    };
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(900);
    expect(body.access_token.split('.')).toHaveLength(3);

    const me = await send('/api/me', { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email }, role: 'user', source: 'bearer' });
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS', async () => {
    const res = await postJson('/api/auth/token', {
      email: uniqueEmail('nobody'),
      password: PASSWORD,
    });
    await expectError(res, 401, 'INVALID_CREDENTIALS');
  });
});

describe('POST /api/auth/logout', () => {
  it('clears the cookie with Max-Age=0 and the same attributes', async () => {
    const email = uniqueEmail('logout');
    expect((await signup(email)).status).toBe(201);
    const value = cookieValue(await login(email), COOKIE);
    expect(value).not.toBe('');

    const res = await send('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: `${COOKIE}=${value}` },
    });
    expect(res.status).toBe(200);
    const cleared = res.headers.getSetCookie();
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatch(new RegExp(`^${COOKIE}=;`));
    const attributes = cookieAttributes(cleared[0]!);
    expect(attributes).toContain('max-age=0');
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));

    await expectError(await send('/api/me'), 401, 'NO_CREDENTIALS');
  });
});

// A browser sends Origin with every cross-origin POST; a request without one is not a browser's.
describe('requests from another origin', () => {
  const FOREIGN = [
    'http://evil.example',
    // A sibling site on the same host: SameSite=Lax alone would let its requests carry cookies.
    'http://127.0.0.1:1',
    // What a browser sends from a sandboxed frame or after a cross-origin redirect.
    'null',
  ];
  let email: string;

  beforeAll(async () => {
    email = (await signUp('origin')).email;
  });

  const loginFrom = (origin?: string) =>
    postJson('/api/auth/login', { email, password: PASSWORD }, origin ? { origin } : {});

  for (const origin of FOREIGN) {
    it(`refuses a login from Origin ${origin} with 403 FORBIDDEN and sets no cookie`, async () => {
      const res = await loginFrom(origin);
      expect(res.headers.getSetCookie()).toEqual([]);
      const body = await expectError(res, 403, 'FORBIDDEN');
      expect(body.error.message).toBe('Cross-origin requests are refused.');
      // Not a token problem, so no RFC 6750 challenge.
      expect(res.headers.get('www-authenticate')).toBeNull();
    });
  }

  it("accepts a login from the app's own origin and one with no Origin at all", async () => {
    for (const origin of [server().url, undefined]) {
      const res = await loginFrom(origin);
      expect(res.status, `Origin ${origin ?? '(none)'}`).toBe(200);
      expect(cookieValue(res, COOKIE), `Origin ${origin ?? '(none)'}`).not.toBe('');
    }
  });

  it('refuses a signup from a foreign origin with 403 and stores nothing', async () => {
    const stranger = uniqueEmail('csrf-signup');
    const res = await postJson(
      '/api/auth/signup',
      { email: stranger, password: PASSWORD },
      { origin: 'http://evil.example' },
    );
    await expectError(res, 403, 'FORBIDDEN');
    await expectNothingStoredFor(stranger);
  });

  // Session mode, because there logout ends the credential on the server: a refused logout that
  // had still run would show as SESSION_EXPIRED afterwards.
  it('refuses a logout from a foreign origin with 403; the session cookie keeps working', async () => {
    const sid = cookieHeader(AUTH_COOKIES.session, (await logIn(email, 'session')).value);
    for (const origin of FOREIGN) {
      const res = await send('/api/auth/logout', { method: 'POST', headers: { ...sid, origin } });
      expect(res.headers.getSetCookie(), origin).toEqual([]);
      await expectError(res, 403, 'FORBIDDEN');
      await expectMe(sid, { mode: 'session', user: { email } });
    }

    const own = await send('/api/auth/logout', {
      method: 'POST',
      headers: { ...sid, origin: server().url },
    });
    expect(own.status).toBe(200);
    await expectError(await me(sid), 401, 'SESSION_EXPIRED');
  });
});

describe('unknown API paths', () => {
  for (const urlPath of ['/api/does-not-exist', '/api/auth/does-not-exist']) {
    for (const method of ['GET', 'POST']) {
      it(`answer ${method} ${urlPath} with a JSON 404 NOT_FOUND, not the HTML page`, async () => {
        const res = await send(urlPath, {
          method,
          ...(method === 'POST'
            ? { headers: { 'content-type': 'application/json' }, body: '{}' }
            : {}),
        });
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(res.headers.get('cache-control')).toContain('no-store');
        await expectError(res, 404, 'NOT_FOUND');
      });
    }
  }
});

describe('a body that stops arriving', () => {
  // Sends the start of a chunked JSON body and then nothing, as a slow-loris client would.
  function postStalled(urlPath: string): Promise<{ status: number; body: string }> {
    const url = new URL(urlPath, server().url);
    return new Promise((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('error', reject);
      req.write('{"email":');
    });
  }

  it('is answered 400 BAD_REQUEST after the body timeout instead of holding the request', async () => {
    const started = Date.now();
    const { status, body } = await postStalled('/api/auth/login');
    expect(status).toBe(400);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    produced.add('BAD_REQUEST');
    // The limit is 10 s; far past it would mean the request is being held.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});

describe('codes', () => {
  it('produced each code this file is about', () => {
    expect([...produced].sort()).toEqual([
      'BAD_REQUEST',
      'FORBIDDEN',
      'INVALID_CREDENTIALS',
      'NOT_FOUND',
      'NO_CREDENTIALS',
      'RATE_LIMITED',
      'SESSION_EXPIRED',
      'VALIDATION_FAILED',
    ]);
  });
});
