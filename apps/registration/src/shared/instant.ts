import { DomainRefusal } from './domain-refusal';

/** An ISO 8601 instant from an activity input; a malformed one is refused, since retrying cannot mend it. */
export function instant(value: string, field: string): Date {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new DomainRefusal('MalformedInput', `${field} is not an instant: ${value}`);
  return parsed;
}
