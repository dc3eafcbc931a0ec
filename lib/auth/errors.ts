// The closed set of error codes from DESIGN.md's table, with the few this app adds
// (INVALID_CREDENTIALS, NOT_FOUND, COOKIE_TOO_LARGE). Messages are for people; codes are stable.
export const ERRORS = {
  NO_CREDENTIALS: { status: 401, message: 'Authentication is required.' },
  TOKEN_MALFORMED: { status: 401, message: 'The token is not a well-formed compact JWT.' },
  TOKEN_INVALID: { status: 401, message: 'The token could not be verified.' },
  TOKEN_EXPIRED: { status: 401, message: 'The token has expired.' },
  TOKEN_NOT_YET_VALID: { status: 401, message: 'The token is not valid yet.' },
  TOKEN_REVOKED: { status: 401, message: 'The token was revoked; sign in again.' },
  SESSION_EXPIRED: { status: 401, message: 'The session has ended; sign in again.' },
  USER_NOT_FOUND: { status: 401, message: 'The account no longer exists.' },
  USER_DISABLED: { status: 401, message: 'The account is disabled.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Email or password is incorrect.' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  BAD_REQUEST: { status: 400, message: 'The request could not be read.' },
  VALIDATION_FAILED: { status: 422, message: 'Some fields are invalid.' },
  COOKIE_TOO_LARGE: {
    status: 422,
    message: 'The credential would exceed the 4096-byte cookie limit, so it was not issued.',
  },
  RATE_LIMITED: { status: 429, message: 'Too many attempts; wait and try again.' },
  STORE_UNAVAILABLE: { status: 503, message: 'The session store is unreachable; try again.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export type FieldErrors = Record<string, string[]>;

// Next bundles route handlers and pages apart, each with its own copy of this class, while the
// session store that throws these is one per process (globalThis): instanceof would miss them.
const AUTH_ERROR: unique symbol = Symbol.for('login-lab.AuthError');

export class AuthError extends Error {
  override name = 'AuthError';
  readonly [AUTH_ERROR] = true;
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldErrors;
  readonly retryAfter?: number;
  // False when a 401/403 is not about the access token (a wrong password, a foreign Origin), so
  // no RFC 6750 challenge is sent with it.
  readonly challenge: boolean;

  constructor(
    code: ErrorCode,
    options: {
      message?: string;
      fields?: FieldErrors;
      retryAfter?: number;
      challenge?: boolean;
    } = {},
  ) {
    super(options.message ?? ERRORS[code].message);
    this.code = code;
    this.status = ERRORS[code].status;
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
    this.challenge = options.challenge ?? true;
  }
}

export function isAuthError(error: unknown): error is AuthError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { [AUTH_ERROR]?: unknown })[AUTH_ERROR] === true
  );
}
