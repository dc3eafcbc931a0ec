import type { AuthMode } from './modes';

// Every auth cookie's name and attributes are decided here and nowhere else.

export const COOKIE_BYTE_LIMIT = 4096;

const BASE_NAMES: Record<AuthMode, string> = {
  jwt: 'll_access',
  sealed: 'll_sealed',
  session: 'll_sid',
};

export interface CookieAttributes {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  maxAge: number;
}

export function authCookieName(mode: AuthMode, secure: boolean): string {
  // The __Host- prefix makes the browser insist on Secure, Path=/ and no Domain (RFC 6265bis).
  return secure ? `__Host-${BASE_NAMES[mode]}` : BASE_NAMES[mode];
}

export function authCookieNames(secure: boolean): Record<AuthMode, string> {
  return {
    jwt: authCookieName('jwt', secure),
    sealed: authCookieName('sealed', secure),
    session: authCookieName('session', secure),
  };
}

export function authCookieAttributes(secure: boolean, maxAge: number): CookieAttributes {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge };
}

// The size a browser counts against its per-cookie limit: name plus value.
export function cookieSize(name: string, value: string): number {
  return new TextEncoder().encode(name).length + new TextEncoder().encode(value).length;
}

export function describeAttributes(attributes: CookieAttributes): string[] {
  return [
    'HttpOnly',
    'SameSite=Lax',
    'Path=/',
    ...(attributes.secure ? ['Secure'] : []),
    `Max-Age=${attributes.maxAge}`,
  ];
}

export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    // First occurrence wins, as browsers send the most specific cookie first.
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}
