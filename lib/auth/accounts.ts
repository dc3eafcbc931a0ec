import 'server-only';
import { findUserWithHash, insertUser, recordAudit, type User } from '../db/users';
import { getLogger } from '../log';
import { AuthError } from './errors';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from './rate-limit';
import type { Role } from './roles';

export async function registerUser(
  email: string,
  password: string,
  role: Role = 'user',
): Promise<User> {
  const user = insertUser({ email, passwordHash: await hashPassword(password), role });
  if (!user) {
    throw new AuthError('VALIDATION_FAILED', {
      fields: { email: ['An account with this email already exists.'] },
    });
  }
  recordAudit({ actorId: user.id, action: 'user.signup', targetId: user.id, detail: role });
  return user;
}

// Unknown email and wrong password fail the same way, after the same amount of work.
export async function checkPassword(email: string, password: string, ip: string): Promise<User> {
  const retryAfter = await loginRetryAfter(email, ip);
  if (retryAfter > 0) throw new AuthError('RATE_LIMITED', { retryAfter });

  const row = findUserWithHash(email);
  const valid = row
    ? await verifyPassword(row.passwordHash, password)
    : await verifyAgainstDummy(password);
  if (!row || !valid) {
    await recordLoginFailure(email, ip);
    getLogger().warn({ known: Boolean(row) }, 'login failed');
    // Not an access-token problem, so no RFC 6750 challenge goes with it.
    throw new AuthError('INVALID_CREDENTIALS', { challenge: false });
  }
  if (row.disabled) throw new AuthError('USER_DISABLED', { challenge: false });

  await clearLoginFailures(email, ip);
  const { passwordHash: _hash, ...user } = row;
  return user;
}
