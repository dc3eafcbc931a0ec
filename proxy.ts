import { NextResponse, type NextRequest } from 'next/server';
import { readCredential } from './lib/auth/gate';
import { getAuthRuntime } from './lib/auth/runtime';

// Early redirects for pages only. Every page checks again through lib/dal, which is the
// authority (roles, revocation, store look-up); API routes are kept off the proxy entirely,
// because merely invoking it costs about a third of a request.
export async function proxy(request: NextRequest): Promise<NextResponse> {
  // Only page loads are redirected: a server action POST answered with a redirect would be
  // re-posted to /login by the browser. Actions check for themselves and redirect properly.
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const runtime = getAuthRuntime();
  const credential = readCredential(request.headers, runtime.cookieNames);
  let valid = credential !== null;
  if (credential?.mode === 'jwt') valid = (await runtime.verifier.verify(credential.value)).ok;
  if (credential?.mode === 'sealed') valid = (await runtime.readSeal(credential.value)).ok;
  if (valid) return NextResponse.next();

  const login = new URL('/login', request.url);
  login.searchParams.set('next', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ['/dashboard/:path*', '/admin/:path*'],
};
