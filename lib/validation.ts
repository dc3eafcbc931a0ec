import { z } from 'zod';
import { AUTH_MODES } from './auth/modes';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth/password-rules';
import { ROLES } from './auth/roles';

// NIST SP 800-63B counts a password's length in characters (code points), not UTF-16 units.
const codePoints = (value: string): number => [...value].length;

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address.' }));

// A lone surrogate would be hashed as U+FFFD, so different inputs would match one password.
const noNul = (value: string): boolean => !value.includes('\0');
const wellFormed = (value: string): boolean => value.isWellFormed();

export const newPasswordSchema = z
  .string({ error: 'Enter a password.' })
  .refine((v) => codePoints(v) >= PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .refine((v) => codePoints(v) <= PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine(noNul, 'The password cannot contain a NUL character.')
  .refine(wellFormed, 'The password contains an invalid character.');

const loginPasswordSchema = z
  .string({ error: 'Enter your password.' })
  .min(1, 'Enter your password.')
  .refine((v) => codePoints(v) <= PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters.`)
  .refine(noNul, 'The password cannot contain a NUL character.')
  .refine(wellFormed, 'The password contains an invalid character.');

export const signupSchema = z.object({ email: emailSchema, password: newPasswordSchema });

export const loginSchema = z.object({
  email: emailSchema,
  password: loginPasswordSchema,
  mode: z.enum(AUTH_MODES, { error: 'Pick jwt, sealed or session.' }).optional(),
});

const roleSchema = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(', ')}.` });

export const roleChangeSchema = z.object({ role: roleSchema });

export const userUpdateSchema = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean({ error: 'disabled must be true or false.' }).optional(),
  })
  // One change per request, so a refused change never leaves the other one half applied.
  .refine((update) => (update.role === undefined) !== (update.disabled === undefined), {
    error: 'Give either a role or disabled, one change per request.',
    path: ['form'],
  });

export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

// Only a same-origin path may be a post-login destination. Backslashes and control characters
// are refused outright (browsers read '\' as '/'), and the path is checked again after URL
// normalisation, since '/./' and '/..' can fold into a scheme-relative '//host'.
export function safeNextPath(next: unknown, fallback = '/dashboard'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || /[\\\x00-\x1f\x7f]/.test(next)) {
    return fallback;
  }
  const url = new URL(next, 'http://login-lab.invalid');
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== 'http://login-lab.invalid' || path.startsWith('//')) return fallback;
  return path;
}
