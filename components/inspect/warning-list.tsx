import { Badge } from '@/components/ui/badge';
import type { InspectorWarning, WarningCode } from '@/lib/inspect/warnings';
import { CheckIcon, WarningIcon } from './icons';

const TOPICS: Record<WarningCode, string> = {
  jwe: 'JWE',
  oversize: 'size',
  padding: 'encoding',
  'standard-alphabet': 'encoding',
  'invalid-characters': 'encoding',
  'alg-none': 'alg',
  crit: 'crit',
  'duplicate-members': 'JSON',
  'no-exp': 'time',
  'long-lifetime': 'time',
  expired: 'time',
  'not-yet-valid': 'time',
  'issued-in-future': 'time',
  'not-a-numeric-date': 'time',
  'short-secret': 'key',
  'private-key': 'key',
};

export function WarningList({ warnings }: { warnings: InspectorWarning[] }) {
  return (
    <section
      aria-labelledby="inspect-warnings-title"
      data-testid="inspect-warnings"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex items-center gap-2">
        <h2
          id="inspect-warnings-title"
          className="text-sm font-semibold tracking-wide text-slate-500 uppercase"
        >
          Warnings
        </h2>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${warnings.length ? 'bg-amber-100 text-amber-900' : 'bg-emerald-100 text-emerald-800'}`}
        >
          {warnings.length}
        </span>
      </div>
      {warnings.length === 0 ? (
        <p className="mt-3 flex items-center gap-2 text-sm text-emerald-800">
          <CheckIcon /> Nothing to warn about.
        </p>
      ) : (
        <ul className="mt-3 space-y-2">
          {warnings.map((warning, index) => (
            <li
              key={`${warning.code}-${index}`}
              data-testid="inspect-warning"
              data-code={warning.code}
              className="flex items-start gap-2.5 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200 ring-inset"
            >
              <WarningIcon className="mt-0.5 size-4 text-amber-600" />
              <span className="min-w-0 flex-1 break-words">{warning.message}</span>
              <Badge tone="warn">{TOPICS[warning.code]}</Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
