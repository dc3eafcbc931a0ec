import { AuditList } from '@/components/admin/audit-list';
import { UsersTable } from '@/components/admin/users-table';
import { requirePageViewer } from '@/lib/dal';
import { listAudit, listUsers } from '@/lib/db/users';
import { toPublicUser } from '@/lib/public-user';
import { SessionsList } from '@/components/sessions-list';
import { listDeviceSessions } from '@/lib/sessions-view';
import { changeRoleAction, revokeAllAction, setDisabledAction } from './actions';

export const metadata = { title: 'Admin' };

const REFUSALS: Record<string, string> = {
  role: 'At least one admin must remain: promote someone else first.',
  disabled: 'You cannot disable your own account, nor the last enabled admin.',
  NOT_FOUND: 'That user no longer exists.',
  BAD_REQUEST: 'That role does not exist.',
  STORE_UNAVAILABLE: 'The session store is unreachable, so nothing was changed. Try again.',
};

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  const admin = await requirePageViewer('admin', '/admin');
  const refusal = REFUSALS[(await searchParams).error ?? ''];
  const users = listUsers();
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const sessions = await Promise.all(
    users.map(async (u) => ({ user: u, result: await listDeviceSessions(u.id) })),
  );
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Admin</h1>
        <p className="mt-1 text-sm text-slate-600">
          A demotion applies at once in every mode: it bumps the user’s token version, so JWTs and
          seals that still say “admin” are refused, and session mode reads the role from the
          database on every request. A promotion ends the user’s server sessions, so the new role
          comes with a new session id; a JWT or seal keeps its lower role until it is re-issued.
          “Revoke all” bumps the token version and deletes the server sessions, so every credential
          the user holds stops working.
        </p>
      </div>
      {refusal ? (
        <p
          role="alert"
          className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-rose-200"
        >
          {refusal}
        </p>
      ) : null}
      <section className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Users</h2>
        <UsersTable
          users={users.map(toPublicUser)}
          currentUserId={admin.user.id}
          changeRoleAction={changeRoleAction}
          revokeAllAction={revokeAllAction}
          setDisabledAction={setDisabledAction}
        />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Server sessions</h2>
        <div className="grid gap-3 md:grid-cols-2" data-testid="admin-sessions">
          {sessions
            .filter(({ result }) => !result.ok || result.sessions.length > 0)
            .map(({ user, result }) => (
              <div
                key={user.id}
                className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm"
                data-testid={`admin-sessions-${user.email}`}
              >
                <h3 className="font-medium text-slate-900">{user.email}</h3>
                <SessionsList result={result} limit={5} />
              </div>
            ))}
        </div>
        {sessions.every(({ result }) => result.ok && result.sessions.length === 0) ? (
          <p className="text-sm text-slate-600">Nobody is logged in with session mode.</p>
        ) : null}
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Audit log</h2>
        <AuditList entries={listAudit()} emails={emails} />
      </section>
    </div>
  );
}
