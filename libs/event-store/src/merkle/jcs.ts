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
  // String building rather than map/join: the integrator encodes several of these per event.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + jcs(value[i]);
    return `${out}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const object = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, as RFC 8785 §3.2.3 requires.
  const keys = Object.keys(object).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    out += `${i ? ',' : ''}${JSON.stringify(key)}:${jcs(object[key])}`;
  }
  return `${out}}`;
}
