import type { CookieBudget } from '@/lib/dashboard/compare';
import { Badge } from '../ui/badge';
import { Panel } from '../ui/panel';

export function BudgetPanel({ budget }: { budget: CookieBudget }) {
  return (
    <Panel
      title="Byte budget"
      subtitle={
        `Browsers drop any cookie over ${budget.limit} bytes (name + value) without a word; ` +
        'this app refuses to issue one instead (COOKIE_TOO_LARGE).'
      }
      testId="panel-budget"
    >
      <ul className="space-y-2">
        {budget.cookies.map((cookie) => (
          <li key={cookie.name} className="space-y-1">
            <div className="flex items-center justify-between gap-2">
              <span className="font-mono text-xs break-all">{cookie.name}</span>
              <span className="flex shrink-0 items-center gap-2">
                {cookie.auth ? <Badge tone="info">auth</Badge> : null}
                <span
                  className={
                    cookie.bytes > budget.limit ? 'font-semibold text-rose-700' : 'text-slate-700'
                  }
                >
                  {cookie.bytes} B
                </span>
              </span>
            </div>
            <div className="h-1.5 w-full overflow-hidden rounded-full bg-slate-100" aria-hidden>
              <div
                className={
                  cookie.bytes > budget.limit ? 'h-full bg-rose-500' : 'h-full bg-indigo-500'
                }
                style={{ width: `${Math.min(100, (cookie.bytes / budget.limit) * 100)}%` }}
              />
            </div>
          </li>
        ))}
      </ul>
      <p className="text-slate-700" data-testid="budget-header">
        Whole <code className="font-mono text-xs">Cookie</code> header: {budget.headerBytes} bytes
      </p>
    </Panel>
  );
}
