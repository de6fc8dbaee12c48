import fc from 'fast-check';

/** Strings that have broken parsers, queries and pages elsewhere. */
export const NASTY_STRINGS = [
  '',
  ' ',
  "' OR '1'='1",
  "'; DROP TABLE responses; --",
  '1; SELECT pg_sleep(10)',
  "\\'; select * from users; --",
  '" OR ""="',
  '%27%20OR%201%3D1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%00',
  '\u0000',
  '\r\nSet-Cookie: x=y',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '𝕳𝖊𝖑𝖑𝖔 👩‍👩‍👧‍👦 🇳🇱',
  'Z̤̺̦̤̰̠̞̃̓̓̎ͤ͒a̮̩̞͎̦̘̮l̠ͮg̮o',
  '\ufeff',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'nl',
  'en',
  'a'.repeat(10_000),
];

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2, 3, 4, 5, 6, 99, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, 5e-324, 0.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, with nasty strings, nasty keys and numbers at every level. */
export const nastyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** Replaces, removes or adds one field of a valid object: close enough to valid to reach the deeper checks. */
export function mutated(valid: fc.Arbitrary<Record<string, unknown>>, fields: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const field = fc.oneof(fc.constantFrom(...fields), nastyString);
  return fc.oneof(
    fc.tuple(valid, field, nastyJson).map(([body, key, value]) => ({ ...body, [key]: value })),
    fc.tuple(valid, field).map(([body, key]) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key))),
    fc.tuple(valid, fc.constantFrom(...fields), fc.dictionary(nastyString, nastyJson, { maxKeys: 4 })).map(([body, key, inner]) => ({
      ...body,
      [key]: inner,
    })),
  );
}

/** Text that is not JSON, or not quite: what a broken client or an attacker sends with a JSON content type. */
const malformedJson = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
  fc.jsonValue().map((v) => `${JSON.stringify(v)}garbage`),
  fc.jsonValue().map((v) => `\ufeff${JSON.stringify(v)}`),
  fc.constantFrom(
    '{',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    '[1,2',
    'NaN',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"a":1,"a":2}',
    '"\\ud800"',
    '{"a":"\\u0000"}',
  ),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => '['.repeat(n)),
  // Deep but valid JSON: parses, and must not overflow a recursive validator.
  fc.integer({ min: 1_000, max: 50_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
);

/** Bodies over the 1 MiB limit, and large ones under it. */
const hugeBody = fc.oneof(
  fc.integer({ min: 1_048_577, max: 3_000_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 100_000, max: 1_000_000 }).map((n) => JSON.stringify({ submissionId: 'x', language: 'nl', answers: { a: 'x'.repeat(n) } })),
  fc.integer({ min: 1_000, max: 5_000 }).map((n) => JSON.stringify({ answers: Object.fromEntries(Array.from({ length: n }, (_, i) => [`item_${i}`, i])) })),
);

export const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'APPLICATION/JSON',
      'text/plain',
      'text/csv',
      'text/html',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'application/octet-stream',
      'application/json-patch+json',
      '',
      ';;;',
      'application/json; boundary=',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);


/**
 * A body for an endpoint that takes JSON: mostly JSON built around a valid body (valid ones included, so that the
 * accepted path is fuzzed too), then any JSON, malformed text and huge bodies.
 */
export function bodyFor(valid: fc.Arbitrary<Record<string, unknown>>, fields: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: valid.map((b) => JSON.stringify(b)) },
    { weight: 4, arbitrary: mutated(valid, fields).map((b) => JSON.stringify(b)) },
    { weight: 3, arbitrary: nastyJson.map((b) => JSON.stringify(b) ?? 'null') },
    { weight: 3, arbitrary: malformedJson },
    { weight: 1, arbitrary: hugeBody },
  );
}

/** Percent-encodes; a lone surrogate (which encodeURIComponent refuses) becomes an invalid UTF-8 sequence. */
export const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};

/** A path segment: what a mistyped, truncated, encoded or hostile link puts where a token or id belongs. */
export const pathSegment = fc.oneof(
  fc.webSegment(),
  nastyString.map(encode),
  fc.constantFrom('%', '%zz', '%c0%ae', '..', '.', '%2e%2e', '%2F', 'a%00b', '~', '*', ';', '%ff%fe'),
  fc.uuid(),
  fc.base64String({ minLength: 1, maxLength: 300 }).map((s) => s.replaceAll('/', '_').replaceAll('+', '-')),
);

/** A query string with repeated, empty, nasty and encoded parameters. */
export const queryString = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom('lang', 'root', 'depth', 'format', '__proto__'), fc.webSegment()), fc.oneof(nastyString, fc.webSegment())), {
    maxLength: 4,
  })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}` : ''));

export const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS');
