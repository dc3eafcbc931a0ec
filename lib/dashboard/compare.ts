import 'server-only';
import type { Viewer } from '../auth/authenticate';
import { COOKIE_BYTE_LIMIT, cookieSize, parseCookieHeader } from '../auth/cookies';
import { decideAccess } from '../auth/gate';
import { issueAccessToken } from '../auth/jwt';
import { AUTH_MODES, type AuthMode } from '../auth/modes';
import { getAuthRuntime } from '../auth/runtime';
import { sealSession } from '../auth/seal';
import { getConfig } from '../config';

export interface ModeComparison {
  mode: AuthMode;
  current: boolean;
  cookieBytes: number;
  readable: string;
  serverHolds: string;
  adminDecision: { allow: boolean; code?: string; basis: string };
}

// What each mode would hold and decide for this same user right now. Sizes come from really
// issuing a JWT and a seal (neither leaves a trace); a session id is always 43 characters.
export async function compareModes(viewer: Viewer): Promise<ModeComparison[]> {
  const runtime = getAuthRuntime();
  const jwt = await issueAccessToken(runtime.jwt, viewer.user);
  const sealed = await sealSession(runtime.seal, viewer.user);
  const values: Record<AuthMode, string> = {
    jwt: jwt.token,
    sealed: sealed.seal,
    session: 'x'.repeat(43),
  };
  const revocation = getConfig().seal.revocation;
  const texts: Record<AuthMode, Pick<ModeComparison, 'readable' | 'serverHolds'>> = {
    jwt: {
      readable: 'Everything: header and claims are base64url, not encrypted.',
      serverHolds: 'Nothing per login; only the signing key.',
    },
    sealed: {
      readable: 'Nothing: the session is encrypted and signed (iron, AES-256-CBC + HMAC-SHA-256).',
      serverHolds: revocation
        ? 'Nothing per login; revoked seal ids after logout (revocation is on).'
        : 'Nothing at all (revocation is off).',
    },
    session: {
      readable: 'A random id, meaningless without the store.',
      serverHolds: `The entry (user, times, user agent) in the ${getConfig().session.store} store.`,
    },
  };

  return AUTH_MODES.map((mode) => {
    const current = mode === viewer.mode;
    // The current credential decides with its own copy of the role; a new one would carry the
    // database's, and session mode always reads the database.
    const role = current ? viewer.role : viewer.user.role;
    const decision = decideAccess(role, null, 'admin');
    return {
      mode,
      current,
      cookieBytes: cookieSize(runtime.cookieNames[mode], values[mode]),
      ...texts[mode],
      adminDecision: {
        allow: decision.allow,
        code: decision.allow ? undefined : decision.code,
        basis: current
          ? `your ${mode === 'session' ? 'database' : 'credential'}’s role: ${role}`
          : `a new credential’s role: ${role}`,
      },
    };
  });
}

export interface CookieBudget {
  cookies: Array<{ name: string; bytes: number; auth: boolean }>;
  headerBytes: number;
  limit: number;
}

// Sizes only: the values of the Cookie header never reach the page.
export function measureCookieHeader(header: string | null): CookieBudget {
  const authNames = new Set(Object.values(getAuthRuntime().cookieNames));
  const cookies = [...parseCookieHeader(header)].map(([name, value]) => ({
    name,
    bytes: cookieSize(name, value),
    auth: authNames.has(name),
  }));
  return {
    cookies,
    headerBytes: new TextEncoder().encode(header ?? '').length,
    limit: COOKIE_BYTE_LIMIT,
  };
}
