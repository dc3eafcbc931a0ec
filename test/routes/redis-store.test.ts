import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../support/app-database';
import {
  appClient,
  AUTH_COOKIES,
  bearerHeader,
  cookieHeader,
  cookieValue,
  expectError,
  type HeaderMap,
  type Mode,
} from '../support/http';
import { hasRedisServer, startRedisServer, type RedisServer } from '../support/redis-server';
import { freePort, startAppServer, type AppServer } from '../support/server';
import { createUserWithRole, PASSWORD } from '../support/users';
import { startUpstashBridge, type UpstashBridge } from '../support/upstash-bridge';

// Session mode on the Redis stores, through the real API of a production build. The TCP store
// runs against a throwaway redis-server that the test kills and restarts; the Upstash store
// runs through the REST bridge onto the shared Redis at 127.0.0.1:6379.

const SID = AUTH_COOKIES.session;
const STORE_TIMEOUT_MS = 300;
// The store's timeout plus room for a loaded machine; a hang would blow far past it.
const FAIL_WITHIN_MS = 2_000;
const RECOVER_WITHIN_MS = 10_000;
const SHARED_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

type RawRedis = ReturnType<typeof createClient>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const idHashOf = (id: string): string => createHash('sha256').update(id).digest('base64url');
const asSession = (sid: string) => cookieHeader(SID, sid);

// One app under test at a time; each describe points this at its own.
let app: AppServer;
const api = appClient(() => app);
const { send, postJson, me } = api;

const signup = async (label: string): Promise<string> => (await api.signUp(label)).email;
const login = async (email: string, mode: Mode): Promise<string> =>
  (await api.logIn(email, mode)).value;
const attemptLogin = (email: string, mode: Mode): Promise<Response> =>
  postJson('/api/auth/login', { email, password: PASSWORD, mode });
const expectMe = (headers: HeaderMap, mode: string): Promise<void> =>
  api.expectMe(headers, { mode });

async function openRaw(url: string): Promise<RawRedis> {
  const raw: RawRedis = createClient({ url, socket: { reconnectStrategy: false } });
  raw.on('error', () => {});
  await raw.connect();
  return raw;
}

async function deleteKeys(raw: RawRedis, prefix: string): Promise<void> {
  for await (const batch of raw.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
    if (batch.length > 0) await raw.del(batch);
  }
}

describe.runIf(hasRedisServer)('session mode on Redis over TCP', () => {
  const prefix = `llroute:${randomUUID()}:`;
  const ADMIN = 'redis-store-admin@example.test';
  let port: number;
  let redis: RedisServer | undefined;
  // A JWT admin, who works whether or not the store is up.
  let adminToken: string;
  // A user with a session in the store, whose promotion the outage refuses.
  let promotee: { id: string; email: string };

  const setRole = (id: string, role: string): Promise<Response> =>
    send(`/api/admin/users/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...bearerHeader(adminToken) },
      body: JSON.stringify({ role }),
    });

  async function roleOf(id: string): Promise<string | undefined> {
    const res = await send('/api/admin/users', { headers: bearerHeader(adminToken) });
    expect(res.status, await res.clone().text()).toBe(200);
    const { users } = (await res.json()) as { users: Array<{ id: string; role: string }> };
    return users.find((u) => u.id === id)?.role;
  }

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedisServer(port);
    app = await startAppServer({
      SESSION_STORE: 'redis',
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: prefix,
      STORE_TIMEOUT_MS: String(STORE_TIMEOUT_MS),
    });
    createUserWithRole(app.dataDir, ADMIN, PASSWORD, 'admin');
    adminToken = await api.issueToken(ADMIN);
  });

  afterAll(async () => {
    await app?.stop();
    await redis?.stop();
  });

  it('stores a login under <prefix>sess:<hash of the id>, with a TTL, never the id', async () => {
    const sid = await login(await signup('redis-key'), 'session');
    await expectMe(asSession(sid), 'session');

    const raw = await openRaw(redis!.url);
    try {
      const key = `${prefix}sess:${idHashOf(sid)}`;
      const ttl = await raw.pTTL(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(30 * 60 * 1000);
      expect(JSON.parse((await raw.get(key))!)).toMatchObject({ userAgent: expect.any(String) });
      const keys = await raw.keys(`${prefix}*`);
      expect(keys.some((k) => k.includes(sid))).toBe(false);
    } finally {
      raw.destroy();
    }
  });

  describe('while Redis is down', () => {
    let email: string;
    let sid: string;
    let jwtCookie: string;
    let bearer: string;

    beforeAll(async () => {
      email = await signup('outage');
      sid = await login(email, 'session');
      jwtCookie = await login(email, 'jwt');
      bearer = await api.issueToken(email);
      await expectMe(asSession(sid), 'session');
      promotee = await api.signUp('promotee');
      await expectMe(asSession(await login(promotee.email, 'session')), 'session');

      await redis!.stop();
      redis = undefined;
    });

    it('answers a session cookie with 503 STORE_UNAVAILABLE, fast', async () => {
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const res = await me(asSession(sid));
        const elapsed = performance.now() - started;
        await expectError(res, 503, 'STORE_UNAVAILABLE');
        expect(elapsed).toBeLessThan(FAIL_WITHIN_MS);
      }
    });

    it('refuses a session-mode login with 503 and sets no cookie', async () => {
      for (const headers of [{}, asSession(sid)]) {
        const res = await postJson(
          '/api/auth/login',
          { email, password: PASSWORD, mode: 'session' },
          headers,
        );
        expect(res.headers.getSetCookie()).toEqual([]);
        await expectError(res, 503, 'STORE_UNAVAILABLE');
      }
    });

    it('sends the dashboard to a clear /unavailable page instead of a login or a crash', async () => {
      const res = await send('/dashboard', { headers: asSession(sid) });
      expect([303, 307]).toContain(res.status);
      const location = new URL(res.headers.get('location') ?? '', app.url);
      expect(location.pathname).toBe('/unavailable');
      expect(location.searchParams.get('next')).toBe('/dashboard');

      const page = await send(`${location.pathname}${location.search}`, {
        headers: asSession(sid),
      });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('503 · STORE_UNAVAILABLE');
      expect(html).toContain('The session store is unreachable');
      expect(html).toContain('no one is let in while it is down');
      expect(html).not.toContain('signed in as');
    });

    // A promotion ends the user's sessions before it writes the role; with no store, neither.
    it('refuses to promote a session-mode user with 503 and leaves the role as it was', async () => {
      await expectError(await setRole(promotee.id, 'admin'), 503, 'STORE_UNAVAILABLE');
      expect(await roleOf(promotee.id)).toBe('user');
      const audited = readRows(
        app.dataDir,
        `SELECT id FROM audit_log WHERE action = 'user.role' AND target_id = ?`,
        promotee.id,
      );
      expect(audited).toEqual([]);
    });

    it('refuses a logout with 503 and keeps the cookie, as the session could not be deleted', async () => {
      const res = await send('/api/auth/logout', { method: 'POST', headers: asSession(sid) });
      await expectError(res, 503, 'STORE_UNAVAILABLE');
      expect(res.headers.getSetCookie()).toEqual([]);
    });

    it('still disables a user, since the database decides in every mode', async () => {
      const victim = await api.signUp('disabled-in-outage');
      const victimJwt = await login(victim.email, 'jwt');
      const res = await send(`/api/admin/users/${victim.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...bearerHeader(adminToken) },
        body: JSON.stringify({ disabled: true }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      await expectError(await me({ cookie: `ll_access=${victimJwt}` }), 401, 'USER_DISABLED');
    });

    it('still lets a JWT through, as a cookie or a Bearer token, and still logs in with jwt', async () => {
      await expectMe({ cookie: `ll_access=${jwtCookie}` }, 'jwt');
      await expectMe({ authorization: `Bearer ${bearer}` }, 'jwt');
      expect(await login(email, 'jwt')).not.toBe('');
    });
  });

  describe('when Redis comes back on the same port', () => {
    it('logs in with a new session again without restarting the app', async () => {
      const email = await signup('recovered');
      const stale = await login(await signup('stale'), 'jwt');
      redis = await startRedisServer(port);

      const deadline = Date.now() + RECOVER_WITHIN_MS;
      let res = await attemptLogin(email, 'session');
      while (res.status !== 200 && Date.now() < deadline) {
        await expectError(res, 503, 'STORE_UNAVAILABLE');
        await sleep(100);
        res = await attemptLogin(email, 'session');
      }
      expect(res.status, 'a session login within 10 s of Redis returning').toBe(200);
      const sid = cookieValue(res, SID);

      await expectMe(asSession(sid), 'session');
      await expectMe({ cookie: `ll_access=${stale}` }, 'jwt');
    });

    it('promotes the user whose promotion the outage refused', async () => {
      const res = await setRole(promotee.id, 'admin');
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await res.json()).toMatchObject({ user: { id: promotee.id, role: 'admin' } });
      expect(await roleOf(promotee.id)).toBe('admin');
    });

    it('does not bring back sessions the restarted store lost', async () => {
      const lost = randomBytes(32).toString('base64url');
      await expectError(await me(asSession(lost)), 401, 'SESSION_EXPIRED');
    });
  });
});

describe('session mode on Upstash (REST bridge onto Redis)', () => {
  const prefix = `llroute-upstash:${randomUUID()}:`;
  const token = randomBytes(16).toString('hex');
  let bridge: UpstashBridge;
  let raw: RawRedis;

  beforeAll(async () => {
    raw = await openRaw(SHARED_REDIS_URL);
    bridge = await startUpstashBridge({ redisUrl: SHARED_REDIS_URL, token });
    app = await startAppServer({
      SESSION_STORE: 'upstash',
      UPSTASH_REDIS_REST_URL: bridge.url,
      UPSTASH_REDIS_REST_TOKEN: token,
      REDIS_KEY_PREFIX: prefix,
      STORE_TIMEOUT_MS: '2000',
    });
  });

  afterAll(async () => {
    await app?.stop();
    await bridge?.close();
    if (raw) {
      await deleteKeys(raw, prefix);
      raw.destroy();
    }
  });

  it('logs in, answers /api/me, and refuses the id after logout', async () => {
    const sid = await login(await signup('upstash'), 'session');
    const key = `${prefix}sess:${idHashOf(sid)}`;
    expect(await raw.pTTL(key)).toBeGreaterThan(0);
    await expectMe(asSession(sid), 'session');

    const out = await send('/api/auth/logout', { method: 'POST', headers: asSession(sid) });
    expect(out.status).toBe(200);

    expect(await raw.exists(key)).toBe(0);
    await expectError(await me(asSession(sid)), 401, 'SESSION_EXPIRED');
  });
});
