import 'server-only';
import { getConfig } from '../config';
import { isSealRevoked } from '../db/seals';
import { findUserById, type User } from '../db/users';
import { getLogger } from '../log';
import { getSessionStore } from '../session-store';
import type { SessionEntry } from '../session-store/types';
import { isAuthError, type ErrorCode } from './errors';
import { readCredential, type Credential } from './gate';
import type { AccessClaims } from './jwt';
import type { AuthMode } from './modes';
import type { Role } from './roles';
import { getAuthRuntime } from './runtime';
import type { SealedSession } from './seal';
import { validateSession } from './sessions';

export interface Viewer {
  user: User;
  // The role the gate decides with: the token's or seal's copy, or the database's in session mode.
  role: Role;
  mode: AuthMode;
  source: Credential['source'];
  jwt?: { claims: AccessClaims; header: Record<string, unknown> };
  sealed?: SealedSession;
  session?: { idHash: string; entry: SessionEntry; lookupMs: number };
}

export type AuthResult =
  | { ok: true; viewer: Viewer; credential: Credential }
  | { ok: false; code: ErrorCode; credential: Credential | null };

type Checked = {
  userId: string;
  tokenVersion?: number;
  role?: Role;
  extra: Omit<Viewer, 'user' | 'role' | 'mode' | 'source'>;
};

export async function authenticate(headers: Headers): Promise<AuthResult> {
  const credential = readCredential(headers, getAuthRuntime().cookieNames);
  if (!credential) return { ok: false, code: 'NO_CREDENTIALS', credential };

  const checked = await checkCredential(credential);
  if ('code' in checked) return refuse(checked.code, credential, checked.reason);

  const user = findUserById(checked.userId);
  if (!user) return refuse('USER_NOT_FOUND', credential, 'no such user');
  if (user.disabled) return refuse('USER_DISABLED', credential, 'user disabled');
  if (checked.tokenVersion !== undefined && checked.tokenVersion < user.tokenVersion) {
    return refuse('TOKEN_REVOKED', credential, 'token version is older than the user’s');
  }

  const viewer: Viewer = {
    user,
    role: checked.role ?? user.role,
    mode: credential.mode,
    source: credential.source,
    ...checked.extra,
  };
  return { ok: true, viewer, credential };
}

async function checkCredential(
  credential: Credential,
): Promise<Checked | { code: ErrorCode; reason: string }> {
  const runtime = getAuthRuntime();
  switch (credential.mode) {
    case 'jwt': {
      const result = await runtime.verifier.verify(credential.value);
      if (!result.ok) return { code: result.code, reason: result.reason };
      const { claims, header } = result;
      return {
        userId: claims.sub,
        tokenVersion: claims.ver,
        role: claims.role,
        extra: { jwt: { claims, header } },
      };
    }
    case 'sealed': {
      const result = await runtime.readSeal(credential.value);
      if (!result.ok) return { code: 'TOKEN_INVALID', reason: result.reason };
      const sealed = result.session;
      if (getConfig().seal.revocation && isSealRevoked(sealed.sid)) {
        return { code: 'TOKEN_REVOKED', reason: 'seal revoked at logout' };
      }
      return { userId: sealed.uid, tokenVersion: sealed.ver, role: sealed.role, extra: { sealed } };
    }
    case 'session': {
      try {
        const result = await validateSession(getSessionStore(), runtime.session, credential.value);
        if (!result.ok) return { code: result.code, reason: 'unknown or expired session id' };
        // No role or version here: session mode reads the role from the database every time.
        const { idHash, entry, lookupMs } = result;
        return { userId: entry.userId, extra: { session: { idHash, entry, lookupMs } } };
      } catch (error) {
        if (isAuthError(error)) return { code: error.code, reason: error.message };
        throw error;
      }
    }
  }
}

function refuse(code: ErrorCode, credential: Credential, reason: string): AuthResult {
  getLogger().warn(
    { code, mode: credential.mode, source: credential.source, reason },
    'auth refused',
  );
  return { ok: false, code, credential };
}
