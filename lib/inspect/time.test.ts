import { describe, expect, it } from 'vitest';
import { describeClaims } from './claims';
import { describeDuration, describeTimeClaim, formatLocal, formatUtc } from './time';

const NOW = 1_780_272_000; // 2026-06-01T00:00:00Z

describe('describeTimeClaim', () => {
  it('says how long ago an exp passed', () => {
    expect(describeTimeClaim('exp', NOW - 3 * 86_400 - 7, NOW).relative).toBe('expired 3 days ago');
  });

  it('says how long an exp still has to run', () => {
    expect(describeTimeClaim('exp', NOW + 4 * 60 + 59, NOW).relative).toBe(
      'valid for 4 more minutes',
    );
  });

  it('counts exp equal to now as expired (RFC 7519 §4.1.4)', () => {
    expect(describeTimeClaim('exp', NOW, NOW)).toMatchObject({
      inPast: true,
      relative: 'expired just now',
    });
  });

  it('describes nbf and iat on both sides of now', () => {
    expect(describeTimeClaim('nbf', NOW + 3_600, NOW).relative).toBe('not valid for 1 more hour');
    expect(describeTimeClaim('nbf', NOW - 120, NOW).relative).toBe('in effect since 2 minutes ago');
    expect(describeTimeClaim('iat', NOW - 1, NOW).relative).toBe('issued 1 second ago');
    expect(describeTimeClaim('iat', NOW + 2 * 86_400, NOW).relative).toBe(
      'issued in the future, 2 days from now',
    );
  });
});

describe('formatting', () => {
  it('uses the largest whole unit', () => {
    expect(describeDuration(400 * 86_400)).toBe('1 year');
    expect(describeDuration(-90)).toBe('1 minute');
    expect(describeDuration(0.4)).toBe('0 seconds');
  });

  it('writes UTC dates without depending on the machine zone', () => {
    expect(formatUtc(1_300_819_380)).toBe('2011-03-22 18:43:00 UTC');
    expect(formatUtc(1e20)).toBe('out of range');
  });

  it('writes local dates in the zone asked for', () => {
    expect(formatLocal(NOW, 'Asia/Tokyo')).toMatch(/2026/);
    expect(formatLocal(NOW, 'Asia/Tokyo')).toMatch(/9:00:00/);
  });
});

describe('describeClaims', () => {
  it('gives registered claims a meaning and time claims their dates', () => {
    const rows = describeClaims({ iss: 'joe', exp: NOW + 300, custom: { a: 1 } }, NOW);
    expect(rows[0]).toMatchObject({ name: 'iss', display: 'joe', source: 'RFC 7519 §4.1.1' });
    expect(rows[1]?.time).toMatchObject({
      relative: 'valid for 5 more minutes',
      utc: '2026-06-01 00:05:00 UTC',
    });
    expect(rows[2]).toMatchObject({ display: '{"a":1}', meaning: null });
  });

  it('flags a time claim that is not a number', () => {
    const [row] = describeClaims({ exp: '2100-01-01T00:00:00Z' }, NOW);
    expect(row?.time).toBeNull();
    expect(row?.problem).toMatch(/not a NumericDate/);
  });

  it('shows markup in a claim as the same characters, for rendering as text', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(describeClaims({ name }, NOW)[0]?.display).toBe(name);
  });
});
