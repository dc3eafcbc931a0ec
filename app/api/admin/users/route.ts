import { listUsers } from '@/lib/db/users';
import { json, requireApiViewer, route } from '@/lib/http';
import { toPublicUser } from '@/lib/public-user';

export const GET = route(async (request) => {
  await requireApiViewer(request, 'admin');
  return json({ users: listUsers().map(toPublicUser) });
});
