// `npm test`: builds the app once, runs every vitest suite (unit, store contract, routes against
// the real build) and every Playwright spec in Chromium, then prints one closing line.
// Suites whose services are missing are skipped loudly on a laptop and fail the run in CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';

const ci = process.env.CI === 'true';
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = path.resolve('.test-results');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function canConnect(host, port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port: Number(port), timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function run(label, command, args, extraEnv = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

const skipped = [];
if (!(await canConnect(redisUrl.hostname, redisUrl.port || 6379))) {
  skipped.push(
    `Redis and Upstash store suites: no Redis at ${redisUrl.host}. Start one with ` +
      '`redis-server --save "" --appendonly no` or set REDIS_URL.',
  );
}
if (!hasCommand('redis-server')) {
  skipped.push(
    'Redis outage suite: no `redis-server` binary. Install Redis (apt-get install redis-server).',
  );
}
const browser = existsSync(chromium);
if (!browser) {
  skipped.push(
    `Playwright browser specs: no Chromium at ${chromium}. Install Debian's chromium ` +
      '(apt-get install chromium), set CHROMIUM_PATH, or on other systems run `npx playwright install chromium`.',
  );
}

if (skipped.length > 0) {
  const banner = ci ? 'CI=true and these suites cannot run:' : 'SKIPPING these suites:';
  console.log(
    `\n${'!'.repeat(78)}\n${banner}\n${skipped.map((s) => ` - ${s}`).join('\n')}\n${'!'.repeat(78)}`,
  );
  if (ci) process.exit(1);
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

if (run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']) !== 0) process.exit(1);
if (run('build', 'npx', ['next', 'build']) !== 0) process.exit(1);

const vitestStatus = run('vitest', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/vitest.json`,
]);

let playwrightStatus = 0;
if (browser) {
  playwrightStatus = run('playwright', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json`,
  });
}

const counts = { passed: 0, failed: 0, skipped: 0 };
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
const vitest = readJson(`${results}/vitest.json`);
if (vitest) {
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else if (vitestStatus !== 0) counts.failed += 1;
const playwright = readJson(`${results}/playwright.json`);
if (playwright) {
  counts.passed += playwright.stats.expected + playwright.stats.flaky;
  counts.failed += playwright.stats.unexpected;
  counts.skipped += playwright.stats.skipped;
} else if (playwrightStatus !== 0) counts.failed += 1;

if (skipped.length > 0) console.log(`\nSkipped suites (see above): ${skipped.length}`);
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
const ok = vitestStatus === 0 && playwrightStatus === 0 && counts.failed === 0;
process.exit(ok && !(ci && counts.skipped > 0) ? 0 : 1);
