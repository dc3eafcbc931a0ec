import { headers } from 'next/headers';
import { BudgetPanel } from '@/components/dashboard/budget-panel';
import { ComparePanel } from '@/components/dashboard/compare-panel';
import { CookiePanel } from '@/components/dashboard/cookie-panel';
import { ModeSwitcher } from '@/components/dashboard/mode-switcher';
import { ReplayPanel } from '@/components/dashboard/replay-panel';
import { StorePanel } from '@/components/dashboard/store-panel';
import { TokenPanel } from '@/components/dashboard/token-panel';
import { UserRowPanel } from '@/components/dashboard/user-row-panel';
import { Badge } from '@/components/ui/badge';
import { secondaryButtonClass } from '@/components/ui/styles';
import { ERRORS, type ErrorCode } from '@/lib/auth/errors';
import { AUTH_MODES, MODE_LABELS } from '@/lib/auth/modes';
import { compareModes, measureCookieHeader } from '@/lib/dashboard/compare';
import { buildDashboard } from '@/lib/dashboard/panels';
import { getAuth, requirePageViewer } from '@/lib/dal';
import { toPublicUser } from '@/lib/public-user';
import { SessionsList } from '@/components/sessions-list';
import { Panel } from '@/components/ui/panel';
import { listDeviceSessions } from '@/lib/sessions-view';
import {
  logoutOthersAction,
  refreshCredentialAction,
  replayAction,
  revokeSessionAction,
  switchModeAction,
} from './actions';

export const metadata = { title: 'Dashboard' };

const TOKEN_NOTES = {
  jwt: '',
  sealed:
    'Sealed mode has no readable token: the cookie is encrypted, so only the server can open it.',
  session:
    'Session mode has no token to decode: the cookie is a random id that means nothing by itself.',
};

const STORE_NOTES = {
  jwt: 'JWT mode keeps nothing here: everything the server needs is inside the signed token.',
  sealed: 'Sealed mode keeps nothing here: the session travels inside the encrypted cookie.',
  session: '',
};

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  const viewer = await requirePageViewer('any', '/dashboard');
  const auth = await getAuth();
  const [view, comparison] = await Promise.all([
    buildDashboard(viewer, auth.credential!),
    compareModes(viewer),
  ]);
  const budget = measureCookieHeader((await headers()).get('cookie'));
  const devices = await listDeviceSessions(viewer.user.id, viewer.session?.idHash);
  const errorCode = (await searchParams).error;
  const error = errorCode && errorCode in ERRORS ? ERRORS[errorCode as ErrorCode].message : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your login, inside out</h1>
        <span data-testid="dashboard-mode">
          <Badge tone="good">{MODE_LABELS[viewer.mode]}</Badge>
        </span>
        <span className="text-sm text-slate-600">
          signed in as <strong data-testid="dashboard-email">{viewer.user.email}</strong>
        </span>
      </div>
      {error ? (
        <p
          role="alert"
          className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-rose-200"
        >
          {error}
        </p>
      ) : null}
      <ModeSwitcher
        current={viewer.mode}
        modes={AUTH_MODES.map((mode) => ({ mode, label: MODE_LABELS[mode] }))}
        switchAction={switchModeAction}
      />
      {view.staleRole ? (
        <div
          role="status"
          data-testid="stale-role"
          className="flex flex-col items-start gap-3 rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900 sm:flex-row sm:items-center"
        >
          <p className="sm:flex-1">
            Your credential says <strong>{view.staleRole.tokenRole}</strong>, the database says{' '}
            <strong>{view.staleRole.databaseRole}</strong>. A signed or sealed credential keeps the
            role it was issued with until it is replaced — the gate still decides with{' '}
            <strong>{view.staleRole.tokenRole}</strong>.
          </p>
          <form action={refreshCredentialAction}>
            <button type="submit" className={secondaryButtonClass}>
              Get a fresh credential
            </button>
          </form>
        </div>
      ) : null}
      <ComparePanel rows={comparison} />
      <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
        <CookiePanel cookie={view.cookie} />
        <UserRowPanel user={toPublicUser(viewer.user)} tokenVersion={viewer.user.tokenVersion} />
        <TokenPanel token={view.token} sealed={viewer.sealed} modeNote={TOKEN_NOTES[viewer.mode]} />
        <StorePanel store={view.store} modeNote={STORE_NOTES[viewer.mode]} />
        <Panel
          title="Your sessions"
          subtitle="Server sessions of this account: one per browser logged in with session mode."
          testId="panel-sessions"
        >
          <SessionsList
            result={devices}
            revokeAction={revokeSessionAction}
            testId="sessions-list"
          />
          {devices.ok && devices.sessions.some((s) => !s.current) ? (
            <form action={logoutOthersAction}>
              <button type="submit" className={secondaryButtonClass}>
                Log out everywhere else
              </button>
            </form>
          ) : null}
        </Panel>
        <BudgetPanel budget={budget} />
        <ReplayPanel replayAction={replayAction} />
      </div>
    </div>
  );
}
