import { changeUserRole } from '@/lib/admin';
import { json, requireApiViewer, route } from '@/lib/http';
import { readJson } from '@/lib/read-json';
import { toPublicUser } from '@/lib/public-user';
import { roleChangeSchema } from '@/lib/validation';

export const PATCH = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const admin = await requireApiViewer(request, 'admin');
  const { role } = await readJson(request, roleChangeSchema);
  const user = await changeUserRole(admin.user.id, (await params).id, role);
  return json({ user: toPublicUser(user) });
});
