/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), arrays in order, no whitespace, properties whose value
 * is undefined left out. For plain JSON data this is the JSON Canonicalization Scheme (RFC 8785): JavaScript's own
 * number and string serialisation are the ones that scheme prescribes.
 *
 * @throws on values JSON cannot represent faithfully (NaN, Infinity, bigint, functions, class instances), rather
 *   than hashing a silently altered copy.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonicalJson cannot represent the number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((element) => (element === undefined ? 'null' : canonicalJson(element))).join(',')}]`;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) {
        throw new Error('canonicalJson supports plain objects only');
      }
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new Error(`canonicalJson cannot represent a value of type ${typeof value}`);
  }
}
