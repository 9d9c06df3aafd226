import { CREDIT_CODE_ALPHABET } from './credit-code-checks';

const BODY_LENGTH = 8;
const BASE = CREDIT_CODE_ALPHABET.length;

/**
 * How many bodies a block can hand out. Organisation codes are unique nationwide, so a registry
 * draws from the block (fixed leading chars) assigned to it; an empty prefix means the whole space.
 */
export function organisationBodyCapacity(blockPrefix = ''): number {
  assertPrefix(blockPrefix);
  return BASE ** (BODY_LENGTH - blockPrefix.length);
}

/**
 * The organisation-code body for the n-th code of a block: the block prefix followed by n in base 31
 * over the credit-code alphabet, zero-padded. Injective, so a sequence that never repeats gives codes
 * that are never reused; the sequence itself is persisted elsewhere.
 */
export function organisationBodyForSequence(sequence: number, blockPrefix = ''): string {
  const capacity = organisationBodyCapacity(blockPrefix);
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence >= capacity) {
    throw new RangeError(`Sequence ${sequence} is outside block "${blockPrefix}" (0 to ${capacity - 1})`);
  }
  let digits = '';
  for (let rest = sequence; rest > 0; rest = Math.floor(rest / BASE)) {
    digits = CREDIT_CODE_ALPHABET.charAt(rest % BASE) + digits;
  }
  return blockPrefix + digits.padStart(BODY_LENGTH - blockPrefix.length, CREDIT_CODE_ALPHABET.charAt(0));
}

/** The inverse of organisationBodyForSequence, e.g. to resume a block from the last code issued. */
export function sequenceOfOrganisationBody(body: string, blockPrefix = ''): number {
  assertPrefix(blockPrefix);
  if (body.length !== BODY_LENGTH || !body.startsWith(blockPrefix)) {
    throw new RangeError(`"${body}" is not an organisation body of block "${blockPrefix}"`);
  }
  let sequence = 0;
  for (const char of body.slice(blockPrefix.length)) {
    const digit = CREDIT_CODE_ALPHABET.indexOf(char);
    if (digit < 0) throw new RangeError(`"${char}" is not in the credit-code alphabet`);
    sequence = sequence * BASE + digit;
  }
  return sequence;
}

function assertPrefix(blockPrefix: string): void {
  const valid = blockPrefix.length < BODY_LENGTH && [...blockPrefix].every((c) => CREDIT_CODE_ALPHABET.includes(c));
  if (!valid) throw new RangeError(`Block prefix "${blockPrefix}" must be under 8 credit-code chars`);
}
