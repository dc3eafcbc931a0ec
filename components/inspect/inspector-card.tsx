import type { ReactNode } from 'react';
import { LockIcon } from './icons';

export function InspectorCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-label={title}
      className="min-w-0 space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
      {children}
    </section>
  );
}

const SHOWS = [
  'the three parts in colour',
  'header and payload as JSON and as a table with what each claim means',
  'exp, nbf and iat in your time zone and in UTC',
  'warnings a verifier should care about',
  'whether the signature holds for the key you give',
];

export function EmptyState() {
  return (
    <div className="rounded-xl border-2 border-dashed border-slate-200 bg-white/60 p-8 text-center">
      <div className="mx-auto flex size-11 items-center justify-center rounded-full bg-indigo-50 text-indigo-600">
        <LockIcon className="size-6" />
      </div>
      <h2 className="mt-4 text-base font-semibold text-slate-900">
        Paste a token to look inside it
      </h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
        Decoding and verification run in this tab. Nothing you paste is sent, stored or put in the
        address bar.
      </p>
      <ul className="mx-auto mt-5 max-w-sm space-y-1.5 text-left text-sm text-slate-600">
        {SHOWS.map((item) => (
          <li key={item} className="flex gap-2">
            <span
              aria-hidden="true"
              className="mt-2 size-1.5 shrink-0 rounded-full bg-indigo-400"
            />
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}
