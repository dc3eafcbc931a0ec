import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { authenticate, type AuthResult, type Viewer } from './auth/authenticate';
import { ERRORS, isAuthError } from './auth/errors';
import { decideAccess, pageActionFor, type Requirement } from './auth/gate';
import type { OwnTokenView } from './inspect/own-token';

export type { OwnTokenView };

// The one "who is this?" entry point for pages, layouts and server actions; once per request.
export const getAuth = cache(async (): Promise<AuthResult> => authenticate(await headers()));

export async function getViewer(): Promise<Viewer | null> {
  const auth = await getAuth();
  return auth.ok ? auth.viewer : null;
}

// For pages: no or bad credential → /login?next=…; known user without the role → 403 page.
export async function requirePageViewer(need: Requirement, path: string): Promise<Viewer> {
  const auth = await getAuth();
  if (!auth.ok && auth.code === 'STORE_UNAVAILABLE')
    redirect(`/unavailable?next=${encodeURIComponent(path)}`);
  const decision = decideAccess(
    auth.ok ? auth.viewer.role : null,
    auth.ok ? null : auth.code,
    need,
  );
  const action = pageActionFor(decision);
  if (action.kind === 'login') redirect(`/login?next=${encodeURIComponent(path)}`);
  if (action.kind === 'forbidden') forbidden();
  return (auth as { viewer: Viewer }).viewer;
}

// The inspector sees the header and payload of the viewer's own access token, never the
// signature, so the page never holds a usable credential.
export async function getOwnTokenForInspector(): Promise<OwnTokenView | null> {
  const auth = await getAuth();
  if (auth.credential?.mode !== 'jwt' || auth.credential.source !== 'cookie') return null;
  const [header = '', payload = ''] = auth.credential.value.split('.');
  const decode = (part: string): string => Buffer.from(part, 'base64url').toString('utf8');
  return {
    headerText: decode(header),
    payloadText: decode(payload),
    signatureWithheld: true,
    verification: auth.ok
      ? { ok: true, message: 'Verified by the server: signature, issuer, audience and times.' }
      : { ok: false, code: auth.code, message: ERRORS[auth.code].message },
  };
}

// For server actions: an unreachable store sends the user to the clear 503 page instead of the
// generic error page; anything else is rethrown.
export async function orUnavailablePage<T>(work: () => Promise<T>, next: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAuthError(error) && error.code === 'STORE_UNAVAILABLE') {
      redirect(`/unavailable?next=${encodeURIComponent(next)}`);
    }
    throw error;
  }
}
