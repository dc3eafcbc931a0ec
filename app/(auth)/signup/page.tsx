import { AuthForm } from '@/components/auth/auth-form';
import { safeNextPath } from '@/lib/validation';
import { signupAction } from '../actions';
import { AuthCard } from '../auth-card';

export const metadata = { title: 'Sign up' };

export default async function SignupPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const { next } = await searchParams;
  return (
    <AuthCard
      title="Create an account"
      intro="Your password is hashed with argon2id and never logged or shown."
    >
      <AuthForm kind="signup" action={signupAction} next={safeNextPath(next)} />
    </AuthCard>
  );
}
