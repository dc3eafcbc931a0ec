import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">Nothing here</h1>
      <Link
        href="/"
        className="mt-6 inline-block font-medium text-indigo-600 hover:text-indigo-500"
      >
        Home
      </Link>
    </div>
  );
}
