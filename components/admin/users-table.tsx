import type { PublicUser } from '@/lib/public-user';
import { Badge } from '../ui/badge';
import { dangerButtonClass, secondaryButtonClass } from '../ui/styles';
import { TableHead } from '../ui/table-head';

export function UsersTable({
  users,
  currentUserId,
  changeRoleAction,
  revokeAllAction,
  setDisabledAction,
}: {
  users: PublicUser[];
  currentUserId: string;
  changeRoleAction: (data: FormData) => Promise<void>;
  revokeAllAction: (data: FormData) => Promise<void>;
  setDisabledAction: (data: FormData) => Promise<void>;
}) {
  return (
    <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="users-table">
        <TableHead columns={['Email', 'Role', 'Created', 'Change role', 'Access']} />
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <tr key={user.id} data-testid={`user-row-${user.email}`}>
              <td className="max-w-[18rem] px-4 py-3 font-medium text-slate-900">
                <span className="block truncate" title={user.email}>
                  {user.email}
                </span>
                {user.id === currentUserId ? (
                  <span className="text-xs text-slate-500">(you)</span>
                ) : null}
              </td>
              <td className="px-4 py-3">
                <Badge tone={user.role === 'admin' ? 'info' : 'neutral'}>{user.role}</Badge>
                {user.disabled ? (
                  <span className="ml-1">
                    <Badge tone="bad">disabled</Badge>
                  </span>
                ) : null}
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                {user.createdAt.slice(0, 16).replace('T', ' ')} UTC
              </td>
              <td className="px-4 py-3">
                <form action={changeRoleAction} className="flex items-center gap-2">
                  <input type="hidden" name="userId" value={user.id} />
                  <label className="sr-only" htmlFor={`role-${user.id}`}>
                    Role for {user.email}
                  </label>
                  <select
                    id={`role-${user.id}`}
                    name="role"
                    defaultValue={user.role}
                    className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
                  >
                    <option value="user">user</option>
                    <option value="admin">admin</option>
                  </select>
                  <button type="submit" className={secondaryButtonClass}>
                    Save
                  </button>
                </form>
              </td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap gap-2">
                  <form action={revokeAllAction}>
                    <input type="hidden" name="userId" value={user.id} />
                    <button
                      type="submit"
                      className={dangerButtonClass}
                      aria-label={`Revoke all credentials of ${user.email}`}
                    >
                      Revoke all
                    </button>
                  </form>
                  <form action={setDisabledAction}>
                    <input type="hidden" name="userId" value={user.id} />
                    <input type="hidden" name="disabled" value={String(!user.disabled)} />
                    <button
                      type="submit"
                      className={user.disabled ? secondaryButtonClass : dangerButtonClass}
                      aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
                    >
                      {user.disabled ? 'Enable' : 'Disable'}
                    </button>
                  </form>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
