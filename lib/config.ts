import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AUTH_MODES, type AuthMode } from './auth/modes';

// The only module that reads process.env. Everything else asks getConfig().

export type { AuthMode };

export const SESSION_STORES = ['sqlite', 'redis', 'upstash'] as const;
export type SessionStoreKind = (typeof SESSION_STORES)[number];

// Secrets published in tutorials and debuggers; long enough to pass the length check, so named.
const SAMPLE_SECRETS = new Set([
  'a-string-secret-at-least-256-bits-long',
  'complex_password_at_least_32_characters_long',
  'your-super-secret-jwt-token-with-at-least-32-characters-long',
  'super-secret-jwt-token-with-at-least-32-characters-long',
  'changeme-changeme-changeme-changeme',
]);

const MIN_SECRET_BYTES = 32;

const seconds = (fallback: number, max: number) =>
  z.coerce.number().int().positive().max(max).default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: z.string().optional(),
  APP_URL: z.url().default('http://localhost:3000'),
  AUTH_MODE: z.enum(AUTH_MODES).default('jwt'),
  JWT_SECRET: z.string().optional(),
  JWT_ISSUER: z.string().min(1).default('login-lab'),
  JWT_AUDIENCE: z.string().min(1).default('login-lab'),
  JWT_ACCESS_TTL: seconds(900, 86_400),
  JWT_CLOCK_TOLERANCE: z.coerce.number().int().min(0).max(60).default(5),
  SEAL_PASSWORDS: z.string().optional(),
  SEAL_TTL: seconds(8 * 3600, 30 * 86_400),
  SEALED_REVOCATION: z.enum(['on', 'off']).default('on'),
  SESSION_STORE: z.enum(SESSION_STORES).default('sqlite'),
  REDIS_URL: z.string().optional(),
  REDIS_KEY_PREFIX: z.string().default('ll:'),
  UPSTASH_REDIS_REST_URL: z.string().optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().optional(),
  STORE_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(500),
  SESSION_IDLE_TTL: seconds(30 * 60, 30 * 86_400),
  SESSION_ABSOLUTE_TTL: seconds(12 * 3600, 90 * 86_400),
  SESSION_TOUCH_INTERVAL: seconds(60, 86_400),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().positive().default(20),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().positive().default(100),
  LOGIN_WINDOW: seconds(15 * 60, 86_400),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  production: boolean;
  dataDir: string;
  databasePath: string;
  appUrl: URL;
  secureCookies: boolean;
  defaultMode: AuthMode;
  jwt: {
    secret: Uint8Array;
    kid: string;
    issuer: string;
    audience: string;
    accessTtl: number;
    clockTolerance: number;
  };
  seal: { passwords: Record<string, string>; ttl: number; revocation: boolean };
  session: {
    store: SessionStoreKind;
    redisUrl?: string;
    keyPrefix: string;
    upstash?: { url: string; token: string };
    storeTimeoutMs: number;
    idleTtl: number;
    absoluteTtl: number;
    touchInterval: number;
  };
  loginLimits: {
    maxFailures: number;
    accountMaxFailures: number;
    ipMaxFailures: number;
    window: number;
  };
  logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}

export function loadConfig(source: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join('.')}: ${issue?.message}. Fix it in the environment.`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR);
  const secrets = resolveSecrets(env, production, dataDir);
  const appUrl = new URL(env.APP_URL);

  return {
    production,
    dataDir,
    databasePath: resolveDatabasePath(env.DATABASE_URL, dataDir),
    appUrl,
    secureCookies: appUrl.protocol === 'https:',
    defaultMode: env.AUTH_MODE,
    jwt: {
      secret: checkJwtSecret(secrets.jwtSecret),
      kid: createHash('sha256').update(secrets.jwtSecret).digest('base64url').slice(0, 12),
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      accessTtl: env.JWT_ACCESS_TTL,
      clockTolerance: env.JWT_CLOCK_TOLERANCE,
    },
    seal: {
      passwords: parseSealPasswords(secrets.sealPasswords),
      ttl: env.SEAL_TTL,
      revocation: env.SEALED_REVOCATION === 'on',
    },
    session: {
      store: env.SESSION_STORE,
      redisUrl: requireFor(env.SESSION_STORE === 'redis', 'REDIS_URL', env.REDIS_URL),
      keyPrefix: env.REDIS_KEY_PREFIX,
      upstash:
        env.SESSION_STORE === 'upstash'
          ? {
              url: requireFor(true, 'UPSTASH_REDIS_REST_URL', env.UPSTASH_REDIS_REST_URL)!,
              token: requireFor(true, 'UPSTASH_REDIS_REST_TOKEN', env.UPSTASH_REDIS_REST_TOKEN)!,
            }
          : undefined,
      storeTimeoutMs: env.STORE_TIMEOUT_MS,
      idleTtl: env.SESSION_IDLE_TTL,
      absoluteTtl: env.SESSION_ABSOLUTE_TTL,
      touchInterval: env.SESSION_TOUCH_INTERVAL,
    },
    loginLimits: {
      maxFailures: env.LOGIN_MAX_FAILURES,
      accountMaxFailures: env.LOGIN_ACCOUNT_MAX_FAILURES,
      ipMaxFailures: env.LOGIN_IP_MAX_FAILURES,
      window: env.LOGIN_WINDOW,
    },
    logLevel: env.LOG_LEVEL,
  };
}

function requireFor(needed: boolean, name: string, value: string | undefined): string | undefined {
  if (needed && !value) {
    throw new ConfigError(`${name} is required for this SESSION_STORE. Set it in the environment.`);
  }
  return value;
}

function resolveDatabasePath(url: string | undefined, dataDir: string): string {
  if (!url) return path.join(dataDir, 'login-lab.db');
  if (/^postgres(ql)?:/.test(url)) {
    // TODO(postgres): the schema is portable, but only the SQLite driver is wired up so far.
    throw new ConfigError('DATABASE_URL: PostgreSQL is not supported yet. Use a file: path.');
  }
  return path.resolve(url.replace(/^file:/, ''));
}

function checkJwtSecret(secret: string): Uint8Array {
  const bytes = new TextEncoder().encode(secret);
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new ConfigError(
      `JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes; generate one with ` +
        '`openssl rand -base64 32`.',
    );
  }
  if (SAMPLE_SECRETS.has(secret)) {
    throw new ConfigError('JWT_SECRET is a published sample secret. Generate your own.');
  }
  return bytes;
}

export function parseSealPasswords(raw: string): Record<string, string> {
  const passwords: Record<string, string> = {};
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(\d+):(.+)$/.exec(part);
    if (!match) {
      throw new ConfigError('SEAL_PASSWORDS must look like "2:<password>,1:<password>".');
    }
    const [, id, password] = match as unknown as [string, string, string];
    if (password.length < 32) {
      throw new ConfigError(`SEAL_PASSWORDS: password ${id} is shorter than 32 characters.`);
    }
    if (SAMPLE_SECRETS.has(password)) {
      throw new ConfigError(`SEAL_PASSWORDS: password ${id} is a published sample. Generate one.`);
    }
    passwords[id] = password;
  }
  if (Object.keys(passwords).length === 0) {
    throw new ConfigError('SEAL_PASSWORDS is empty. Give at least one "1:<password>".');
  }
  return passwords;
}

interface Secrets {
  jwtSecret: string;
  sealPasswords: string;
}

type Env = z.infer<typeof envSchema>;

function resolveSecrets(env: Env, production: boolean, dataDir: string): Secrets {
  if (env.JWT_SECRET && env.SEAL_PASSWORDS) {
    return { jwtSecret: env.JWT_SECRET, sealPasswords: env.SEAL_PASSWORDS };
  }
  if (production) {
    const missing = [!env.JWT_SECRET && 'JWT_SECRET', !env.SEAL_PASSWORDS && 'SEAL_PASSWORDS'];
    throw new ConfigError(
      `${missing.filter(Boolean).join(' and ')} must be set in production. ` +
        'Generate each with `openssl rand -base64 32` (SEAL_PASSWORDS as "1:<value>").',
    );
  }
  const generated = readOrCreateDevSecrets(dataDir);
  return {
    jwtSecret: env.JWT_SECRET ?? generated.jwtSecret,
    sealPasswords: env.SEAL_PASSWORDS ?? generated.sealPasswords,
  };
}

// Development only: secrets are made once and kept in the ignored data folder.
function readOrCreateDevSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  const secrets: Secrets = {
    jwtSecret: randomBytes(32).toString('base64url'),
    sealPasswords: `1:${randomBytes(32).toString('base64url')}`,
  };
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
    return secrets;
  } catch (error) {
    // Another process started at the same moment and wrote first: use its secrets.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  }
}
