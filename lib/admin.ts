import 'server-only';
import { AuthError, isAuthError } from './auth/errors';
import type { Role } from './auth/roles';
import {
  bumpTokenVersion,
  findUserById,
  recordAudit,
  updateUserDisabled,
  updateUserRole,
  type User,
} from './db/users';
import { getLogger } from './log';
import { getSessionStore } from './session-store';

// A role change must never leave more privilege behind than the database grants:
// - a demotion bumps the token version (JWTs and seals that say "admin" get TOKEN_REVOKED at
//   once) and session mode reads the role from the database on every request;
// - a promotion ends the user's server sessions first, so the new role comes with a new
//   session id (OWASP: renew the id on a privilege change). A JWT or seal keeps its lower role
//   until it is re-issued — the stale-role lesson, in its harmless direction.
// The sessions are ended before the role is written: if the store is down, nothing changes.
export async function changeUserRole(actorId: string, userId: string, role: Role): Promise<User> {
  const before = findUserById(userId);
  if (!before) throw new AuthError('NOT_FOUND', { message: 'No user with that id.' });
  if (before.role === role) return before;

  const promoted = role === 'admin';
  const ended = promoted ? await getSessionStore().deleteByUser(userId) : 0;
  const user = updateUserRole(userId, role);
  if (!user) {
    throw new AuthError('VALIDATION_FAILED', {
      fields: { role: ['At least one admin must remain; promote someone else first.'] },
    });
  }

  const detail = promoted
    ? `${before.role} → ${role}, ${ended} sessions ended`
    : `${before.role} → ${role}, credentials revoked`;
  recordAudit({ actorId, action: 'user.role', targetId: userId, detail });
  return user;
}

// A disabled account is refused on its very next request in every mode (the gate loads the user
// row each time) and cannot log in. The database decides, so disabling works even while the
// session store is down; deleting the user's server sessions is cleanup on top.
export async function setUserDisabled(
  actorId: string,
  userId: string,
  disabled: boolean,
): Promise<User> {
  if (actorId === userId && disabled) {
    throw new AuthError('VALIDATION_FAILED', {
      fields: { disabled: ['You cannot disable your own account.'] },
    });
  }
  if (!findUserById(userId)) throw new AuthError('NOT_FOUND', { message: 'No user with that id.' });
  const user = updateUserDisabled(userId, disabled);
  if (!user) {
    throw new AuthError('VALIDATION_FAILED', {
      fields: { disabled: ['At least one enabled admin must remain.'] },
    });
  }
  const detail = disabled ? await endSessionsIfReachable(userId) : '';
  recordAudit({
    actorId,
    action: disabled ? 'user.disable' : 'user.enable',
    targetId: userId,
    detail,
  });
  return user;
}

// Logs a user out everywhere: refuses every JWT and seal issued so far (version bump) and
// deletes every server session.
export async function revokeAllCredentials(actorId: string, userId: string): Promise<number> {
  const deleted = await getSessionStore().deleteByUser(userId);
  const user = bumpTokenVersion(userId);
  if (!user) throw new AuthError('NOT_FOUND', { message: 'No user with that id.' });
  recordAudit({
    actorId,
    action: 'user.revoke-all',
    targetId: userId,
    detail: `${deleted} sessions`,
  });
  return deleted;
}

async function endSessionsIfReachable(userId: string): Promise<string> {
  try {
    return `${await getSessionStore().deleteByUser(userId)} sessions ended`;
  } catch (error) {
    if (!isAuthError(error)) throw error;
    getLogger().warn({ userId, code: error.code }, 'disabled user; sessions left to expire');
    return 'sessions left to expire: store unreachable';
  }
}
