import 'server-only';
import { cookies } from 'next/headers';
import { revokeSeal } from '../db/seals';
import type { User } from '../db/users';
import { getSessionStore } from '../session-store';
import type { Viewer } from './authenticate';
import {
  authCookieAttributes,
  COOKIE_BYTE_LIMIT,
  cookieSize,
  type CookieAttributes,
} from './cookies';
import { AuthError } from './errors';
import { issueAccessToken } from './jwt';
import { AUTH_MODES, type AuthMode } from './modes';
import { getAuthRuntime } from './runtime';
import { sealSession } from './seal';
import { createSession } from './sessions';

export interface IssuedCredential {
  mode: AuthMode;
  name: string;
  value: string;
  attributes: CookieAttributes;
  size: number;
}

export async function issueCredential(
  user: User,
  mode: AuthMode,
  userAgent: string,
): Promise<IssuedCredential> {
  const runtime = getAuthRuntime();
  const name = runtime.cookieNames[mode];
  let value: string;
  let maxAge: number;
  switch (mode) {
    case 'jwt':
      value = (await issueAccessToken(runtime.jwt, user)).token;
      maxAge = runtime.jwt.accessTtl;
      break;
    case 'sealed':
      value = (await sealSession(runtime.seal, user)).seal;
      maxAge = runtime.seal.ttl;
      break;
    case 'session':
      value = (
        await createSession(getSessionStore(), runtime.session, { userId: user.id, userAgent })
      ).id;
      maxAge = runtime.session.absoluteTtl;
      break;
  }

  // A browser silently drops a cookie over its limit; refuse loudly instead.
  const size = cookieSize(name, value);
  if (size > COOKIE_BYTE_LIMIT) throw new AuthError('COOKIE_TOO_LARGE');
  return { mode, name, value, attributes: authCookieAttributes(runtime.secure, maxAge), size };
}

// One credential at a time: setting one mode's cookie clears the others.
export async function setAuthCookie(issued: IssuedCredential): Promise<void> {
  const jar = await cookies();
  jar.set(issued.name, issued.value, issued.attributes);
  for (const mode of AUTH_MODES) if (mode !== issued.mode) clearCookie(jar, mode);
}

export async function clearAuthCookies(): Promise<void> {
  const jar = await cookies();
  for (const mode of AUTH_MODES) clearCookie(jar, mode);
}

function clearCookie(jar: Awaited<ReturnType<typeof cookies>>, mode: AuthMode): void {
  const runtime = getAuthRuntime();
  const name = runtime.cookieNames[mode];
  if (jar.has(name)) jar.set(name, '', authCookieAttributes(runtime.secure, 0));
}

// Makes the viewer's current credential useless on the server side, where the mode allows it.
export async function revokeCredential(viewer: Viewer): Promise<void> {
  if (viewer.session) await getSessionStore().delete(viewer.session.idHash);
  if (viewer.sealed) revokeSeal(viewer.sealed.sid, new Date(viewer.sealed.exp * 1000));
}
