import { finalCheckChar, isCreditCodeChar, organisationCheckChar } from './credit-code-checks';
import { InvalidCreditCode } from './invalid-credit-code.error';

/** GB 32100-2015 table 1: registration authority → the institution categories it registers. */
const CATEGORIES_BY_AUTHORITY: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制: organs, public institutions, mass organisations, other
  '5': '1239', // 民政: social organisations, private non-enterprise units, foundations, other
  '9': '123', // 工商 / 市场监管: enterprises, individual businesses, farmers' cooperatives
  Y: '1', // other
};

export interface CreditCodeParseOptions {
  /** Only for importing legacy registry data: early pilot codes may carry wrong check chars. */
  readonly legacyTolerated?: boolean;
}

export type CreditCodeParseResult = { ok: true; code: CreditCode } | { ok: false; error: InvalidCreditCode };

/** The 18-char unified social credit code (统一社会信用代码): unique for life, never reused. */
export class CreditCode {
  private constructor(
    readonly value: string,
    /** False only for a legacy code accepted with `legacyTolerated`; never for a code this system issues. */
    readonly checkCharsValid: boolean,
  ) {}

  /** Validates strictly (or tolerating legacy check chars) and throws InvalidCreditCode naming the rule broken. */
  static parse(value: string, options: CreditCodeParseOptions = {}): CreditCode {
    const structureError = structuralProblem(value);
    if (structureError) throw structureError;
    const checkError = checkCharProblem(value);
    if (checkError && !options.legacyTolerated) throw checkError;
    return new CreditCode(value, checkError === undefined);
  }

  static tryParse(value: string, options: CreditCodeParseOptions = {}): CreditCodeParseResult {
    try {
      return { ok: true, code: CreditCode.parse(value, options) };
    } catch (error) {
      if (error instanceof InvalidCreditCode) return { ok: false, error };
      throw error;
    }
  }

  /** Position 1: 9 is market regulation. */
  get registrationAuthority(): string {
    return this.value.charAt(0);
  }

  /** Position 2: under authority 9, 1 enterprise, 2 individual business, 3 farmers' cooperative. */
  get category(): string {
    return this.value.charAt(1);
  }

  /** Positions 3–8: GB/T 2260 division of the registering authority, e.g. 110112 Tongzhou. */
  get division(): string {
    return this.value.slice(2, 8);
  }

  /** Positions 9–17: the GB 11714 organisation code, body and check char. */
  get organisationCode(): string {
    return this.value.slice(8, 17);
  }

  equals(other: CreditCode): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}

function structuralProblem(value: string): InvalidCreditCode | undefined {
  if (value.length !== 18) return new InvalidCreditCode(value, 'length', `has ${value.length} chars, needs 18`);
  const outsideAlphabet = [...value.slice(0, 17)].filter((c) => !isCreditCodeChar(c));
  // Position 18 is the check char: any digit or capital is a (possibly wrong) check, anything else is noise.
  if (!/^[0-9A-Z]$/.test(value.charAt(17))) outsideAlphabet.push(value.charAt(17));
  if (outsideAlphabet.length > 0) {
    return new InvalidCreditCode(value, 'alphabet', `"${outsideAlphabet.join('')}" not allowed (no I, O, S, V, Z)`);
  }
  const [authority, category] = [value.charAt(0), value.charAt(1)];
  if (!CATEGORIES_BY_AUTHORITY[authority]?.includes(category)) {
    return new InvalidCreditCode(
      value,
      'registration-category',
      `authority "${authority}" has no category "${category}"`,
    );
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return new InvalidCreditCode(value, 'division', `"${value.slice(2, 8)}" is not a 6-digit division code`);
  }
  return undefined;
}

function checkCharProblem(value: string): InvalidCreditCode | undefined {
  const expectedOrganisationCheck = organisationCheckChar(value.slice(8, 16));
  if (value.charAt(16) !== expectedOrganisationCheck) {
    const detail = `organisation-code check char is "${value.charAt(16)}", should be "${expectedOrganisationCheck}"`;
    return new InvalidCreditCode(value, 'organisation-check', detail);
  }
  const expectedFinalCheck = finalCheckChar(value.slice(0, 17));
  if (value.charAt(17) !== expectedFinalCheck) {
    return new InvalidCreditCode(
      value,
      'final-check',
      `check char is "${value.charAt(17)}", should be "${expectedFinalCheck}"`,
    );
  }
  return undefined;
}
