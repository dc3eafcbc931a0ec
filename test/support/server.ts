import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AppServer {
  url: string;
  dataDir: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export function testSecrets(): Record<string, string> {
  return {
    JWT_SECRET: randomBytes(32).toString('base64url'),
    SEAL_PASSWORDS: `1:${randomBytes(32).toString('base64url')}`,
  };
}

// `next start` of the production build on 127.0.0.1:port, as argv for process.execPath.
export function nextStartArgs(port: number): string[] {
  return [
    path.resolve('node_modules/next/dist/bin/next'),
    'start',
    '-p',
    String(port),
    '-H',
    '127.0.0.1',
  ];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

// Starts the production build (`next build` must have run) on a free port with its own data
// folder and secrets, so each test file gets an isolated app. Given a dataDir, it runs on that
// folder instead (say, a restart on another one's data) and leaves it in place when stopped.
export async function startAppServer(
  extraEnv: Record<string, string> = {},
  existingDataDir?: string,
): Promise<AppServer> {
  // freePort() releases the port before next binds it, so another process can take it first;
  // then next exits with EADDRINUSE and another port is tried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(extraEnv, existingDataDir);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startOnce(
  extraEnv: Record<string, string>,
  existingDataDir: string | undefined,
): Promise<AppServer> {
  const port = await freePort();
  const dataDir = existingDataDir ?? mkdtempSync(path.join(tmpdir(), 'login-lab-test-'));
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...testSecrets(),
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    APP_URL: url,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const child = spawn(process.execPath, nextStartArgs(port), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    if (!existingDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    dataDir,
    env,
    stop: async () => {
      await stopChild(child);
      if (!existingDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output()}`);
    // Only our own child's "Ready" counts: a health answer could come from whoever holds the port.
    if (!output().includes('Ready')) {
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`next start did not become healthy:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
