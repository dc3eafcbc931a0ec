import { MODE_LABELS } from '@/lib/auth/modes';
import type { ModeComparison } from '@/lib/dashboard/compare';
import { Badge } from '../ui/badge';
import { TableHead } from '../ui/table-head';

export function ComparePanel({ rows }: { rows: ModeComparison[] }) {
  return (
    <section
      aria-label="The three modes compared"
      className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <table
        className="w-full min-w-[44rem] divide-y divide-slate-200 text-sm"
        data-testid="compare-table"
      >
        <caption className="px-4 pt-4 text-left text-sm font-semibold uppercase tracking-wide text-slate-500">
          The same user, three ways
        </caption>
        <TableHead
          columns={['Mode', 'Browser holds', 'Anyone can read', 'Server holds', '/admin right now']}
          shaded={false}
        />
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr
              key={row.mode}
              data-testid={`compare-${row.mode}`}
              className={row.current ? 'bg-indigo-50/60' : ''}
            >
              <th
                scope="row"
                className="px-4 py-3 text-left align-top font-medium whitespace-nowrap text-slate-900"
              >
                {MODE_LABELS[row.mode]} {row.current ? <Badge tone="info">current</Badge> : null}
              </th>
              <td className="px-4 py-3 align-top text-slate-700">
                {row.mode === 'jwt'
                  ? 'a signed token'
                  : row.mode === 'sealed'
                    ? 'an encrypted session'
                    : 'a random id'}
                <span
                  className="block text-xs text-slate-500"
                  data-testid={`compare-${row.mode}-bytes`}
                >
                  {row.cookieBytes} bytes
                </span>
              </td>
              <td
                className="px-4 py-3 align-top text-slate-700"
                data-testid={`compare-${row.mode}-readable`}
              >
                {row.readable}
              </td>
              <td className="px-4 py-3 align-top text-slate-700">{row.serverHolds}</td>
              <td className="px-4 py-3 align-top" data-testid={`compare-${row.mode}-admin`}>
                <span className="whitespace-nowrap">
                  <Badge tone={row.adminDecision.allow ? 'good' : 'bad'}>
                    {row.adminDecision.allow ? 'allow' : `deny · ${row.adminDecision.code}`}
                  </Badge>
                </span>
                <span className="mt-1 block text-xs text-slate-500">{row.adminDecision.basis}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
