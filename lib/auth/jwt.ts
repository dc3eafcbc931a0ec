import { errors, jwtVerify, SignJWT } from 'jose';
import { parseCompactJws, type CompactJws } from './compact';
import type { ErrorCode } from './errors';
import { isRole, type Role } from './roles';

// Web APIs only: this module also runs in the Edge Runtime (see jwt.edge.test.ts).

export const JWT_ALG = 'HS256';
// RFC 9068 §2.1: an explicit type keeps an access token from being mistaken for another JWT.
export const JWT_TYP = 'at+jwt';

export interface JwtSettings {
  secret: Uint8Array;
  kid: string;
  issuer: string;
  audience: string;
  accessTtl: number;
  clockTolerance: number;
}

export interface AccessTokenSubject {
  id: string;
  email: string;
  role: Role;
  tokenVersion: number;
}

export interface AccessClaims {
  sub: string;
  email: string;
  role: Role;
  ver: number;
  iss: string;
  aud: string | string[];
  iat: number;
  exp: number;
  jti: string;
  [claim: string]: unknown;
}

export type TokenCheck =
  | { ok: true; claims: AccessClaims; header: Record<string, unknown> }
  | { ok: false; code: ErrorCode; reason: string; parsed: CompactJws | null };

export interface AccessTokenVerifier {
  verify(token: string, now?: Date): Promise<TokenCheck>;
}

export async function issueAccessToken(
  settings: JwtSettings,
  subject: AccessTokenSubject,
  now: Date = new Date(),
): Promise<{ token: string; claims: AccessClaims }> {
  const iat = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({
    email: subject.email,
    role: subject.role,
    ver: subject.tokenVersion,
  })
    .setProtectedHeader({ alg: JWT_ALG, typ: JWT_TYP, kid: settings.kid })
    .setSubject(subject.id)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + settings.accessTtl)
    .setJti(crypto.randomUUID())
    .sign(settings.secret);
  const parsed = parseCompactJws(token);
  return { token, claims: parsed!.payload as AccessClaims };
}

const CACHE_LIMIT = 1000;

export function createAccessTokenVerifier(settings: JwtSettings): AccessTokenVerifier {
  const keyPromise = crypto.subtle.importKey(
    'raw',
    settings.secret as BufferSource,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  // Verified tokens by their exact string; an entry is used only until the token's own exp.
  // The cache dies with this verifier, so a key change never meets an old entry.
  const verified = new Map<string, TokenCheck & { ok: true }>();

  async function verify(token: string, now: Date = new Date()): Promise<TokenCheck> {
    const hit = verified.get(token);
    const nowSeconds = now.getTime() / 1000;
    if (
      hit &&
      hit.claims.exp > nowSeconds &&
      hit.claims.iat <= nowSeconds + settings.clockTolerance
    ) {
      return hit;
    }

    const parsed = parseCompactJws(token);
    if (!parsed)
      return { ok: false, code: 'TOKEN_MALFORMED', reason: 'not canonical compact JWS', parsed };
    if (parsed.header.alg !== JWT_ALG)
      return fail('TOKEN_INVALID', `alg ${String(parsed.header.alg)}`, parsed);
    if (parsed.header.kid !== settings.kid) return fail('TOKEN_INVALID', 'unknown kid', parsed);

    try {
      const { payload, protectedHeader } = await jwtVerify(token, await keyPromise, {
        algorithms: [JWT_ALG],
        typ: JWT_TYP,
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['exp', 'iat', 'sub', 'jti'],
        maxTokenAge: settings.accessTtl,
        clockTolerance: settings.clockTolerance,
        currentDate: now,
      });
      if (
        typeof payload.sub !== 'string' ||
        !isRole(payload.role) ||
        typeof payload.ver !== 'number'
      ) {
        return fail('TOKEN_INVALID', 'claims of the wrong shape', parsed);
      }
      const result = {
        ok: true as const,
        claims: payload as AccessClaims,
        header: protectedHeader,
      };
      remember(token, result);
      return result;
    } catch (error) {
      return fail(
        codeForJoseError(error),
        error instanceof Error ? error.message : 'unknown',
        parsed,
      );
    }
  }

  function remember(token: string, result: TokenCheck & { ok: true }): void {
    if (verified.size >= CACHE_LIMIT) verified.delete(verified.keys().next().value!);
    verified.set(token, result);
  }

  return { verify };
}

function fail(code: ErrorCode, reason: string, parsed: CompactJws | null): TokenCheck {
  return { ok: false, code, reason, parsed };
}

function codeForJoseError(error: unknown): ErrorCode {
  if (error instanceof errors.JWTExpired) {
    // maxTokenAge reports an iat too far in the past as expired, which it is.
    return 'TOKEN_EXPIRED';
  }
  if (
    error instanceof errors.JWTClaimValidationFailed &&
    (error.claim === 'nbf' || error.claim === 'iat') &&
    error.reason === 'check_failed'
  ) {
    return 'TOKEN_NOT_YET_VALID';
  }
  return 'TOKEN_INVALID';
}
