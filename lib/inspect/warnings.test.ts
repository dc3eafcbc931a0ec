import { describe, expect, it } from 'vitest';
import { encodeBase64urlText } from '@/lib/auth/base64url';
import { analyzeTexts, analyzeToken } from './inspect';
import { parseTokenInput } from './parse-token';

const NOW = 1_780_272_000;
const HS256 = '{"alg":"HS256","typ":"JWT"}';

function codesFor(headerText: string, payloadText: string, signature = 'c2ln'): string[] {
  const [header, payload] = [encodeBase64urlText(headerText), encodeBase64urlText(payloadText)];
  const token = `${header}.${payload}.${signature}`;
  return analyzeToken(parseTokenInput(token), NOW).warnings.map((warning) => warning.code);
}

function messagesFor(headerText: string, payloadText: string): string[] {
  return analyzeTexts(headerText, payloadText, NOW).warnings.map((warning) => warning.message);
}

describe('token warnings', () => {
  it('gives none for a short-lived, well-formed token', () => {
    expect(codesFor(HS256, `{"iat":${NOW - 60},"exp":${NOW + 600}}`)).toEqual([]);
  });

  it('warns when there is no exp', () => {
    expect(messagesFor(HS256, '{"sub":"1"}')).toContain('no exp: the token never expires');
  });

  it('warns about a lifetime over a day', () => {
    expect(messagesFor(HS256, `{"iat":${NOW},"exp":${NOW + 2 * 86_400}}`)).toEqual([
      'lifetime over a day (2 days)',
    ]);
  });

  it('measures the lifetime from now when there is no iat', () => {
    expect(messagesFor(HS256, `{"exp":${NOW + 90_000}}`)).toEqual([
      'lifetime over a day (1 day from now)',
    ]);
  });

  it('warns about expired, not yet valid and future-issued tokens', () => {
    const payload = `{"iat":${NOW + 60},"nbf":${NOW + 60},"exp":${NOW - 3 * 86_400}}`;
    expect(messagesFor(HS256, payload)).toEqual([
      'expired 3 days ago',
      'not yet valid: nbf is 1 minute from now',
      'iat in the future (1 minute from now)',
    ]);
  });

  it('warns about a time claim written as a string', () => {
    expect(codesFor(HS256, `{"exp":"${NOW + 60}"}`)).toContain('not-a-numeric-date');
  });

  it('warns about alg none in any letter case', () => {
    expect(codesFor('{"alg":"nOnE"}', `{"exp":${NOW + 60}}`, '')).toContain('alg-none');
  });

  it('warns about crit and names the extensions', () => {
    const [message] = messagesFor('{"alg":"HS256","crit":["exp"],"exp":1}', `{"exp":${NOW + 60}}`);
    expect(message).toMatch(/^crit present \(exp\)/);
  });

  it('warns about duplicate member names in the header and in the payload', () => {
    const messages = messagesFor(
      '{"alg":"HS256","alg":"none"}',
      `{"role":"user","exp":${NOW + 60},"role":"admin"}`,
    );
    expect(messages).toContain(
      'duplicate member name "alg" in the header: parsers disagree on which one counts',
    );
    expect(messages).toContain(
      'duplicate member name "role" in the payload: parsers disagree on which one counts',
    );
  });

  it('warns about a token over 4096 bytes', () => {
    const payload = JSON.stringify({ exp: NOW + 60, pad: 'x'.repeat(3_600) });
    expect(codesFor(HS256, payload)).toEqual(['oversize']);
  });

  it('warns about padding and the standard base64 alphabet', () => {
    const payload = encodeBase64urlText(`{"exp":${NOW + 60}}`);
    const token = `${encodeBase64urlText(HS256)}.${payload}=.ab+/`;
    const messages = analyzeToken(parseTokenInput(token), NOW).warnings.map((w) => w.message);
    expect(messages).toEqual([
      'padding in a segment: not a compact JWS (payload)',
      'non-URL-safe characters (+ or /) in a segment: base64, not base64url (signature)',
    ]);
  });

  it('recognises a JWE and gives no claim warnings for its encrypted payload', () => {
    const header = encodeBase64urlText('{"alg":"dir","enc":"A256GCM"}');
    const parsed = parseTokenInput(`${header}..aXY.Y2lwaGVy.dGFn`);
    expect(analyzeToken(parsed, NOW).warnings.map((w) => w.message)).toEqual([
      'JWE (5 parts): header shown, payload encrypted',
    ]);
    expect(analyzeToken(parsed, NOW).headerRows[0]).toMatchObject({
      name: 'alg',
      source: 'RFC 7516 §4.1.1',
    });
  });
});
