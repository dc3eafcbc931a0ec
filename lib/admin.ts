import 'server-only';
import { AuthError } from './auth/errors';
import type { Role } from './auth/roles';
import { bumpTokenVersion, recordAudit, updateUserRole, type User } from './db/users';
import { getSessionStore } from './session-store';

export async function changeUserRole(actorId: string, userId: string, role: Role): Promise<User> {
  const user = updateUserRole(userId, role);
  if (!user) throw new AuthError('NOT_FOUND', { message: 'No user with that id.' });
  recordAudit({ actorId, action: 'user.role', targetId: userId, detail: role });
  return user;
}

// Logs a user out everywhere: refuses every JWT and seal issued so far (version bump) and
// deletes every server session.
export async function revokeAllCredentials(actorId: string, userId: string): Promise<number> {
  const user = bumpTokenVersion(userId);
  if (!user) throw new AuthError('NOT_FOUND', { message: 'No user with that id.' });
  const deleted = await getSessionStore().deleteByUser(userId);
  recordAudit({ actorId, action: 'user.revoke-all', targetId: userId, detail: `${deleted} sessions` });
  return deleted;
}
