import { describe, expect, it } from 'vitest';
import { hashPassword, hashSecret, passwordProblem, safeEqual, verifyDummyPassword, verifyPassword } from '../src';

describe('password hashing', () => {
  it('stores argon2id with a fresh salt and the OWASP baseline cost, never the password', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
  });

  it('verifies the right password only, and treats an unreadable hash as a mismatch', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
    expect(await verifyDummyPassword('anything')).toBe(false);
  });

  it('treats the composed and decomposed forms of a letter as the same password', async () => {
    const stored = await hashPassword('wachtwoord-café-123');
    expect(await verifyPassword(stored, 'wachtwoord-cafe\u0301-123')).toBe(true);
  });

  it('asks for length, not for character classes', () => {
    expect(passwordProblem('short')).toBe('must be at least 12 characters');
    expect(passwordProblem('twelve chars')).toBeNull();
    expect(passwordProblem('x'.repeat(257))).toBe('must be at most 256 characters');
  });
});

describe('secrets', () => {
  it('are kept as SHA-256 hex and compared in constant time whatever their length', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(safeEqual('same', 'same')).toBe(true);
    expect(safeEqual('same', 'same but longer')).toBe(false);
  });
});
