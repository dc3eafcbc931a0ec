'use client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg rounded-xl border border-rose-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-rose-700">Something went wrong</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">That did not work</h1>
      <p className="mt-3 text-slate-600">
        The server could not finish this request; the details are in the server log. Try again in a
        moment.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 font-medium text-indigo-600 hover:text-indigo-500"
      >
        Try again
      </button>
    </div>
  );
}
