import { z } from 'zod';

const MAX_INTEGER_DIGITS = 15;
const DECIMAL = new RegExp(`^(\\d{1,${MAX_INTEGER_DIGITS}})(?:\\.(\\d{1,2}))?$`);
const AMOUNT_SHAPE = 'must be a positive number or a decimal string such as "100000.00", with at most 2 decimal places';

/** `value` as a decimal string with two decimal places, or the reason it is not a positive amount. */
export function normaliseAmount(value: number | string): { amount: string } | { problem: string } {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return { problem: AMOUNT_SHAPE };
  const [, integer = '0', fraction = ''] = match;
  const amount = `${BigInt(integer).toString()}.${fraction.padEnd(2, '0')}`;
  if (/^0\.00$/.test(amount)) return { problem: 'must be greater than zero' };
  return { amount };
}

/** A positive amount given as a number or a decimal string; parsed to the decimal string the contracts use. */
// What the document states, so a generated client sends only amounts the server takes: above zero, 15 digits
// before the point at most, 2 after.
const amountNumber = z.number().meta({ minimum: 0.01, maximum: 999_999_999_999_999, multipleOf: 0.01 });
const amountString = z.string().meta({ pattern: '^\\s*(?!0+(\\.0{1,2})?\\s*$)[0-9]{1,15}(\\.[0-9]{1,2})?\\s*$' });

export const positiveAmount = z
  .union([amountNumber, amountString], {
    error: (issue) => (issue.input === undefined ? 'is required' : AMOUNT_SHAPE),
  })
  .transform((value, context) => {
    const result = normaliseAmount(value);
    if ('amount' in result) return result.amount;
    context.addIssue({ code: 'custom', message: result.problem });
    return z.NEVER;
  })
  .describe('a positive amount: a number or a decimal string with at most 2 decimal places');

export const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as CNY')
  .describe('ISO 4217 currency code');

export const moneyRequest = z.object({ amount: positiveAmount, currency: currencyCode });
