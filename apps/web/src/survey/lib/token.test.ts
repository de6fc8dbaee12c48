import { describe, expect, it } from 'vitest';
import { tokenFromPath } from './token';

describe('tokenFromPath', () => {
  it('reads the token of /s/<token>', () => {
    expect(tokenFromPath('/s/AbC-d_9')).toBe('AbC-d_9');
    expect(tokenFromPath('//s/AbC-d_9/')).toBe('AbC-d_9');
  });

  it('drops punctuation a mail program took along from the end of a sentence', () => {
    expect(tokenFromPath('/s/AbC-d_9.')).toBe('AbC-d_9');
    expect(tokenFromPath('/s/AbC-d_9%29.')).toBe('AbC-d_9');
  });

  it('answers empty for an address without a token', () => {
    expect(tokenFromPath('/s/')).toBe('');
    expect(tokenFromPath('/s')).toBe('');
    expect(tokenFromPath('/s/a/b')).toBe('');
    expect(tokenFromPath('/s/%E0%A4%A')).toBe('');
  });
});
