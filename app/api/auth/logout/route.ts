import { signOut } from '@/lib/auth/sign-in';
import { json, route } from '@/lib/http';

export const POST = route(async (request) => {
  await signOut(request.headers);
  return json({ ok: true });
});
