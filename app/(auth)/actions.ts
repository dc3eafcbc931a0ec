'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/auth/form-state';
import { registerUser } from '@/lib/auth/accounts';
import { isAuthError } from '@/lib/auth/errors';
import { signIn } from '@/lib/auth/sign-in';
import { getConfig } from '@/lib/config';
import { fieldErrorsOf, loginSchema, safeNextPath, signupSchema } from '@/lib/validation';

export async function loginAction(_state: FormState, data: FormData): Promise<FormState> {
  const email = String(data.get('email') ?? '');
  const mode = String(data.get('mode') ?? '') || undefined;
  const parsed = loginSchema.safeParse({ email, password: data.get('password'), mode });
  if (!parsed.success) return { fields: fieldErrorsOf(parsed.error), email, mode };

  try {
    const { mode = getConfig().defaultMode, ...credentials } = parsed.data;
    await signIn({ ...credentials, mode }, await headers());
  } catch (error) {
    if (isAuthError(error)) return { message: error.message, fields: error.fields, email, mode };
    throw error;
  }
  redirect(safeNextPath(data.get('next')));
}

export async function signupAction(_state: FormState, data: FormData): Promise<FormState> {
  const email = String(data.get('email') ?? '');
  const parsed = signupSchema.safeParse({ email, password: data.get('password') });
  if (!parsed.success) return { fields: fieldErrorsOf(parsed.error), email };

  try {
    await registerUser(parsed.data.email, parsed.data.password);
  } catch (error) {
    if (isAuthError(error))
      return { message: error.fields ? undefined : error.message, fields: error.fields, email };
    throw error;
  }
  redirect(`/login?registered=1&next=${encodeURIComponent(safeNextPath(data.get('next')))}`);
}
