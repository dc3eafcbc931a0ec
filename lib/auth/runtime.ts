import 'server-only';
import { getConfig } from '../config';
import { authCookieNames } from './cookies';
import { createAccessTokenVerifier, type AccessTokenVerifier, type JwtSettings } from './jwt';
import type { AuthMode } from './modes';
import { createSealReader, type SealSettings, type UnsealResult } from './seal';
import type { SessionSettings } from './sessions';

// Built once per process from the validated config: imported keys, caches, cookie names.

interface AuthRuntime {
  jwt: JwtSettings;
  verifier: AccessTokenVerifier;
  seal: SealSettings;
  readSeal: (seal: string) => Promise<UnsealResult>;
  session: SessionSettings;
  cookieNames: Record<AuthMode, string>;
  secure: boolean;
}

let runtime: AuthRuntime | undefined;

export function getAuthRuntime(): AuthRuntime {
  if (runtime) return runtime;
  const config = getConfig();
  const seal = { passwords: config.seal.passwords, ttl: config.seal.ttl };
  runtime = {
    jwt: config.jwt,
    verifier: createAccessTokenVerifier(config.jwt),
    seal,
    readSeal: createSealReader(seal),
    session: config.session,
    cookieNames: authCookieNames(config.secureCookies),
    secure: config.secureCookies,
  };
  return runtime;
}
