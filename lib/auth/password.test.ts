import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with argon2id at the OWASP parameters and verifies', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapler')).toBe(false);
  });

  it('treats a corrupt stored hash as a failed check, not an exception', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('spends a real verification on unknown emails and always fails', async () => {
    expect(await verifyAgainstDummy('whatever it is')).toBe(false);
  });
});
