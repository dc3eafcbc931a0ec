'use server';

import { revalidatePath } from 'next/cache';
import { revokeAllCredentials, changeUserRole } from '@/lib/admin';
import { requirePageViewer } from '@/lib/dal';
import { roleChangeSchema } from '@/lib/validation';

// Server actions are reachable by POST from anywhere, so each one checks the role itself.

export async function changeRoleAction(data: FormData): Promise<void> {
  const admin = await requirePageViewer('admin', '/admin');
  const parsed = roleChangeSchema.safeParse({ role: data.get('role') });
  if (!parsed.success) return;
  await changeUserRole(admin.user.id, String(data.get('userId')), parsed.data.role);
  revalidatePath('/admin');
}

export async function revokeAllAction(data: FormData): Promise<void> {
  const admin = await requirePageViewer('admin', '/admin');
  await revokeAllCredentials(admin.user.id, String(data.get('userId')));
  revalidatePath('/admin');
}
