import { describe, expect, it } from 'vitest';
import { utf8Encode } from './utf8';

describe('utf8Encode', () => {
  it.each([
    ['', 'empty'],
    ['abc', 'ASCII'],
    ['geïrriteerd, patiënt, collega’s', 'Dutch diacritics and a typographic apostrophe (2 and 3 bytes)'],
    ['€ 10 – 😀 🇳🇱', 'euro sign, en dash, emoji (surrogate pairs, 4 bytes)'],
    ['\u0000\u007f\u0080\u07ff\u0800\uffff', 'the edges of each byte length'],
  ])('matches TextEncoder for %j (%s)', (text) => {
    expect([...utf8Encode(text)]).toEqual([...new TextEncoder().encode(text)]);
  });

  it('turns lone surrogates into U+FFFD, as TextEncoder does', () => {
    for (const text of ['\ud800', 'a\udc00b', '\ud83d']) {
      expect([...utf8Encode(text)]).toEqual([...new TextEncoder().encode(text)]);
    }
    expect([...utf8Encode('\ud800')]).toEqual([0xef, 0xbf, 0xbd]);
  });
});
