import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { ConfigError } from './config-error';

const strong = 's'.repeat(40);
const seal = `1:${'p'.repeat(32)}`;
const dataDir = () => mkdtempSync(path.join(tmpdir(), 'login-lab-config-'));
// A valid production environment, in its own data folder.
const production = () =>
  ({
    NODE_ENV: 'production',
    DATA_DIR: dataDir(),
    JWT_SECRET: strong,
    SEAL_PASSWORDS: seal,
  }) as const;

describe('loadConfig', () => {
  it('refuses to start in production without secrets, naming the variables', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(
      /JWT_SECRET and SEAL_PASSWORDS must be set in production/,
    );
  });

  it('creates development secrets once, in the data folder, and reuses them', () => {
    const dir = dataDir();
    const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
    const second = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
    expect(existsSync(path.join(dir, 'dev-secrets.json'))).toBe(true);
    expect(first.jwt.secret).toEqual(second.jwt.secret);
    expect(first.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'dev-secrets.json'), 'utf8')).toContain('jwtSecret');
  });

  it('refuses a JWT secret under 32 bytes or a published sample', () => {
    const base = { NODE_ENV: 'production', DATA_DIR: dataDir(), SEAL_PASSWORDS: seal } as const;
    expect(() => loadConfig({ ...base, JWT_SECRET: 'short' })).toThrow(/at least 32 bytes/);
    expect(() =>
      loadConfig({ ...base, JWT_SECRET: 'a-string-secret-at-least-256-bits-long' }),
    ).toThrow(/published sample/);
  });

  it('refuses a seal password under 32 characters or a malformed list', () => {
    const base = { NODE_ENV: 'production', DATA_DIR: dataDir(), JWT_SECRET: strong } as const;
    expect(() => loadConfig({ ...base, SEAL_PASSWORDS: '1:short' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, SEAL_PASSWORDS: 'no-number' })).toThrow(/2:<password>/);
  });

  it('bounds the clock tolerance and names a bad variable', () => {
    const base = production();
    expect(() => loadConfig({ ...base, JWT_CLOCK_TOLERANCE: '600' })).toThrow(
      /JWT_CLOCK_TOLERANCE/,
    );
    expect(() => loadConfig({ ...base, AUTH_MODE: 'basic' })).toThrow(/AUTH_MODE/);
    expect(() => loadConfig({ ...base, SESSION_STORE: 'redis' })).toThrow(/REDIS_URL/);
  });

  it('uses Secure __Host- cookies only when the app is served over HTTPS', () => {
    const base = production();
    expect(loadConfig({ ...base, APP_URL: 'https://lab.example' }).secureCookies).toBe(true);
    expect(loadConfig({ ...base, APP_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
  });
});
