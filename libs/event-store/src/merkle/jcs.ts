/**
 * RFC 8785 JSON Canonicalization Scheme: object keys sorted by UTF-16 code units, no whitespace, numbers and
 * strings as ECMAScript's JSON.stringify writes them (which is what RFC 8785 specifies). Values JSON cannot carry
 * (undefined, functions, NaN, ±Infinity, bigint) are refused rather than silently dropped, since a leaf must not
 * depend on what happened to be left out.
 */
export function jcs(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`JCS cannot encode ${value}`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`JCS cannot encode a ${typeof value}`);
  }
  if (Array.isArray(value)) return `[${value.map((item) => jcs(item)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const object = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, as RFC 8785 §3.2.3 requires.
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${jcs(object[key])}`).join(',')}}`;
}
