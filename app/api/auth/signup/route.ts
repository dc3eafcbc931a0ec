import { registerUser } from '@/lib/auth/accounts';
import { json, route } from '@/lib/http';
import { readJson } from '@/lib/read-json';
import { toPublicUser } from '@/lib/public-user';
import { signupSchema } from '@/lib/validation';

export const POST = route(async (request) => {
  const input = await readJson(request, signupSchema);
  const user = await registerUser(input.email, input.password);
  return json({ user: toPublicUser(user) }, { status: 201 });
});
