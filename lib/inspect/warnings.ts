import type { DecodedJson, JsonObject, ParsedToken } from './parse-token';
import { describeDuration, describeTimeClaim, isNumericDate } from './time';

export type WarningCode =
  | 'jwe'
  | 'oversize'
  | 'padding'
  | 'standard-alphabet'
  | 'invalid-characters'
  | 'alg-none'
  | 'crit'
  | 'duplicate-members'
  | 'no-exp'
  | 'long-lifetime'
  | 'expired'
  | 'not-yet-valid'
  | 'issued-in-future'
  | 'not-a-numeric-date'
  | 'short-secret'
  | 'private-key';

export interface InspectorWarning {
  code: WarningCode;
  message: string;
}

// RFC 6265 §6.1: browsers need only keep 4096 bytes per cookie, name and attributes included.
const COOKIE_LIMIT = 4096;
const DAY = 86_400;

export function collectEncodingWarnings(parsed: ParsedToken): InspectorWarning[] {
  const warnings: InspectorWarning[] = [];
  const flawed = (flaw: 'padding' | 'standardAlphabet' | 'invalidCharacters'): string =>
    parsed.segments
      .filter((segment) => segment.flaws[flaw])
      .map((segment) => segment.role)
      .join(', ');
  const form = parsed.kind === 'jwe' ? 'JWE' : 'JWS';

  if (parsed.kind === 'jwe') {
    warnings.push({ code: 'jwe', message: 'JWE (5 parts): header shown, payload encrypted' });
  }
  if (parsed.byteLength > COOKIE_LIMIT) {
    const message = `token over 4096 bytes (${parsed.byteLength}): too big for a browser cookie`;
    warnings.push({ code: 'oversize', message });
  }
  const padded = flawed('padding');
  if (padded) {
    const message = `padding in a segment: not a compact ${form} (${padded})`;
    warnings.push({ code: 'padding', message });
  }
  const standard = flawed('standardAlphabet');
  if (standard) {
    const what = 'non-URL-safe characters (+ or /) in a segment: base64, not base64url';
    const message = `${what} (${standard})`;
    warnings.push({ code: 'standard-alphabet', message });
  }
  const invalid = flawed('invalidCharacters');
  if (invalid) {
    const message = `characters outside base64url in a segment: it cannot be decoded (${invalid})`;
    warnings.push({ code: 'invalid-characters', message });
  }
  return warnings;
}

export function collectContentWarnings(
  header: DecodedJson | null,
  payload: DecodedJson | null,
  now: number,
): InspectorWarning[] {
  const warnings: InspectorWarning[] = [];
  const alg = header?.value?.alg;
  const crit = header?.value?.crit;

  if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
    warnings.push({
      code: 'alg-none',
      message: `alg: ${alg} — an unsigned token; never accept it`,
    });
  }
  if (crit !== undefined) {
    const names = Array.isArray(crit) ? crit.join(', ') : JSON.stringify(crit);
    const message =
      `crit present (${names}): a verifier that does not understand these must reject ` +
      'the token';
    warnings.push({ code: 'crit', message });
  }
  for (const [part, decoded] of [
    ['header', header],
    ['payload', payload],
  ] as const) {
    for (const duplicate of decoded?.duplicates ?? []) {
      const message =
        `duplicate member name "${duplicate.name}" in the ${part}: parsers disagree on ` +
        'which one counts';
      warnings.push({ code: 'duplicate-members', message });
    }
  }
  if (payload?.value) warnings.push(...collectTimeWarnings(payload.value, now));
  return warnings;
}

function collectTimeWarnings(claims: JsonObject, now: number): InspectorWarning[] {
  const warnings: InspectorWarning[] = [];
  const { exp, nbf, iat } = claims;

  for (const [name, value] of Object.entries({ exp, nbf, iat })) {
    if (value !== undefined && !isNumericDate(value)) {
      const message = `${name} is not a NumericDate (seconds since 1970): verifiers disagree on it`;
      warnings.push({ code: 'not-a-numeric-date', message });
    }
  }
  if (exp === undefined)
    warnings.push({ code: 'no-exp', message: 'no exp: the token never expires' });
  if (isNumericDate(exp)) {
    const lifetime = isNumericDate(iat) ? exp - iat : exp - now;
    if (lifetime > DAY) {
      const reach = isNumericDate(iat) ? '' : ' from now';
      const message = `lifetime over a day (${describeDuration(lifetime)}${reach})`;
      warnings.push({ code: 'long-lifetime', message });
    }
    if (exp <= now)
      warnings.push({ code: 'expired', message: describeTimeClaim('exp', exp, now).relative });
  }
  if (isNumericDate(nbf) && nbf > now) {
    const message = `not yet valid: nbf is ${describeDuration(nbf - now)} from now`;
    warnings.push({ code: 'not-yet-valid', message });
  }
  if (isNumericDate(iat) && iat > now) {
    const message = `iat in the future (${describeDuration(iat - now)} from now)`;
    warnings.push({ code: 'issued-in-future', message });
  }
  return warnings;
}
