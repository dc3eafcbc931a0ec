import { changeUserRole, setUserDisabled } from '@/lib/admin';
import { json, requireApiViewer, route } from '@/lib/http';
import { toPublicUser } from '@/lib/public-user';
import { readJson } from '@/lib/read-json';
import { userUpdateSchema } from '@/lib/validation';

// PATCH {role} or {disabled}: one change per request.
export const PATCH = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const admin = await requireApiViewer(request, 'admin');
  const update = await readJson(request, userUpdateSchema);
  const id = (await params).id;

  const user =
    update.role !== undefined
      ? await changeUserRole(admin.user.id, id, update.role)
      : await setUserDisabled(admin.user.id, id, update.disabled!);
  return json({ user: toPublicUser(user) });
});
