export const AUTH_MODES = ['jwt', 'sealed', 'session'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export const MODE_LABELS: Record<AuthMode, string> = {
  jwt: 'Signed JWT',
  sealed: 'Sealed cookie',
  session: 'Server session',
};

export function isAuthMode(value: unknown): value is AuthMode {
  return typeof value === 'string' && (AUTH_MODES as readonly string[]).includes(value);
}
