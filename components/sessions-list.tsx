import type { DeviceSessions } from '@/lib/sessions-view';
import { Badge } from './ui/badge';
import { dangerButtonClass } from './ui/styles';

function describeAgent(agent: string): string {
  if (!agent) return 'unknown device';
  const browser = /(Firefox|Edg|Chrome|Chromium|Safari|curl|node)[/ ]?[\d.]*/.exec(agent)?.[0];
  const system = /(Windows|Mac OS X|Android|iPhone|Linux|X11)/.exec(agent)?.[0];
  return [browser, system].filter(Boolean).join(' on ') || agent.slice(0, 60);
}

export function SessionsList({
  result,
  revokeAction,
  testId,
  limit = Infinity,
}: {
  result: DeviceSessions;
  revokeAction?: (data: FormData) => Promise<void>;
  testId?: string;
  limit?: number;
}) {
  if (!result.ok) {
    return (
      <p
        className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200"
        data-testid={testId}
      >
        The session store is unreachable ({result.code}); the list will be back when it is.
      </p>
    );
  }
  if (result.sessions.length === 0) {
    return (
      <p className="text-slate-600" data-testid={testId}>
        No server sessions.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100" data-testid={testId}>
      {result.sessions.slice(0, limit).map((session) => (
        <li
          key={session.idHash}
          className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2"
          data-testid="device-session"
        >
          <div className="min-w-0 flex-1">
            <p className="font-medium text-slate-800" title={session.userAgent}>
              {describeAgent(session.userAgent)}{' '}
              {session.current ? <Badge tone="info">this browser</Badge> : null}
            </p>
            <p className="text-xs text-slate-500">
              created {session.createdAt.slice(0, 19).replace('T', ' ')} UTC · last seen{' '}
              {session.lastSeenAt.slice(0, 19).replace('T', ' ')} UTC
            </p>
          </div>
          {revokeAction && !session.current ? (
            <form action={revokeAction}>
              <input type="hidden" name="idHash" value={session.idHash} />
              <button type="submit" className={dangerButtonClass}>
                Revoke
              </button>
            </form>
          ) : null}
        </li>
      ))}
      {result.sessions.length > limit ? (
        <li className="py-2 text-xs text-slate-500">
          and {result.sessions.length - limit} more (newest shown first)
        </li>
      ) : null}
    </ul>
  );
}
