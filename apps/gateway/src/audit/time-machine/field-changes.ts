/** A field that differs between two instants; `before` or `after` is null where the field (or the row) was absent. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Nested objects as dotted paths (`decision.by.id`); arrays stay whole, compared as values. */
export function flatten(value: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(inner) && Object.keys(inner).length) {
      for (const [innerPath, leaf] of flatten(inner, path)) fields.set(innerPath, leaf);
    } else fields.set(path, inner);
  }
  return fields;
}

/** The fields that differ between two versions of one thing (either may be absent), in the order they appear. */
export function fieldChanges(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): FieldChange[] {
  const was = flatten(before ?? {});
  const is = flatten(after ?? {});
  const paths = [...new Set([...was.keys(), ...is.keys()])];
  return paths
    .map((field) => ({ field, before: was.get(field) ?? null, after: is.get(field) ?? null }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
}
