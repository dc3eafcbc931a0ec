import { Badge } from '@/components/ui/badge';
import type { Tone } from '@/components/ui/badge';
import type { ClaimRow } from '@/lib/inspect/claims';
import { formatLocal } from '@/lib/inspect/time';

export function ClaimsTable({
  rows,
  testId,
  nameLabel,
}: {
  rows: ClaimRow[];
  testId: string;
  nameLabel: string;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No members.</p>;
  return (
    <table data-testid={testId} className="w-full border-collapse text-left text-sm">
      <thead className="sr-only md:not-sr-only">
        <tr className="border-b border-slate-200 text-xs tracking-wide text-slate-500 uppercase">
          <th scope="col" className="py-2 pr-4 font-medium md:w-32">
            {nameLabel}
          </th>
          <th scope="col" className="py-2 pr-4 font-medium">
            Value
          </th>
          <th scope="col" className="py-2 font-medium md:w-[34%]">
            Meaning
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.name} data-claim={row.name} className="grid gap-1.5 py-3 md:table-row">
            <th scope="row" className="pr-4 align-top font-normal md:py-3">
              <code className="font-mono text-[13px] font-semibold break-all text-violet-700">
                {row.name}
              </code>
            </th>
            <td className="min-w-0 pr-4 align-top md:py-3">
              <ClaimValue row={row} />
            </td>
            <td className="align-top text-slate-600 md:py-3">
              {row.meaning ? (
                <>
                  <span>{row.meaning}</span>{' '}
                  <span className="text-xs whitespace-nowrap text-slate-400">{row.source}</span>
                </>
              ) : (
                <span className="text-slate-400 italic">
                  Not registered: it means whatever issuer and reader agreed.
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ClaimValue({ row }: { row: ClaimRow }) {
  return (
    <div className="space-y-1.5">
      <p className="font-mono text-[13px] break-all whitespace-pre-wrap text-slate-900">
        {row.display}
      </p>
      {row.time ? (
        <div className="space-y-1">
          <Badge tone={timeTone(row.name, row.time.inPast)}>{row.time.relative}</Badge>
          <dl className="grid grid-cols-[3rem_minmax(0,1fr)] gap-x-2 text-xs text-slate-600">
            <dt className="text-slate-400">Local</dt>
            <dd>{formatLocal(row.time.seconds)}</dd>
            <dt className="text-slate-400">UTC</dt>
            <dd>{row.time.utc}</dd>
          </dl>
        </div>
      ) : null}
      {row.problem ? <Badge tone="warn">{row.problem}</Badge> : null}
    </div>
  );
}

function timeTone(name: string, inPast: boolean): Tone {
  if (name === 'exp') return inPast ? 'bad' : 'good';
  if (name === 'nbf') return inPast ? 'neutral' : 'warn';
  return inPast ? 'neutral' : 'warn';
}
