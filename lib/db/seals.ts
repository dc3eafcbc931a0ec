import 'server-only';
import { eq, lt } from 'drizzle-orm';
import { getDb } from './client';
import { revokedSeals } from './schema';

// Sealed cookies cannot be called back once sent; logout records the seal id here instead.

export function revokeSeal(sealId: string, expiresAt: Date): void {
  getDb().insert(revokedSeals).values({ sealId, expiresAt }).onConflictDoNothing().run();
  getDb().delete(revokedSeals).where(lt(revokedSeals.expiresAt, new Date())).run();
}

export function isSealRevoked(sealId: string): boolean {
  return getDb().select().from(revokedSeals).where(eq(revokedSeals.sealId, sealId)).get() !== undefined;
}
