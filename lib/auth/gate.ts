import type { AuthMode } from './modes';
import { parseCookieHeader } from './cookies';
import type { ErrorCode } from './errors';
import type { Role } from './roles';

// Web APIs only: the gate's decisions must be able to run in any runtime, edge included.

export interface Credential {
  mode: AuthMode;
  source: 'bearer' | 'cookie';
  value: string;
}

// RFC 6750 §2.1: the scheme is case-insensitive; extra spaces before the token are tolerated.
const BEARER = /^bearer[ \t]+([^\s]+)[ \t]*$/i;

export function readBearerToken(authorization: string | null): string | null {
  return BEARER.exec(authorization?.trim() ?? '')?.[1] ?? null;
}

// A Bearer token wins over cookies; among cookies, one credential is expected at a time.
export function readCredential(
  headers: Headers,
  cookieNames: Record<AuthMode, string>,
): Credential | null {
  const bearer = readBearerToken(headers.get('authorization'));
  if (bearer) return { mode: 'jwt', source: 'bearer', value: bearer };

  const cookies = parseCookieHeader(headers.get('cookie'));
  for (const mode of ['jwt', 'sealed', 'session'] as const) {
    const value = cookies.get(cookieNames[mode]);
    if (value) return { mode, source: 'cookie', value };
  }
  return null;
}

export type Requirement = 'any' | Role;

export type Decision = { allow: true } | { allow: false; code: ErrorCode };

export function decideAccess(
  role: Role | null,
  failure: ErrorCode | null,
  need: Requirement,
): Decision {
  if (role === null) return { allow: false, code: failure ?? 'NO_CREDENTIALS' };
  if (need !== 'any' && role !== need) return { allow: false, code: 'FORBIDDEN' };
  return { allow: true };
}

export type PageAction = { kind: 'render' } | { kind: 'login' } | { kind: 'forbidden' };

// What a page does with a decision: a missing or bad credential goes to the login page,
// a known user without the role gets the 403 page (never a redirect, so no loop).
export function pageActionFor(decision: Decision): PageAction {
  if (decision.allow) return { kind: 'render' };
  return decision.code === 'FORBIDDEN' ? { kind: 'forbidden' } : { kind: 'login' };
}

export function wwwAuthenticate(code: ErrorCode, description: string): string | null {
  if (code === 'NO_CREDENTIALS') return 'Bearer realm="login-lab"';
  if (code === 'FORBIDDEN') {
    const error = 'error="insufficient_scope"';
    return `Bearer realm="login-lab", ${error}, error_description="${description}"`;
  }
  return `Bearer realm="login-lab", error="invalid_token", error_description="${description}"`;
}
