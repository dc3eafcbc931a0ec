// The cookie each mode's login sets, as a client sees it over plain http (no __Host- prefix).
// Plain data, so Vitest tests and Playwright specs can both import it.

export type Mode = 'jwt' | 'sealed' | 'session';

export const AUTH_COOKIES: Record<Mode, string> = {
  jwt: 'll_access',
  sealed: 'll_sealed',
  session: 'll_sid',
};
