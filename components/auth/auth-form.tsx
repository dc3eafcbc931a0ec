'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { buttonClass, inputClass, labelClass } from '../ui/styles';
import type { FormState } from './form-state';

export interface ModeOption {
  value: string;
  label: string;
  hint: string;
}

export function AuthForm({
  kind,
  action,
  next,
  modes,
  defaultMode,
}: {
  kind: 'login' | 'signup';
  action: (state: FormState, data: FormData) => Promise<FormState>;
  next: string;
  modes?: ModeOption[];
  defaultMode?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errorFor = (field: string) => state.fields?.[field]?.join(' ');
  const emailError = errorFor('email');
  const passwordError = errorFor('password');

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="next" value={next} />
      {state.message ? (
        <p
          role="alert"
          className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200"
        >
          {state.message}
        </p>
      ) : null}
      <div className="space-y-1.5">
        <label htmlFor="email" className={labelClass}>
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={Boolean(emailError)}
          aria-describedby={emailError ? 'email-error' : undefined}
          className={inputClass}
        />
        {emailError ? (
          <p id="email-error" className="text-sm text-rose-700">
            {emailError}
          </p>
        ) : null}
      </div>
      <div className="space-y-1.5">
        <label htmlFor="password" className={labelClass}>
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={kind === 'login' ? 'current-password' : 'new-password'}
          required
          aria-invalid={Boolean(passwordError)}
          aria-describedby={
            passwordError ? 'password-error' : kind === 'signup' ? 'password-hint' : undefined
          }
          className={inputClass}
        />
        {passwordError ? (
          <p id="password-error" className="text-sm text-rose-700">
            {passwordError}
          </p>
        ) : kind === 'signup' ? (
          <p id="password-hint" className="text-sm text-slate-500">
            15 to 128 characters. A long phrase is easiest.
          </p>
        ) : null}
      </div>
      {modes ? (
        <fieldset className="space-y-2">
          <legend className={labelClass}>Stay logged in with</legend>
          <div className="grid gap-2 sm:grid-cols-3">
            {modes.map((mode) => (
              <label
                key={mode.value}
                className="flex cursor-pointer flex-col rounded-lg border border-slate-200 p-3 text-sm has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600"
              >
                <span className="flex items-center gap-2 font-medium text-slate-800">
                  <input
                    type="radio"
                    name="mode"
                    value={mode.value}
                    defaultChecked={mode.value === (state.mode ?? defaultMode)}
                    className="accent-indigo-600"
                  />
                  {mode.label}
                </span>
                <span className="mt-1 text-xs text-slate-500">{mode.hint}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? 'Working…' : kind === 'login' ? 'Log in' : 'Create account'}
      </button>
      <p className="text-center text-sm text-slate-600">
        {kind === 'login' ? (
          <>
            No account yet?{' '}
            <Link href="/signup" className="font-medium text-indigo-600 hover:text-indigo-500">
              Sign up
            </Link>
          </>
        ) : (
          <>
            Already registered?{' '}
            <Link href="/login" className="font-medium text-indigo-600 hover:text-indigo-500">
              Log in
            </Link>
          </>
        )}
      </p>
    </form>
  );
}
