import { CreditCode } from './credit-code';
import { finalCheckChar, isCreditCodeChar, organisationCheckChar } from './credit-code-checks';
import { InvalidCreditCode } from './invalid-credit-code.error';

/** What market regulation chooses when it issues a code; both check chars are computed. */
export interface CreditCodeParts {
  readonly authority: '9';
  /** 1 enterprise, 2 individual business, 3 farmers' cooperative. */
  readonly category: '1' | '2' | '3';
  /** GB/T 2260 division of the registering authority, e.g. 110108 Haidian. */
  readonly division: string;
  /** 8 chars from the credit-code alphabet, see organisationBodyForSequence. */
  readonly organisationBody: string;
}

export function generateCreditCode(parts: CreditCodeParts): CreditCode {
  const { authority, category, division, organisationBody } = parts;
  const draft = `${authority}${category}${division}${organisationBody}`;
  if (organisationBody.length !== 8) {
    throw new InvalidCreditCode(draft, 'length', `organisation body "${organisationBody}" must have 8 chars`);
  }
  if (![...organisationBody].every(isCreditCodeChar)) {
    throw new InvalidCreditCode(draft, 'alphabet', `organisation body "${organisationBody}" leaves the alphabet`);
  }
  if (!/^\d{6}$/.test(division)) throw new InvalidCreditCode(draft, 'division', `"${division}" is not 6 digits`);
  const first17 = `${draft}${organisationCheckChar(organisationBody)}`;
  return CreditCode.parse(`${first17}${finalCheckChar(first17)}`);
}
