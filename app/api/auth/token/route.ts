import { checkPassword } from '@/lib/auth/accounts';
import { issueAccessToken } from '@/lib/auth/jwt';
import { getAuthRuntime } from '@/lib/auth/runtime';
import { clientIp, json, route } from '@/lib/http';
import { readJson } from '@/lib/read-json';
import { loginSchema } from '@/lib/validation';

// For API clients: the token comes back in the body only, never also as a cookie.
export const POST = route(async (request) => {
  const input = await readJson(request, loginSchema.omit({ mode: true }));
  const user = await checkPassword(input.email, input.password, clientIp(request.headers));
  const { token, claims } = await issueAccessToken(getAuthRuntime().jwt, user);
  return json({
    access_token: token,
    token_type: 'Bearer',
    expires_in: claims.exp - claims.iat,
    expires_at: new Date(claims.exp * 1000).toISOString(),
  });
});
