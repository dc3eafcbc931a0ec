import { json, requireApiViewer, route } from '@/lib/http';
import { toPublicUser } from '@/lib/public-user';

export const GET = route(async (request) => {
  const viewer = await requireApiViewer(request, 'any');
  return json({
    user: toPublicUser(viewer.user),
    role: viewer.role,
    mode: viewer.mode,
    source: viewer.source,
  });
});
