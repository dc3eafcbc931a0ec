import { describe, expect, it } from 'vitest';
import { formatJson, tokenizeJson } from './json-tokens';

describe('tokenizeJson', () => {
  it('tells keys from string values and keeps every character', () => {
    const text = formatJson({ name: 'a "quoted": value', n: -1.5e3, ok: true, none: null });
    const tokens = tokenizeJson(text);
    expect(tokens.map((token) => token.text).join('')).toBe(text);
    expect(tokens.filter((token) => token.kind === 'key').map((token) => token.text)).toEqual([
      '"name"',
      '"n"',
      '"ok"',
      '"none"',
    ]);
    expect(tokens.find((token) => token.kind === 'string')?.text).toBe('"a \\"quoted\\": value"');
    expect(tokens.find((token) => token.kind === 'number')?.text).toBe('-1500');
  });

  it('keeps markup as plain characters', () => {
    const text = formatJson({ name: '<img src=x onerror=alert(1)>' });
    expect(
      tokenizeJson(text)
        .map((token) => token.text)
        .join(''),
    ).toBe(text);
  });
});
