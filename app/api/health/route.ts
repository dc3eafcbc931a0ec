import { getDb } from '@/lib/db/client';
import { json } from '@/lib/http';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  getDb();
  return json({ ok: true });
}
