import 'server-only';
import { AuthError } from './auth/errors';
import type { Role } from './auth/roles';
import { bumpTokenVersion, findUserById, recordAudit, updateUserRole, type User } from './db/users';
import { getSessionStore } from './session-store';

// Session mode reads the role from the database on every request, so a demotion bites at once.
// A promotion ends the user's server sessions instead: more privilege comes with a new session
// id at the next login (OWASP: renew the id on any privilege change).
export async function changeUserRole(actorId: string, userId: string, role: Role): Promise<User> {
  const before = findUserById(userId);
  if (!before) throw new AuthError('NOT_FOUND', { message: 'No user with that id.' });
  const user = updateUserRole(userId, role)!;
  const promoted = before.role !== 'admin' && role === 'admin';
  const ended = promoted ? await getSessionStore().deleteByUser(userId) : 0;
  const detail = `${before.role} → ${role}${ended ? `, ${ended} sessions ended` : ''}`;
  recordAudit({ actorId, action: 'user.role', targetId: userId, detail });
  return user;
}

// Logs a user out everywhere: refuses every JWT and seal issued so far (version bump) and
// deletes every server session.
export async function revokeAllCredentials(actorId: string, userId: string): Promise<number> {
  const user = bumpTokenVersion(userId);
  if (!user) throw new AuthError('NOT_FOUND', { message: 'No user with that id.' });
  const deleted = await getSessionStore().deleteByUser(userId);
  recordAudit({
    actorId,
    action: 'user.revoke-all',
    targetId: userId,
    detail: `${deleted} sessions`,
  });
  return deleted;
}
