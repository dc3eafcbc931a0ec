import 'server-only';
import { isAuthError } from './auth/errors';
import { getSessionStore } from './session-store';

export interface DeviceSession {
  idHash: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string;
}

export type DeviceSessions = { ok: true; sessions: DeviceSession[] } | { ok: false; code: string };

// Lists a user's server sessions, newest first. An unreachable store is reported, not thrown,
// so pages that merely show sessions keep working in the stateless modes.
export async function listDeviceSessions(
  userId: string,
  currentIdHash?: string,
): Promise<DeviceSessions> {
  try {
    const sessions = (await getSessionStore().listByUser(userId))
      .sort((a, b) => b.entry.createdAt - a.entry.createdAt)
      .map(({ idHash, entry }) => ({
        idHash,
        current: idHash === currentIdHash,
        createdAt: new Date(entry.createdAt).toISOString(),
        lastSeenAt: new Date(entry.lastSeenAt).toISOString(),
        expiresAt: new Date(entry.expiresAt).toISOString(),
        userAgent: entry.userAgent,
      }));
    return { ok: true, sessions };
  } catch (error) {
    if (isAuthError(error)) return { ok: false, code: error.code };
    throw error;
  }
}

// Deletes one of the user's own sessions; an id hash that is not theirs changes nothing.
export async function revokeOwnSession(userId: string, idHash: string): Promise<boolean> {
  const store = getSessionStore();
  const owned = (await store.listByUser(userId)).some((s) => s.idHash === idHash);
  if (owned) await store.delete(idHash);
  return owned;
}
