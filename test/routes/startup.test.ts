import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, nextStartArgs } from '../support/server';

// `next start` of the production build with a bad environment must exit, naming the variable.
async function startWith(
  env: Record<string, string>,
): Promise<{ status: number | null; output: string }> {
  const port = await freePort();
  const result = spawnSync(process.execPath, nextStartArgs(port), {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'login-lab-startup-')),
      ...env,
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const strongSeal = `1:${randomBytes(32).toString('base64url')}`;

describe('production start-up', () => {
  it('refuses to start without secrets, naming both variables', async () => {
    const { status, output } = await startWith({});
    expect(status).toBe(1);
    expect(output).toContain('JWT_SECRET and SEAL_PASSWORDS must be set in production');
  });

  it('refuses a JWT secret under 32 bytes', async () => {
    const { status, output } = await startWith({
      JWT_SECRET: 'too-short',
      SEAL_PASSWORDS: strongSeal,
    });
    expect(status).toBe(1);
    expect(output).toContain('JWT_SECRET must be at least 32 bytes');
  });

  it('refuses the jwt.io sample secret', async () => {
    const sample = 'a-string-secret-at-least-256-bits-long';
    const { status, output } = await startWith({ JWT_SECRET: sample, SEAL_PASSWORDS: strongSeal });
    expect(status).toBe(1);
    expect(output).toContain('published sample');
  });

  it('refuses a seal password under 32 characters', async () => {
    const jwt = randomBytes(32).toString('base64url');
    const { status, output } = await startWith({ JWT_SECRET: jwt, SEAL_PASSWORDS: '1:short' });
    expect(status).toBe(1);
    expect(output).toContain('SEAL_PASSWORDS: password 1 is shorter than 32 characters');
  });
});
