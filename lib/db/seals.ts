import 'server-only';
import { eq, lt, sql } from 'drizzle-orm';
import { getDb, type Db } from './client';
import { revokedSeals } from './schema';

// Sealed cookies cannot be called back once sent; logout records the seal id here instead.

export function revokeSeal(sealId: string, expiresAt: Date): void {
  getDb().insert(revokedSeals).values({ sealId, expiresAt }).onConflictDoNothing().run();
  getDb().delete(revokedSeals).where(lt(revokedSeals.expiresAt, new Date())).run();
}

// Asked on every sealed-mode request: the statement is prepared once per connection.
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();

function prepareLookup(db: Db) {
  return db
    .select({ sealId: revokedSeals.sealId })
    .from(revokedSeals)
    .where(eq(revokedSeals.sealId, sql.placeholder('sealId')))
    .prepare();
}

export function isSealRevoked(sealId: string): boolean {
  const db = getDb();
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = prepareLookup(db);
    lookups.set(db, lookup);
  }
  return lookup.get({ sealId }) !== undefined;
}
