/** The 31 characters a credit code may use (GB 32100): digits and capitals without I, O, S, V, Z. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const FINAL_CHECK_MODULUS = 31;

export function isCreditCodeChar(char: string): boolean {
  return char.length === 1 && CREDIT_CODE_ALPHABET.includes(char);
}

/**
 * GB 11714 check char over the 8-char organisation-code body. Letters count over the full Latin
 * alphabet (A=10 … Z=35), not their credit-code values: GB 11714 predates GB 32100.
 */
export function organisationCheckChar(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) throw new RangeError(`An organisation-code body is 8 digits or capitals: "${body}"`);
  let sum = 0;
  ORGANISATION_CODE_WEIGHTS.forEach((weight, i) => {
    sum += latinValue(body.charAt(i)) * weight;
  });
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** GB 32100 final check char over the first 17 chars, with weights 3^(i−1) mod 31. */
export function finalCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`The final check covers 17 chars: "${first17}"`);
  let sum = 0;
  let weight = 1;
  for (const char of first17) {
    const value = CREDIT_CODE_ALPHABET.indexOf(char);
    if (value < 0) throw new RangeError(`"${char}" is not in the credit-code alphabet`);
    sum += value * weight;
    weight = (weight * 3) % FINAL_CHECK_MODULUS;
  }
  return CREDIT_CODE_ALPHABET.charAt((FINAL_CHECK_MODULUS - (sum % FINAL_CHECK_MODULUS)) % FINAL_CHECK_MODULUS);
}

function latinValue(char: string): number {
  return /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 'A'.charCodeAt(0) + 10;
}
