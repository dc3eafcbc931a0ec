import { describe, expect, it } from 'vitest';
import { loginSchema, safeNextPath, signupSchema } from './validation';

describe('signupSchema', () => {
  it('trims and lower-cases the email', () => {
    const parsed = signupSchema.parse({ email: '  Ann@Example.COM ', password: 'x'.repeat(15) });
    expect(parsed.email).toBe('ann@example.com');
  });

  it('counts password length in characters, not UTF-16 units', () => {
    expect(signupSchema.safeParse({ email: 'a@b.co', password: '👋'.repeat(15) }).success).toBe(
      true,
    );
    expect(signupSchema.safeParse({ email: 'a@b.co', password: '👋'.repeat(14) }).success).toBe(
      false,
    );
    expect(signupSchema.safeParse({ email: 'a@b.co', password: 'x'.repeat(128) }).success).toBe(
      true,
    );
    expect(signupSchema.safeParse({ email: 'a@b.co', password: 'x'.repeat(129) }).success).toBe(
      false,
    );
  });

  it('refuses a password with a lone surrogate, which would hash like U+FFFD', () => {
    const result = signupSchema.safeParse({ email: 'a@b.co', password: '\ud800'.repeat(20) });
    expect(result.error?.issues[0]?.message).toMatch(/invalid character/);
  });

  it('refuses a NUL character with a clear message', () => {
    const result = signupSchema.safeParse({ email: 'a@b.co', password: `${'x'.repeat(20)}\0` });
    expect(result.error?.issues[0]?.message).toMatch(/NUL/);
  });

  it('refuses an invalid email', () => {
    expect(
      signupSchema.safeParse({ email: 'not-an-email', password: 'x'.repeat(15) }).success,
    ).toBe(false);
  });
});

describe('loginSchema', () => {
  it('accepts only the three modes', () => {
    expect(loginSchema.safeParse({ email: 'a@b.co', password: 'p', mode: 'session' }).success).toBe(
      true,
    );
    expect(loginSchema.safeParse({ email: 'a@b.co', password: 'p', mode: 'cookie' }).success).toBe(
      false,
    );
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/admin', '/admin'],
    ['/dashboard?tab=1#x', '/dashboard?tab=1#x'],
    ['/a/../admin', '/admin'],
  ])('keeps the same-origin path %j', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '/./\\evil.example',
    '/..//evil.example',
    '/.//evil.example',
    '/%2F%2Fevil.example/../..//evil.example',
    '/\nevil',
    'javascript:alert(1)',
    'admin',
    '/\tx',
    undefined,
    42,
  ])('falls back for %j', (input) => {
    expect(safeNextPath(input)).toBe('/dashboard');
  });
});
