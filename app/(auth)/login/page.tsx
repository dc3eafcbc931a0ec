import { AuthForm } from '@/components/auth/auth-form';
import { AUTH_MODES, MODE_LABELS } from '@/lib/auth/modes';
import { getConfig } from '@/lib/config';
import { safeNextPath } from '@/lib/validation';
import { loginAction } from '../actions';
import { AuthCard } from '../auth-card';

export const metadata = { title: 'Log in' };

const HINTS = {
  jwt: 'A signed token anyone can read.',
  sealed: 'The session, encrypted into the cookie.',
  session: 'A random id; the state stays on the server.',
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; registered?: string }>;
}) {
  const params = await searchParams;
  const modes = AUTH_MODES.map((mode) => ({
    value: mode,
    label: MODE_LABELS[mode],
    hint: HINTS[mode],
  }));
  return (
    <AuthCard
      title="Log in"
      intro={
        params.registered ? (
          <p
            className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-800 ring-1 ring-emerald-200"
            role="status"
          >
            Account created. Log in to continue.
          </p>
        ) : (
          'Pick how the server should remember you, then compare the three on your dashboard.'
        )
      }
    >
      <AuthForm
        kind="login"
        action={loginAction}
        next={safeNextPath(params.next)}
        modes={modes}
        defaultMode={getConfig().defaultMode}
      />
    </AuthCard>
  );
}
