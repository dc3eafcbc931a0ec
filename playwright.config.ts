import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// Playwright loads this file in every worker: the parent picks the data folder once.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'login-lab-e2e-'));
process.env.E2E_JWT_SECRET ??= randomBytes(32).toString('base64url');
process.env.E2E_SEAL_PASSWORDS ??= `1:${randomBytes(32).toString('base64url')}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      NODE_ENV: 'production',
      DATA_DIR: process.env.E2E_DATA_DIR,
      APP_URL: baseURL,
      JWT_SECRET: process.env.E2E_JWT_SECRET,
      SEAL_PASSWORDS: process.env.E2E_SEAL_PASSWORDS,
      LOG_LEVEL: 'warn',
      REDIS_KEY_PREFIX: `lle2e:${randomBytes(4).toString('hex')}:`,
    },
  },
});
