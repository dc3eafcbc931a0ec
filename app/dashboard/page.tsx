import { CookiePanel } from '@/components/dashboard/cookie-panel';
import { StorePanel } from '@/components/dashboard/store-panel';
import { TokenPanel } from '@/components/dashboard/token-panel';
import { UserRowPanel } from '@/components/dashboard/user-row-panel';
import { Badge } from '@/components/ui/badge';
import { secondaryButtonClass } from '@/components/ui/styles';
import { MODE_LABELS } from '@/lib/auth/modes';
import { buildDashboard } from '@/lib/dashboard';
import { getAuth, requirePageViewer } from '@/lib/dal';
import { toPublicUser } from '@/lib/public-user';
import { refreshCredentialAction } from './actions';

export const metadata = { title: 'Dashboard' };

const TOKEN_NOTES = {
  jwt: '',
  sealed: 'Sealed mode has no readable token: the cookie is encrypted, so only the server can open it.',
  session: 'Session mode has no token to decode: the cookie is a random id that means nothing by itself.',
};

const STORE_NOTES = {
  jwt: 'JWT mode keeps nothing here: everything the server needs is inside the signed token.',
  sealed: 'Sealed mode keeps nothing here: the session travels inside the encrypted cookie.',
  session: '',
};

export default async function DashboardPage() {
  const viewer = await requirePageViewer('any', '/dashboard');
  const auth = await getAuth();
  const view = await buildDashboard(viewer, auth.credential!);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your login, inside out</h1>
        <Badge tone="good">{MODE_LABELS[viewer.mode]}</Badge>
        <span className="text-sm text-slate-600">signed in as <strong data-testid="dashboard-email">{viewer.user.email}</strong></span>
      </div>
      {view.staleRole ? (
        <div role="status" data-testid="stale-role" className="flex flex-wrap items-center gap-3 rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="flex-1">
            Your credential says <strong>{view.staleRole.tokenRole}</strong>, the database says{' '}
            <strong>{view.staleRole.databaseRole}</strong>. A signed or sealed credential keeps the role it was
            issued with until it is replaced — the gate still decides with <strong>{view.staleRole.tokenRole}</strong>.
          </p>
          <form action={refreshCredentialAction}>
            <button type="submit" className={secondaryButtonClass}>Get a fresh credential</button>
          </form>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <CookiePanel cookie={view.cookie} />
        <UserRowPanel user={toPublicUser(viewer.user)} tokenVersion={viewer.user.tokenVersion} />
        <TokenPanel token={view.token} modeNote={TOKEN_NOTES[viewer.mode]} />
        <StorePanel store={view.store} modeNote={STORE_NOTES[viewer.mode]} />
      </div>
    </div>
  );
}
