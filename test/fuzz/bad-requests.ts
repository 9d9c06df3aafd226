import fc from 'fast-check';
import type { JsonSchema, Operation } from './openapi-operations';

/** One generated request: what it changed from a plausible one, and exactly what goes on the wire. */
export interface BadRequest {
  kind: string;
  /** The field the request got wrong, as the API should name it (dotted body path or parameter name), if one. */
  field?: string;
  method: string;
  /** Already percent-encoded. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

const MEGABYTE = 1024 * 1024;
const injections = [
  "' OR '1'='1' --",
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00',
  '__proto__',
  'constructor',
  '$where',
  '\\',
  '"',
  '`id`',
];
const impossibleDates = [
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '2026-02-29T25:61:00Z',
  '9999-99-99',
  '2026-1-1',
  'now',
];
const controlText = fc
  .array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 20 })
  .map((codes) => `a${String.fromCharCode(...codes)}b`);
const loneSurrogates = fc.constantFrom('\uD800', 'x\uDFFFy', '\uDBFF\uDBFF', '名\uD83D');

/** Bad values for a field of the given schema: of the wrong type, empty, huge, at and past its limits, hostile. */
export function badValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const limits: number[] = [];
  for (const bound of [schema.minimum, schema.maximum]) {
    if (typeof bound === 'number') limits.push(bound - 1, bound + 1, bound - 0.5);
  }
  const lengths = [schema.minLength, schema.maxLength].filter((n): n is number => typeof n === 'number');
  return fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 2 ** 53, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, ''),
    fc.constantFrom('   ', '\t', '０', '١٢٣', 'NaN', 'Infinity', '-1', '1e999', '0x10', ' 1 ', '1,000', '１００'),
    fc.constantFrom(...injections),
    fc.constantFrom(...impossibleDates),
    controlText,
    loneSurrogates,
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
    fc.constantFrom(...(limits.length ? limits : [0])),
    fc.constantFrom(...(lengths.length ? lengths : [0])).map((n) => 'x'.repeat(Math.max(n + 1, 0))),
    fc.constantFrom('x'.repeat(10_000), '名'.repeat(100_000), 'x'.repeat(MEGABYTE)),
  );
}

/** A plausible value for a schema, the base the bad requests change one thing of. */
export function plausible(schema: JsonSchema | undefined, name = ''): unknown {
  if (!schema) return 'x';
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  // An object whose anyOf only adds a rule (the permit's commitment route) is still the object its properties say.
  const variant = schema.properties ? undefined : (schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0]);
  if (variant) return plausible(variant, name);
  switch (schema.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(schema.properties ?? {})) result[key] = plausible(inner, key);
      return result;
    }
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () => plausible(schema.items, name));
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum + 1 : 1;
    case 'boolean':
      return true;
    default:
      return plausibleText(schema, name);
  }
}

function plausibleText(schema: JsonSchema, name: string): string {
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.format === 'date') return '2026-03-02';
  if (schema.format === 'date-time') return '2026-03-02T08:00:00.000Z';
  if (/idNumber/i.test(name)) return '11010519491231002X';
  if (/creditCode/i.test(name)) return '91110000MA01ABCD1X';
  if (/amount|capital/i.test(name)) return '100.00';
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
}

/** Every dotted path into a plausible body, objects and arrays included (the root is ''). */
function pathsOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, join(prefix, String(i))))];
  if (value && typeof value === 'object') {
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, join(prefix, k)))];
  }
  return [prefix];
}
const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

function schemaAt(schema: JsonSchema | undefined, path: string): JsonSchema {
  let at = schema;
  for (const key of path ? path.split('.') : []) {
    if (!at) break;
    at = /^\d+$/.test(key) ? at.items : at.properties?.[key];
  }
  return at ?? {};
}

function withChange(body: unknown, path: string, change: (parent: Record<string, unknown>, key: string) => void) {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let parent: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  change(parent, keys[keys.length - 1]!);
  return copy;
}

// Percent-encodes every byte of the UTF-8 text, or the raw bytes given, so lone surrogates and bytes that are
// not UTF-8 reach the server as they are.
const encodeBytes = (bytes: Buffer) =>
  [...bytes]
    .map((b) =>
      /[\w.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0').toUpperCase()}`,
    )
    .join('');
const encodeText = (text: string) => {
  // Lone surrogates have no UTF-8: send them as the CESU-style bytes a careless client would.
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(...Buffer.from(char));
  }
  return encodeBytes(Buffer.from(bytes));
};

const badPathText = fc.oneof(
  fc.constantFrom('%00', '%ZZ', '%C0%AF', '%ED%A0%80', '%FF%FE', '..', '%2e%2e%2f', 'a%2Fb', '%20', ''),
  fc.constantFrom(...injections, ...impossibleDates).map(encodeText),
  controlText.map(encodeText),
  loneSurrogates.map(encodeText),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeText),
  fc.constantFrom('x'.repeat(5_000), '9'.repeat(400), '-1', '0', '1e99', '00000000-0000-0000-0000-000000000000'),
);

// What a header can carry at all (HTTP clients refuse control characters and bytes past Latin-1 in one).
const badHeaderText = fc
  .oneof(
    fc.constantFrom('', ' ', '\t', 'x'.repeat(5_000), '%00', 'null', '-1', '0', '{}', '[]', 'a b c', '"quoted"'),
    fc.constantFrom(...injections),
    fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  )
  .filter((text) => /^[\t\x20-\x7e]*$/.test(text));

const wrongContentTypes = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'application/json-patch+json',
];

const rawBodies: fc.Arbitrary<{ kind: string; body: Buffer | string }> = fc.oneof(
  fc.constantFrom('', '{', 'null', '[]', '"x"', '1', 'true', '{"a":}', '{"a":1,}', "{'a':1}", '\u0000').map((body) => ({
    kind: 'malformed-json',
    body,
  })),
  fc
    .constantFrom(
      Buffer.from([0xff, 0xfe, 0xfd]),
      Buffer.from('{"a":"\xc3\x28"}', 'latin1'),
      Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d]),
    )
    .map((body) => ({
      kind: 'not-utf8',
      body,
    })),
  fc
    .constantFrom(10, 1_000, 100_000)
    .map((depth) => ({ kind: 'deep-nesting', body: `${'['.repeat(depth)}${']'.repeat(depth)}` })),
  fc
    .constantFrom(10, 5_000)
    .map((depth) => ({ kind: 'deep-nesting', body: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` })),
  fc.constant({ kind: 'huge', body: JSON.stringify({ a: 'x'.repeat(MEGABYTE) }) }),
);

/** Generated bad requests for one operation; `fill` gives the path parameters a plausible value. */
export function badRequests(operation: Operation): fc.Arbitrary<BadRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const headerParams = operation.parameters.filter((p) => p.in === 'header');
  const baseBody = operation.body ? plausible(operation.body) : undefined;
  const pathWith = (bad?: { name: string; raw: string }) =>
    operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      bad?.name === name
        ? bad.raw
        : encodeText(String(plausible(pathParams.find((p) => p.name === name)?.schema, name))),
    );
  const baseQuery = () =>
    queryParams.filter((p) => p.required).map((p) => `${p.name}=${encodeText(String(plausible(p.schema, p.name)))}`);
  const request = (kind: string, parts: Partial<BadRequest>): BadRequest => {
    const query = baseQuery();
    return {
      kind,
      method: operation.method,
      path: `${pathWith()}${query.length ? `?${query.join('&')}` : ''}`,
      headers: operation.body ? { 'content-type': 'application/json' } : {},
      body: baseBody === undefined ? undefined : JSON.stringify(baseBody),
      ...parts,
    };
  };

  const options: fc.Arbitrary<BadRequest>[] = [];
  if (pathParams.length) {
    options.push(
      fc
        .tuple(fc.constantFrom(...pathParams), badPathText)
        .map(([param, raw]) =>
          request('path-parameter', { field: param.name, path: pathWith({ name: param.name, raw }) }),
        ),
    );
  }
  if (queryParams.length) {
    options.push(
      fc.tuple(fc.constantFrom(...queryParams), badPathText).map(([param, raw]) => {
        const rest = baseQuery().filter((pair) => !pair.startsWith(`${param.name}=`));
        return request('query-parameter', {
          field: param.name,
          path: `${pathWith()}?${[...rest, `${param.name}=${raw}`].join('&')}`,
        });
      }),
    );
  }
  if (headerParams.length) {
    options.push(
      fc.tuple(fc.constantFrom(...headerParams), badHeaderText).map(([param, value]) => {
        const base = request('header-parameter', { field: param.name });
        return { ...base, headers: { ...base.headers, [param.name]: value } };
      }),
    );
  }
  // Extra unknown query parameters, repeated ones (which Express turns into arrays) and objects (a[b]=c).
  options.push(
    fc
      .constantFrom('extra=1', 'a[b]=c', '__proto__[x]=1', 'limit=1&limit=2', 'status[]=x', `q=${'x'.repeat(5000)}`)
      .map((q) => {
        const base = request('odd-query', {});
        return { ...base, path: `${base.path}${base.path.includes('?') ? '&' : '?'}${q}` };
      }),
  );
  if (operation.body) {
    const paths = pathsOf(baseBody).filter((p) => p !== '');
    if (paths.length) {
      options.push(
        fc.tuple(fc.constantFrom(...paths), fc.nat()).chain(([path]) =>
          badValue(schemaAt(operation.body, path)).map((value) =>
            request('wrong-value', {
              field: path,
              body: JSON.stringify(withChange(baseBody, path, (o, k) => (o[k] = value))),
            }),
          ),
        ),
        fc.constantFrom(...paths).map((path) =>
          request('missing-field', {
            field: path,
            body: JSON.stringify(withChange(baseBody, path, (o, k) => delete o[k])),
          }),
        ),
      );
    }
    options.push(
      fc
        .tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'applicantId', 'status'), badValue({}))
        .map(([key, value]) =>
          request('extra-field', {
            body: `${JSON.stringify(baseBody).slice(0, -1)}${baseBody && typeof baseBody === 'object' && Object.keys(baseBody).length ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`,
          }),
        ),
      badValue(operation.body).map((value) => request('wrong-body', { body: JSON.stringify(value) ?? 'null' })),
      rawBodies.map(({ kind, body }) => request(kind, { body })),
      fc
        .constantFrom(...wrongContentTypes)
        .map((type) => request('wrong-content-type', { headers: { 'content-type': type } })),
      fc.constant(request('no-content-type', { headers: {} })),
    );
  } else if (operation.method !== 'GET') {
    options.push(
      rawBodies.map(({ kind, body }) =>
        request(`unexpected-body-${kind}`, { body, headers: { 'content-type': 'application/json' } }),
      ),
    );
  }
  return fc.oneof(...options);
}
