import { z } from 'zod';

// GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence, then an ISO 7064 MOD 11-2 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** The check character of the first 17 digits of a resident id number. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17.charAt(i)), 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

function isRealBirthDate(digits: string): boolean {
  const [year, month, day] = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8)].map(Number) as [
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Why `idNumber` is not a valid 18-character resident id number, or undefined when it is. */
export function residentIdNumberProblem(idNumber: string): string | undefined {
  if (!SHAPE.test(idNumber)) return 'must be 18 characters: 17 digits and a check character (0-9 or X)';
  if (!isRealBirthDate(idNumber.slice(6, 14))) return 'has no valid birth date in positions 7-14';
  if (residentIdCheckCharacter(idNumber) !== idNumber.charAt(17)) return 'has a wrong check character';
  return undefined;
}

/** A resident id number; a lower-case check character x is accepted and stored upper-case. */
export const residentIdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((idNumber, context) => {
    const problem = residentIdNumberProblem(idNumber);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .describe('18-character resident id number (GB 11643), with its ISO 7064 MOD 11-2 check character')
  // The check character and birth date are more than a pattern says: the format names them (schemathesis/hooks.py
  // generates such numbers for it).
  .meta({
    format: 'cn-resident-id',
    pattern: '^[0-9]{17}[0-9Xx]$',
    minLength: 18,
    maxLength: 18,
    example: '11010519491231002X',
  });
