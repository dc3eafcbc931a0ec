'use server';

import { redirect } from 'next/navigation';
import { changeUserRole, revokeAllCredentials, setUserDisabled } from '@/lib/admin';
import { isAuthError } from '@/lib/auth/errors';
import { requirePageViewer } from '@/lib/dal';
import { roleChangeSchema } from '@/lib/validation';

// Server actions are reachable by POST from anywhere, so each one checks the role itself.
// A refusal comes back to the page as a code it explains; anything else is a real failure.

async function runAdminAction(work: (adminId: string) => Promise<unknown>): Promise<void> {
  const admin = await requirePageViewer('admin', '/admin');
  try {
    await work(admin.user.id);
  } catch (error) {
    // A field refusal (last admin, own account) is named by its field, others by their code.
    if (isAuthError(error))
      redirect(`/admin?error=${Object.keys(error.fields ?? {})[0] ?? error.code}`);
    throw error;
  }
  // A fresh /admin, so a refusal shown earlier does not linger after a success.
  redirect('/admin');
}

export async function changeRoleAction(data: FormData): Promise<void> {
  const parsed = roleChangeSchema.safeParse({ role: data.get('role') });
  await runAdminAction(async (adminId) => {
    if (!parsed.success) redirect('/admin?error=BAD_REQUEST');
    await changeUserRole(adminId, String(data.get('userId')), parsed.data.role);
  });
}

export async function revokeAllAction(data: FormData): Promise<void> {
  await runAdminAction((adminId) => revokeAllCredentials(adminId, String(data.get('userId'))));
}

export async function setDisabledAction(data: FormData): Promise<void> {
  const disabled = data.get('disabled') === 'true';
  await runAdminAction((adminId) => setUserDisabled(adminId, String(data.get('userId')), disabled));
}
