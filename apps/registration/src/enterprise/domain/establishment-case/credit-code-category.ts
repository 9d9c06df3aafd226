import type { EntityType } from '@govflow/contracts';

/** Position 2 of a credit code issued by market regulation (R1.6): 1 enterprise, 2 individual business. */
export function creditCodeCategoryFor(entityType: EntityType): '1' | '2' {
  switch (entityType) {
    case 'limited-company':
      return '1';
    case 'individual-business':
      return '2';
    default:
      return assertNever(entityType);
  }
}

function assertNever(entityType: never): never {
  throw new Error(`Unknown entity type ${String(entityType)}`);
}
