/** Which GB 32100 rule a value breaks, in the order they are checked. */
export type CreditCodeRule =
  'length' | 'alphabet' | 'registration-category' | 'division' | 'organisation-check' | 'final-check';

export class InvalidCreditCode extends Error {
  constructor(
    readonly value: string,
    readonly rule: CreditCodeRule,
    readonly detail: string,
  ) {
    super(`Invalid unified social credit code "${value}" (${rule}): ${detail}`);
    this.name = 'InvalidCreditCode';
  }
}
