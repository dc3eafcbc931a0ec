import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { AUTH_MODES, MODE_LABELS, type AuthMode } from '@/lib/auth/modes';
import { readReplayVerdicts, type ReplayVerdict } from '@/lib/replay';
import { TableHead } from '@/components/ui/table-head';

export const metadata = { title: 'Replay my cookie' };

function explain(mode: AuthMode, verdict: ReplayVerdict): string {
  if (mode === 'jwt') {
    return (
      'Accepted: a signed token stays valid until its exp. Logging out only deleted the ' +
      'browser’s copy; anyone who kept one can use it until it expires (or until the token ' +
      'version is bumped).'
    );
  }
  if (mode === 'sealed') {
    return verdict.status === 200
      ? 'Accepted: revocation is off, so a sealed cookie is purely stateless and cannot be ' +
          'called back before it expires.'
      : 'Refused: logout recorded this seal’s id as revoked, and every request checks that ' +
          'list — so sealed mode is no longer purely stateless.';
  }
  return 'Refused: logout deleted the entry from the store, so the id now points at nothing.';
}

export default async function ReplayPage() {
  const verdicts = await readReplayVerdicts();
  return (
    <div className="space-y-6">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Replay my cookie</h1>
        <p className="mt-2 text-slate-600">
          The server kept a copy of the credential your browser sent, logged you out, then presented
          the copy to <code className="font-mono text-sm">GET /api/me</code>. Your browser never saw
          the copy. Log in with another mode and replay again to fill the table.
        </p>
      </div>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="replay-table">
          <TableHead columns={['Mode', 'Answer after logout', 'Why']} />
          <tbody className="divide-y divide-slate-100">
            {AUTH_MODES.map((mode) => {
              const verdict = verdicts[mode];
              return (
                <tr key={mode} data-testid={`replay-${mode}`}>
                  <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
                    {MODE_LABELS[mode]}
                  </th>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {verdict ? (
                      <Badge tone={verdict.status === 200 ? 'bad' : 'good'}>
                        {verdict.status === 200
                          ? '200 accepted'
                          : `${verdict.status} ${verdict.code ?? ''}`}
                      </Badge>
                    ) : (
                      <span className="text-slate-400">not tried yet</span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-slate-600">
                    {verdict ? explain(mode, verdict) : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Link
        href="/login?next=/dashboard"
        className="inline-block font-medium text-indigo-600 hover:text-indigo-500"
      >
        Log in again
      </Link>
    </div>
  );
}
