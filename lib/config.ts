import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { JwtSettings } from './auth/jwt';
import { AUTH_MODES, type AuthMode } from './auth/modes';
import type { SealSettings } from './auth/seal';
import { ConfigError } from './config-error';
import { checkJwtSecret, parseSealPasswords, resolveSecrets } from './secrets';

// The only module that reads process.env. Everything else asks getConfig().

export const SESSION_STORES = ['sqlite', 'redis', 'upstash'] as const;
export type SessionStoreKind = (typeof SESSION_STORES)[number];

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
  jwt: JwtSettings;
  seal: SealSettings & { revocation: boolean };
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

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}

export function loadConfig(source: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `${issue?.path.join('.')}: ${issue?.message}. Fix it in the environment.`,
    );
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.DATA_DIR);
  const secrets = resolveSecrets(env.JWT_SECRET, env.SEAL_PASSWORDS, production, dataDir);
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
