import 'server-only';
import { and, asc, desc, eq, gt, ne, or, sql } from 'drizzle-orm';
import type { Role } from '../auth/roles';
import { getDb, type Db } from './client';
import { auditLog, users, type AuditRow, type UserRow } from './schema';

export type User = Omit<UserRow, 'passwordHash'>;

const publicColumns = {
  id: users.id,
  email: users.email,
  role: users.role,
  disabled: users.disabled,
  tokenVersion: users.tokenVersion,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

// Every gated request looks its user up: the statement is prepared once per connection.
const findByIdStatements = new WeakMap<Db, ReturnType<typeof prepareFindById>>();

function prepareFindById(db: Db) {
  return db
    .select(publicColumns)
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare();
}

export function findUserById(id: string): User | undefined {
  const db = getDb();
  let statement = findByIdStatements.get(db);
  if (!statement) {
    statement = prepareFindById(db);
    findByIdStatements.set(db, statement);
  }
  return statement.get({ id });
}

export function findUserWithHash(email: string): UserRow | undefined {
  return getDb().select().from(users).where(eq(users.email, email)).get();
}

export function listUsers(): User[] {
  return getDb().select(publicColumns).from(users).orderBy(asc(users.createdAt)).all();
}

// Returns undefined when the email is already taken.
export function insertUser(input: {
  email: string;
  passwordHash: string;
  role: Role;
}): User | undefined {
  const row = getDb()
    .insert(users)
    .values({ id: crypto.randomUUID(), ...input })
    .onConflictDoNothing({ target: users.email })
    .returning(publicColumns)
    .get();
  return row;
}

function otherEnabledAdmins(id: string) {
  return sql`(select count(*) from ${users}
    where ${users.role} = 'admin' and ${users.disabled} = 0 and ${users.id} != ${id})`;
}

type UserChange = Partial<Pick<UserRow, 'role' | 'disabled'>>;

function updateUser(id: string, change: UserChange): User | undefined {
  return getDb()
    .update(users)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning(publicColumns)
    .get();
}

// Every change that takes privilege away goes through this one statement: it bumps the token
// version, so JWTs and seals issued before stop at once (and do not come back on a later
// re-enable), and it will not touch the last admin who can still sign in — atomic, so two
// admins acting at the same moment cannot both pass.
function withdrawPrivilege(id: string, change: UserChange): User | undefined {
  return getDb()
    .update(users)
    .set({ ...change, tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), or(ne(users.role, 'admin'), gt(otherEnabledAdmins(id), 0))))
    .returning(publicColumns)
    .get();
}

export function updateUserRole(id: string, role: Role): User | undefined {
  return role === 'admin' ? updateUser(id, { role }) : withdrawPrivilege(id, { role });
}

export function updateUserDisabled(id: string, disabled: boolean): User | undefined {
  return disabled ? withdrawPrivilege(id, { disabled }) : updateUser(id, { disabled });
}

// Every credential that carries an older version is refused from now on (TOKEN_REVOKED).
export function bumpTokenVersion(id: string): User | undefined {
  return getDb()
    .update(users)
    .set({ tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning(publicColumns)
    .get();
}

export function recordAudit(entry: {
  actorId: string | null;
  action: string;
  targetId?: string;
  detail?: string;
}): void {
  getDb().insert(auditLog).values(entry).run();
}

export function listAudit(limit = 50): AuditRow[] {
  return getDb().select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
}
