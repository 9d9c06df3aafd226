/**
 * The base of an event class whose stored data is exactly `T`. The event store saves an event's own properties, so the
 * shape is declared once (for LicenseIssued, the published LicenseIssuedV1) instead of being repeated as fields.
 */
export function domainEvent<T extends object>() {
  return class {
    constructor(data: T) {
      Object.assign(this, data);
    }
  } as unknown as new (data: T) => Readonly<T>;
}
