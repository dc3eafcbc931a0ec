import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg rounded-xl border border-rose-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-rose-700">403 · FORBIDDEN</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">This page needs another role</h1>
      <p className="mt-3 text-slate-600">
        You are logged in, but your role does not open this page. Ask an admin to change your role;
        in JWT mode the change reaches you with your next token.
      </p>
      <Link
        href="/dashboard"
        className="mt-6 inline-block font-medium text-indigo-600 hover:text-indigo-500"
      >
        Back to your dashboard
      </Link>
    </div>
  );
}
