import { ValidationError } from '@tradehub/kernel';
import { checkPassword, dummyHash, hashPassword, verifyPassword } from './passwords';

describe('staff passwords', () => {
  it('are 12 to 256 characters, counted as a person counts them', () => {
    expect(checkPassword('a'.repeat(12))).toBe('a'.repeat(12));
    expect(checkPassword('密'.repeat(12))).toBe('密'.repeat(12));
    expect(checkPassword('🔑'.repeat(256))).toHaveLength(512);
    for (const bad of ['', 'a'.repeat(11), '🔑'.repeat(6), 'a'.repeat(257)]) {
      expect(() => checkPassword(bad)).toThrow(ValidationError);
      try {
        checkPassword(bad);
      } catch (error) {
        expect((error as ValidationError).field).toBe('password');
      }
    }
  });

  it('are kept as argon2id hashes, salted, that verify only the same password', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword(first, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(first, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'correct horse battery')).toBe(false);
    expect(await verifyPassword(first, 'x'.repeat(5000))).toBe(false);
    expect(await verifyPassword(await dummyHash(), 'correct horse battery')).toBe(false);
  });
});
