import { signIn } from '@/lib/auth/sign-in';
import { getConfig } from '@/lib/config';
import { json, route } from '@/lib/http';
import { readJson } from '@/lib/read-json';
import { toPublicUser } from '@/lib/public-user';
import { loginSchema } from '@/lib/validation';

export const POST = route(async (request) => {
  const input = await readJson(request, loginSchema);
  const mode = input.mode ?? getConfig().defaultMode;
  const user = await signIn({ ...input, mode }, request.headers);
  return json({ user: toPublicUser(user), mode });
});
