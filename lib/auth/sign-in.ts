import 'server-only';
import { recordAudit, type User } from '../db/users';
import { clientIp } from '../http';
import { checkPassword } from './accounts';
import { AuthError } from './errors';
import { authenticate } from './authenticate';
import { clearAuthCookies, issueCredential, revokeCredential, setAuthCookie } from './credentials';
import type { AuthMode } from './modes';

// A login always issues a fresh credential and retires whatever the browser brought with it,
// so an id planted before login (session fixation) is never adopted. The new credential is made
// first: a login refused at that step (say, COOKIE_TOO_LARGE) leaves the old one working.
export async function signIn(
  input: { email: string; password: string; mode: AuthMode },
  headers: Headers,
): Promise<User> {
  const user = await checkPassword(input.email, input.password, clientIp(headers));
  const issued = await issueCredential(user, input.mode, headers.get('user-agent') ?? '');
  await retireCurrentCredential(headers);
  await setAuthCookie(issued);
  recordAudit({ actorId: user.id, action: 'user.login', targetId: user.id, detail: input.mode });
  return user;
}

// If the store cannot be reached, logout fails (503) and keeps the cookie: clearing it would
// report success while the server-side session lives on.
export async function signOut(headers: Headers): Promise<void> {
  const actor = await retireCurrentCredential(headers, { strict: true });
  await clearAuthCookies();
  if (actor) recordAudit({ actorId: actor.id, action: 'user.logout', targetId: actor.id });
}

async function retireCurrentCredential(
  headers: Headers,
  { strict = false } = {},
): Promise<User | null> {
  const current = await authenticate(headers);
  if (strict && !current.ok && current.code === 'STORE_UNAVAILABLE') {
    throw new AuthError('STORE_UNAVAILABLE');
  }
  if (!current.ok) return null;
  await revokeCredential(current.viewer);
  return current.viewer.user;
}
