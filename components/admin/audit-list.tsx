import type { AuditRow } from '@/lib/db/schema';

export function AuditList({
  entries,
  emails,
}: {
  entries: AuditRow[];
  emails: Map<string, string>;
}) {
  const name = (id: string | null) => (id ? (emails.get(id) ?? id.slice(0, 8)) : 'system');
  return (
    <ol
      className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm shadow-sm"
      data-testid="audit-log"
    >
      {entries.length === 0 ? <li className="px-4 py-3 text-slate-500">Nothing yet.</li> : null}
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-wrap gap-x-3 px-4 py-2">
          <time className="font-mono text-xs text-slate-500">
            {entry.at.toISOString().slice(0, 19).replace('T', ' ')}
          </time>
          <span className="font-medium text-slate-800">{entry.action}</span>
          <span className="min-w-0 wrap-anywhere text-slate-600">
            by {name(entry.actorId)}
            {entry.targetId && entry.targetId !== entry.actorId ? ` → ${name(entry.targetId)}` : ''}
            {entry.detail ? ` · ${entry.detail}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
