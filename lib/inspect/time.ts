export type TimeClaimName = 'exp' | 'nbf' | 'iat';

export interface TimeDescription {
  utc: string;
  relative: string;
  inPast: boolean;
}

const UNITS: [name: string, seconds: number][] = [
  ['year', 365 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

// new Date() accepts at most ±8.64e15 ms (ECMA-262 §21.4.1.1); beyond that there is no date.
const MAX_SECONDS = 8.64e12;

export function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_SECONDS;
}

export function describeDuration(seconds: number): string {
  const magnitude = Math.abs(seconds);
  for (const [name, size] of UNITS) {
    const count = Math.floor(magnitude / size);
    if (count >= 1) return `${count} ${name}${count === 1 ? '' : 's'}`;
  }
  return '0 seconds';
}

// RFC 7519 §4.1.4–4.1.6: exp is the first instant the token is no longer valid, nbf the first
// instant it is, iat when it was issued. `now` is in seconds, passed in so tests can freeze it.
export function describeTimeClaim(
  name: TimeClaimName,
  value: number,
  now: number,
): TimeDescription {
  const delta = value - now;
  const utc = formatUtc(value);
  const inPast = delta <= 0;
  const span = describeDuration(delta);
  const more = span.replace(/^(\d+) /, '$1 more ');
  const justNow = Math.abs(delta) < 1;
  if (name === 'exp') {
    if (inPast)
      return { utc, inPast, relative: justNow ? 'expired just now' : `expired ${span} ago` };
    return { utc, inPast, relative: `valid for ${more}` };
  }
  if (name === 'nbf') {
    if (inPast)
      return {
        utc,
        inPast,
        relative: justNow ? 'in effect from just now' : `in effect since ${span} ago`,
      };
    return { utc, inPast, relative: `not valid for ${more}` };
  }
  if (inPast) return { utc, inPast, relative: justNow ? 'issued just now' : `issued ${span} ago` };
  return { utc, inPast, relative: `issued in the future, ${span} from now` };
}

export function formatUtc(seconds: number): string {
  if (!isNumericDate(seconds)) return 'out of range';
  const [date, time = ''] = new Date(seconds * 1000).toISOString().split('T');
  return `${date} ${time.slice(0, 8)} UTC`;
}

export function formatLocal(seconds: number, timeZone?: string): string {
  if (!isNumericDate(seconds)) return 'out of range';
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'long',
    timeZone,
  }).format(new Date(seconds * 1000));
}
