import { AuditList } from '@/components/admin/audit-list';
import { UsersTable } from '@/components/admin/users-table';
import { requirePageViewer } from '@/lib/dal';
import { listAudit, listUsers } from '@/lib/db/users';
import { toPublicUser } from '@/lib/public-user';
import { SessionsList } from '@/components/sessions-list';
import { listDeviceSessions } from '@/lib/sessions-view';
import { changeRoleAction, revokeAllAction } from './actions';

export const metadata = { title: 'Admin' };

export default async function AdminPage() {
  const admin = await requirePageViewer('admin', '/admin');
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
          Session mode reads the role from the database on every request, so a demotion applies at
          once; a promotion ends the user’s server sessions, so the new role comes with a new
          session id. JWT and sealed credentials keep their copy of the role until they are
          re-issued. “Revoke all” bumps the user’s token version and deletes their server sessions,
          so every credential they hold stops working.
        </p>
      </div>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Users</h2>
        <UsersTable
          users={users.map(toPublicUser)}
          currentUserId={admin.user.id}
          changeRoleAction={changeRoleAction}
          revokeAllAction={revokeAllAction}
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
                <SessionsList result={result} />
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
