'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth/sign-in';
import { orUnavailablePage } from '@/lib/dal';

export async function logoutAction(): Promise<never> {
  const requestHeaders = await headers();
  await orUnavailablePage(() => signOut(requestHeaders), '/dashboard');
  redirect('/login');
}
