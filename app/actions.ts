'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth/sign-in';

export async function logoutAction(): Promise<never> {
  await signOut(await headers());
  redirect('/login');
}
