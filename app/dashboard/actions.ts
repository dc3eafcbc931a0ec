'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authenticate } from '@/lib/auth/authenticate';
import { issueCredential, revokeCredential, setAuthCookie } from '@/lib/auth/credentials';

// Re-issues the current mode's credential from the database row, e.g. to pick up a new role.
export async function refreshCredentialAction(): Promise<never> {
  const requestHeaders = await headers();
  const auth = await authenticate(requestHeaders);
  if (!auth.ok) redirect('/login?next=/dashboard');
  const { viewer } = auth;
  await setAuthCookie(await issueCredential(viewer.user, viewer.mode, requestHeaders.get('user-agent') ?? ''));
  await revokeCredential(viewer);
  redirect('/dashboard');
}
