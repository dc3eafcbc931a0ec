import { AuditList } from '@/components/admin/audit-list';
import { UsersTable } from '@/components/admin/users-table';
import { requirePageViewer } from '@/lib/dal';
import { listAudit, listUsers } from '@/lib/db/users';
import { toPublicUser } from '@/lib/public-user';
import { changeRoleAction, revokeAllAction } from './actions';

export const metadata = { title: 'Admin' };

export default async function AdminPage() {
  const admin = await requirePageViewer('admin', '/admin');
  const users = listUsers();
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Admin</h1>
        <p className="mt-1 text-sm text-slate-600">
          Role changes apply at once in session mode; JWT and sealed credentials keep their copy of the
          role until they are re-issued. “Revoke all” bumps the user’s token version and deletes their
          server sessions, so every credential they hold stops working.
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
        <h2 className="text-lg font-semibold text-slate-900">Audit log</h2>
        <AuditList entries={listAudit()} emails={emails} />
      </section>
    </div>
  );
}
