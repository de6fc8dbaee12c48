import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps arrays in order, without whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1,2]},"b":1}');
  });

  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: { p: true, q: null } })).toBe(canonicalJson({ y: { q: null, p: true }, x: 1 }));
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 prescribes', () => {
    expect(canonicalJson({ b: 1, B: 2, é: 3, a: 4 })).toBe('{"B":2,"a":4,"b":1,"é":3}');
  });

  it('leaves out undefined properties, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined])).toBe('[null]');
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson([1, 1.5, -0, 1e21, 'a"b\n', '€'])).toBe('[1,1.5,0,1e+21,"a\\"b\\n","€"]');
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow('canonicalJson cannot represent the number NaN');
    expect(() => canonicalJson({ a: Infinity })).toThrow('Infinity');
    expect(() => canonicalJson(new Date(0))).toThrow('plain objects only');
    expect(() => canonicalJson(10n)).toThrow('bigint');
  });
});
