// `npm run bench`: what the gate costs per mode, as a ratio to an ungated JSON route measured in
// the same run. Needs a production build (the npm script builds first) and, for the Redis row,
// Redis at REDIS_URL. Timings live here, never in a pass/fail test.
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { startAppServer } from '../test/support/server.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PASSWORD = 'bench password long enough';
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

function redisReachable() {
  return new Promise((resolve) => {
    const socket = createConnection({
      host: redisUrl.hostname,
      port: Number(redisUrl.port || 6379),
    });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function createAdmin(dataDir) {
  execFileSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      '--conditions=react-server',
      'scripts/create-user.ts',
      '--email',
      'bench@example.com',
      '--role',
      'admin',
    ],
    {
      input: `${PASSWORD}\n`,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'development' },
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
}

async function post(url, body) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function cookieFor(server, mode) {
  const res = await post(`${server.url}/api/auth/login`, {
    email: 'bench@example.com',
    password: PASSWORD,
    mode,
  });
  if (res.status !== 200) throw new Error(`login ${mode}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .find((c) => !c.includes('Max-Age=0'))
    .split(';')[0];
}

async function measure(url, headers) {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50 };
}

const servers = [await startAppServer({ SESSION_STORE: 'sqlite' })];
const withRedis = await redisReachable();
if (withRedis) {
  servers.push(
    await startAppServer({
      SESSION_STORE: 'redis',
      REDIS_URL: redisUrl.href,
      REDIS_KEY_PREFIX: `bench:${Date.now()}:`,
    }),
  );
} else {
  console.log(`No Redis at ${redisUrl.host}: the Redis row is skipped.`);
}

try {
  for (const server of servers) createAdmin(server.dataDir);
  const [sqlite, redis] = servers;
  const token = (
    await (
      await post(`${sqlite.url}/api/auth/token`, { email: 'bench@example.com', password: PASSWORD })
    ).json()
  ).access_token;
  const targets = [
    {
      name: 'JWT, Bearer',
      server: sqlite,
      headers: { authorization: `Bearer ${token}` },
      aim: 0.9,
    },
    {
      name: 'JWT, cookie',
      server: sqlite,
      headers: { cookie: await cookieFor(sqlite, 'jwt') },
      aim: 0.9,
    },
    {
      name: 'sealed cookie',
      server: sqlite,
      headers: { cookie: await cookieFor(sqlite, 'sealed') },
      aim: 0.85,
    },
    {
      name: 'session, SQLite',
      server: sqlite,
      headers: { cookie: await cookieFor(sqlite, 'session') },
      aim: 0.85,
    },
    ...(redis
      ? [
          {
            name: 'session, Redis',
            server: redis,
            headers: { cookie: await cookieFor(redis, 'session') },
            aim: 0.8,
          },
        ]
      : []),
  ];

  // Warm both routes up, then measure each gated route right after its own ungated baseline,
  // so drift on a shared machine hits both sides of a ratio alike.
  for (const target of targets) {
    await autocannon({
      url: `${target.server.url}/api/me`,
      headers: target.headers,
      connections: CONNECTIONS,
      duration: 1,
    });
    await autocannon({
      url: `${target.server.url}/api/health`,
      connections: CONNECTIONS,
      duration: 1,
    });
  }
  const best = new Map();
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of targets) {
      const base = await measure(`${target.server.url}/api/health`, {});
      const gated = await measure(`${target.server.url}/api/me`, target.headers);
      const ratio = gated.rps / base.rps;
      if (!best.has(target.name) || best.get(target.name).ratio < ratio)
        best.set(target.name, { ...gated, base: base.rps, ratio });
    }
  }

  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s per measurement, best ratio of ${ROUNDS} rounds`,
  );
  console.log(
    'route'.padEnd(18),
    'ungated req/s'.padStart(14),
    'gated req/s'.padStart(12),
    'p50 ms'.padStart(8),
    'ratio'.padStart(7),
    'aim'.padStart(6),
  );
  for (const target of targets) {
    const r = best.get(target.name);
    console.log(
      target.name.padEnd(18),
      r.base.toFixed(0).padStart(14),
      r.rps.toFixed(0).padStart(12),
      String(r.p50).padStart(8),
      r.ratio.toFixed(2).padStart(7),
      `≥${target.aim}`.padStart(6),
      r.ratio >= target.aim ? '' : ' below aim',
    );
  }
} finally {
  for (const server of servers) await server.stop();
}
