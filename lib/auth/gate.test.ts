import { describe, expect, it } from 'vitest';
import { authCookieNames } from './cookies';
import {
  decideAccess,
  pageActionFor,
  readBearerToken,
  readCredential,
  wwwAuthenticate,
} from './gate';

describe('readBearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc', 'abc'],
    ['BEARER abc', 'abc'],
    ['Bearer  abc', 'abc'],
    ['Bearer\tabc ', 'abc'],
  ])('reads %j', (header, token) => {
    expect(readBearerToken(header)).toBe(token);
  });

  it.each(['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', 'Bearerabc', ''])(
    'finds no token in %j',
    (header) => {
      expect(readBearerToken(header)).toBeNull();
    },
  );
});

describe('readCredential', () => {
  const names = authCookieNames(false);

  it('prefers a Bearer token over cookies', () => {
    const headers = new Headers({ authorization: 'Bearer t1', cookie: 'll_sid=s1' });
    expect(readCredential(headers, names)).toEqual({ mode: 'jwt', source: 'bearer', value: 't1' });
  });

  it('reads each mode from its own cookie and ignores empty values', () => {
    expect(readCredential(new Headers({ cookie: 'll_sealed=x' }), names)?.mode).toBe('sealed');
    expect(readCredential(new Headers({ cookie: 'a=1; ll_sid=y' }), names)?.mode).toBe('session');
    expect(readCredential(new Headers({ cookie: 'll_access=' }), names)).toBeNull();
  });

  it('uses __Host- names over HTTPS and ignores the plain ones there', () => {
    const secureNames = authCookieNames(true);
    expect(secureNames.jwt).toBe('__Host-ll_access');
    expect(readCredential(new Headers({ cookie: 'll_access=x' }), secureNames)).toBeNull();
  });
});

describe('decideAccess', () => {
  it('sends the failure code when nobody is signed in', () => {
    expect(decideAccess(null, 'TOKEN_EXPIRED', 'any')).toEqual({
      allow: false,
      code: 'TOKEN_EXPIRED',
    });
    expect(pageActionFor(decideAccess(null, 'TOKEN_EXPIRED', 'any'))).toEqual({ kind: 'login' });
  });

  it('forbids a signed-in user without the role, so pages show 403 and never loop', () => {
    expect(decideAccess('user', null, 'admin')).toEqual({ allow: false, code: 'FORBIDDEN' });
    expect(pageActionFor(decideAccess('user', null, 'admin'))).toEqual({ kind: 'forbidden' });
    expect(decideAccess('admin', null, 'admin')).toEqual({ allow: true });
  });
});

describe('wwwAuthenticate', () => {
  it('follows RFC 6750 §3: no error code without credentials, else the right one', () => {
    expect(wwwAuthenticate('NO_CREDENTIALS', 'x')).toBe('Bearer realm="login-lab"');
    expect(wwwAuthenticate('TOKEN_EXPIRED', 'x')).toContain('error="invalid_token"');
    expect(wwwAuthenticate('FORBIDDEN', 'x')).toContain('error="insufficient_scope"');
  });
});
