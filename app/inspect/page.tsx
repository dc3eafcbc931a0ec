import type { Metadata } from 'next';
import { LockIcon } from '@/components/inspect/icons';
import { TokenInspector } from '@/components/inspect/token-inspector';
import { getOwnTokenForInspector } from '@/lib/dal';

export const metadata: Metadata = { title: 'Token inspector' };

// Open to everyone. Only a visitor logged in with a JWT-mode cookie gets "my own token", and
// even then the page receives the decoded header and payload, never the signature.
export default async function InspectPage() {
  const own = await getOwnTokenForInspector();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Token inspector</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Decode a JWT, read what each claim means, and check its signature against a secret, a
            public key or a key set — what public JWT debuggers do, without sending the token
            anywhere.
          </p>
        </div>
        <p className="inline-flex items-center gap-2 rounded-full bg-emerald-50 px-3 py-1.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200 ring-inset">
          <LockIcon className="size-4" />
          Runs in your browser · nothing is sent
        </p>
      </div>
      <TokenInspector own={own} />
    </div>
  );
}
