import Link from 'next/link';
import { safeNextPath } from '@/lib/validation';

export const metadata = { title: 'Session store unavailable' };

export default async function UnavailablePage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const next = safeNextPath((await searchParams).next);
  return (
    <div className="mx-auto max-w-lg rounded-xl border border-amber-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-amber-700">503 · STORE_UNAVAILABLE</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">The session store is unreachable</h1>
      <p className="mt-3 text-slate-600">
        Your session lives in a store the server cannot reach right now. Nothing was changed, and no
        one is let in while it is down. Try again in a moment.
      </p>
      <Link
        href={next}
        className="mt-6 inline-block font-medium text-indigo-600 hover:text-indigo-500"
      >
        Try again
      </Link>
    </div>
  );
}
