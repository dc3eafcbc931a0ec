import { beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '@/lib/auth/errors';
import {
  decodePayload,
  loadJwtCases,
  mutateToken,
  type GateAnswer,
  type MutationCase,
} from '../support/jwt-cases';
import {
  appClient,
  bearerHeader,
  cookieHeader,
  STACK_FRAME,
  useAppServer,
  type HeaderMap,
} from '../support/http';
import { createUserWithRole, PASSWORD } from '../support/users';

// Every case in ../shared/cases/jwt.json goes through the real gate of a production build: as
// `Authorization: Bearer` on an admin API route, and as the JWT-mode cookie on the same route and
// on the /admin page, where a refusal is a redirect to the login page.

const cases = loadJwtCases();
const ADMIN = 'jwt-cases-admin@example.test';
const USER = 'jwt-cases-user@example.test';
const COOKIE = 'll_access';

const server = useAppServer();
const { send, logIn, issueToken, expectLoginRedirect } = appClient(server);
const fresh = { adminBearer: '', adminCookie: '', userBearer: '', userCookie: '' };
const produced = new Set<string>();

const loginCookie = async (email: string): Promise<string> => (await logIn(email, 'jwt')).value;
const get = (path: string, headers: HeaderMap): Promise<Response> => send(path, { headers });
const cookie = (token: string) => cookieHeader(COOKIE, token);

// Checks an API answer against the case: status, code, RFC 6750 header, and a body that gives
// nothing away.
async function expectApiAnswer(res: Response, gate: GateAnswer): Promise<void> {
  const text = await res.text();
  expect(text).not.toContain(server().env.JWT_SECRET);
  expect(text).not.toMatch(STACK_FRAME);
  expect(res.status).toBe(gate.status);
  if (gate.status === 200) {
    const body = JSON.parse(text) as { users: { email: string }[] };
    expect(body.users.map((u) => u.email)).toContain(ADMIN);
    return;
  }

  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(gate.code);
  expect(body.error.message).toBe(ERRORS[gate.code as keyof typeof ERRORS].message);
  produced.add(body.error.code);
  const challenge = res.headers.get('www-authenticate') ?? '';
  expect(challenge).toMatch(/^Bearer /);
  if (gate.code === 'NO_CREDENTIALS') expect(challenge).not.toContain('error=');
  else expect(challenge).toContain('error="invalid_token"');
}

async function expectAdminPage(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toContain('data-testid="users-table"');
  expect(html).toContain(`data-testid="user-row-${ADMIN}"`);
  return html;
}

beforeAll(async () => {
  createUserWithRole(server().dataDir, ADMIN, PASSWORD, 'admin');
  createUserWithRole(server().dataDir, USER, PASSWORD, 'user');
  fresh.adminBearer = await issueToken(ADMIN);
  fresh.adminCookie = await loginCookie(ADMIN);
  fresh.userBearer = await issueToken(USER);
  fresh.userCookie = await loginCookie(USER);
});

describe('fresh tokens, unchanged', () => {
  it('open the admin API as Bearer and as cookie, and the admin page as cookie', async () => {
    await expectApiAnswer(await get('/api/admin/users', bearerHeader(fresh.adminBearer)), {
      status: 200,
    });
    await expectApiAnswer(await get('/api/admin/users', cookie(fresh.adminCookie)), {
      status: 200,
    });
    await expectAdminPage(await get('/admin', cookie(fresh.adminCookie)));
  });
});

describe('fixed tokens', () => {
  for (const c of cases.fixed_tokens) {
    it(`${c.id}: ${c.gate.status} ${c.gate.code} as Bearer on /api/admin/users`, async () => {
      // An empty token as Bearer is the header "Bearer " with nothing after it.
      const headers = { authorization: `Bearer ${c.token}` };
      await expectApiAnswer(await get('/api/admin/users', headers), c.gate);
    });

    it(`${c.id}: ${c.gate.code} as cookie on /api/admin/users`, async () => {
      await expectApiAnswer(await get('/api/admin/users', cookie(c.token)), c.gate);
    });

    it(`${c.id}: redirects to /login as cookie on /admin`, async () => {
      expect(c.gate.status).toBe(401);
      expectLoginRedirect(await get('/admin', cookie(c.token)), '/admin');
    });
  }
});

// Raising the role means nothing on a token that already says admin (the payload would come out
// byte for byte the same, with a valid signature), so that case starts from a user's token.
function baseTokens(change: MutationCase): { bearer: string; cookie: string } {
  return change.payload?.role === 'admin'
    ? { bearer: fresh.userBearer, cookie: fresh.userCookie }
    : { bearer: fresh.adminBearer, cookie: fresh.adminCookie };
}

function mutated(change: MutationCase, token: string): string {
  const result = mutateToken(token, change, server().env.JWT_SECRET!);
  expect(result).not.toBe(token);
  return result;
}

describe('mutations of a fresh token', () => {
  for (const c of cases.mutations_of_a_fresh_token) {
    const label = c.gate.code ?? 'accepted';

    it(`${c.id}: ${c.gate.status} ${label} as Bearer on /api/admin/users`, async () => {
      const token = mutated(c, baseTokens(c).bearer);
      await expectApiAnswer(await get('/api/admin/users', bearerHeader(token)), c.gate);
    });

    it(`${c.id}: ${c.gate.status} ${label} as cookie on /api/admin/users and /admin`, async () => {
      const token = mutated(c, baseTokens(c).cookie);
      await expectApiAnswer(await get('/api/admin/users', cookie(token)), c.gate);
      const page = await get('/admin', cookie(token));
      if (c.gate.status === 200) await expectAdminPage(page);
      else expectLoginRedirect(page, '/admin');
    });
  }

  it('unicode-name: the dashboard shows the name exactly', async () => {
    const change = cases.mutations_of_a_fresh_token.find((c) => c.id === 'unicode-name')!;
    const token = mutated(change, fresh.adminCookie);
    const res = await get('/dashboard', cookie(token));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(change.payload!.name as string);
  });

  it('markup-in-claims: the markup is escaped text on /dashboard and /admin, never live', async () => {
    const change = cases.mutations_of_a_fresh_token.find((c) => c.id === 'markup-in-claims')!;
    const token = mutated(change, fresh.adminCookie);
    expect(decodePayload(token).name).toBe(change.payload!.name);

    const dashboard = await get('/dashboard', cookie(token));
    expect(dashboard.status).toBe(200);
    const html = await dashboard.text();
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toMatch(/<img[^>]*onerror/i);

    const admin = await expectAdminPage(await get('/admin', cookie(token)));
    expect(admin).not.toContain('<script>alert(1)</script>');
    expect(admin).not.toMatch(/<img[^>]*onerror/i);
  });

  it('big-claim: the cookie is over the browser limit, and the dashboard says so', async () => {
    const change = cases.mutations_of_a_fresh_token.find((c) => c.id === 'big-claim')!;
    const token = mutated(change, fresh.adminCookie);
    expect(COOKIE.length + token.length).toBeGreaterThan(4096);
    const res = await get('/dashboard', cookie(token));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('over the browser limit');
  });
});

describe('Authorization header forms', () => {
  for (const c of cases.authorization_header) {
    it(`${c.id}: ${c.gate.status} ${c.gate.code ?? 'accepted'}`, async () => {
      const authorization = c.authorization.replace('$token', fresh.adminBearer);
      await expectApiAnswer(await get('/api/admin/users', { authorization }), c.gate);
    });
  }
});

describe('codes', () => {
  it('produced every token error code the cases name', () => {
    const named = [
      ...cases.fixed_tokens,
      ...cases.mutations_of_a_fresh_token,
      ...cases.authorization_header,
    ].flatMap((c) => (c.gate.code ? [c.gate.code] : []));
    expect([...produced].sort()).toEqual([...new Set(named)].sort());
    expect([...produced].sort()).toEqual([
      'NO_CREDENTIALS',
      'TOKEN_EXPIRED',
      'TOKEN_INVALID',
      'TOKEN_MALFORMED',
      'TOKEN_NOT_YET_VALID',
    ]);
  });
});
