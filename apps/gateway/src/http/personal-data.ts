import type { Actor } from '@govflow/auth';

/** A resident ID number as others may see it: the region (6) and the last 4 characters, the birth date hidden. */
export const maskIdNumber = (idNumber: string) =>
  idNumber.length > 10 ? `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}` : '****';

/** A copy of the value with every `idNumber` property, at any depth, masked. */
export function maskIdNumbersIn<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => maskIdNumbersIn(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === 'idNumber' && typeof inner === 'string' ? maskIdNumber(inner) : maskIdNumbersIn(inner),
    ]),
  ) as T;
}

/**
 * Who reads ID numbers in full: the applicant, and the registration officers who decide the case (the market
 * regulation department); everyone else who may see the case, administrators included, sees them masked.
 */
export const readsIdNumbersInFull = (actor: Actor, applicantId: string | undefined) =>
  actor.id === applicantId || (actor.role === 'registration-officer' && actor.department === 'market-regulation');
