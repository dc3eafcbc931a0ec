import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error';

// Secrets published in tutorials and debuggers; long enough to pass the length check, so named.
const SAMPLE_SECRETS = new Set([
  'a-string-secret-at-least-256-bits-long',
  'complex_password_at_least_32_characters_long',
  'your-super-secret-jwt-token-with-at-least-32-characters-long',
  'super-secret-jwt-token-with-at-least-32-characters-long',
  'changeme-changeme-changeme-changeme',
]);

const MIN_SECRET_BYTES = 32;

export function checkJwtSecret(secret: string): Uint8Array {
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
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
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

export interface Secrets {
  jwtSecret: string;
  sealPasswords: string;
}

// Secrets from the environment; in development, missing ones come from the data folder.
export function resolveSecrets(
  jwtSecret: string | undefined,
  sealPasswords: string | undefined,
  production: boolean,
  dataDir: string,
): Secrets {
  if (jwtSecret && sealPasswords) return { jwtSecret, sealPasswords };
  if (production) {
    const missing = [!jwtSecret && 'JWT_SECRET', !sealPasswords && 'SEAL_PASSWORDS'];
    throw new ConfigError(
      `${missing.filter(Boolean).join(' and ')} must be set in production. ` +
        'Generate each with `openssl rand -base64 32` (SEAL_PASSWORDS as "1:<value>").',
    );
  }
  const generated = readOrCreateDevSecrets(dataDir);
  return {
    jwtSecret: jwtSecret ?? generated.jwtSecret,
    sealPasswords: sealPasswords ?? generated.sealPasswords,
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
