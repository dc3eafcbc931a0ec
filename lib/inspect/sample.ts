import { SignJWT } from 'jose';
import { encodeBase64url } from '@/lib/auth/base64url';

export interface SampleToken {
  token: string;
  secret: string;
}

// A fresh token and a random secret made in the browser, so a first visit has something real
// to look at without anything leaving the page.
export async function createSampleToken(now: number): Promise<SampleToken> {
  const secret = crypto.getRandomValues(new Uint8Array(32));
  const token = await new SignJWT({ name: 'Ada Lovelace', role: 'learner' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('login-lab-inspector')
    .setSubject('sample-user')
    .setIssuedAt(now)
    .setExpirationTime(now + 15 * 60)
    .sign(secret);
  return { token, secret: encodeBase64url(secret) };
}
