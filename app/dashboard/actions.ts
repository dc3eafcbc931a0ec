'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authenticate, type AuthResult, type Viewer } from '@/lib/auth/authenticate';
import { issueCredential, revokeCredential, setAuthCookie } from '@/lib/auth/credentials';
import { isAuthError } from '@/lib/auth/errors';
import { isAuthMode, type AuthMode } from '@/lib/auth/modes';
import { signOut } from '@/lib/auth/sign-in';
import { recordAudit } from '@/lib/db/users';
import { orUnavailablePage } from '@/lib/dal';
import { replayCredential, saveReplayVerdict } from '@/lib/replay';
import { getSessionStore } from '@/lib/session-store';
import { revokeOwnSession } from '@/lib/sessions-view';

async function requireSignedIn(): Promise<AuthResult & { ok: true }> {
  const auth = await authenticate(await headers());
  if (!auth.ok && auth.code === 'STORE_UNAVAILABLE') redirect('/unavailable?next=/dashboard');
  if (!auth.ok) redirect('/login?next=/dashboard');
  return auth;
}

// Exchanges the current credential for one of `mode` without asking for the password again:
// the new cookie replaces the old one, and the old credential is revoked where the mode allows.
async function exchangeCredential(viewer: Viewer, mode: AuthMode): Promise<void> {
  const userAgent = (await headers()).get('user-agent') ?? '';
  try {
    await setAuthCookie(await issueCredential(viewer.user, mode, userAgent));
  } catch (error) {
    if (isAuthError(error)) redirect(`/dashboard?error=${error.code}`);
    throw error;
  }
  await revokeCredential(viewer);
  recordAudit({
    actorId: viewer.user.id,
    action: 'user.switch-mode',
    targetId: viewer.user.id,
    detail: `${viewer.mode} → ${mode}`,
  });
}

export async function switchModeAction(data: FormData): Promise<never> {
  const { viewer } = await requireSignedIn();
  const mode = data.get('mode');
  if (!isAuthMode(mode)) redirect('/dashboard?error=VALIDATION_FAILED');
  await exchangeCredential(viewer, mode);
  redirect('/dashboard');
}

// Re-issues the current mode's credential from the database row, e.g. to pick up a new role.
export async function refreshCredentialAction(): Promise<never> {
  const { viewer } = await requireSignedIn();
  await exchangeCredential(viewer, viewer.mode);
  redirect('/dashboard');
}

export async function replayAction(): Promise<never> {
  const { credential } = await requireSignedIn();
  const requestHeaders = await headers();
  await orUnavailablePage(() => signOut(requestHeaders), '/dashboard');
  await saveReplayVerdict(credential.mode, await replayCredential(credential));
  redirect('/replay');
}

export async function revokeSessionAction(data: FormData): Promise<never> {
  const { viewer } = await requireSignedIn();
  const idHash = String(data.get('idHash') ?? '');
  await orUnavailablePage(() => revokeOwnSession(viewer.user.id, idHash), '/dashboard');
  redirect('/dashboard');
}

export async function logoutOthersAction(): Promise<never> {
  const { viewer } = await requireSignedIn();
  const deleted = await orUnavailablePage(
    () => getSessionStore().deleteByUser(viewer.user.id, viewer.session?.idHash),
    '/dashboard',
  );
  recordAudit({
    actorId: viewer.user.id,
    action: 'user.logout-others',
    targetId: viewer.user.id,
    detail: `${deleted} sessions`,
  });
  redirect('/dashboard');
}
