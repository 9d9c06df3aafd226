import { z } from 'zod';

/** Yuan as a decimal string at the edge ("300000" or "300000.00"), integer fen inside; never a float. */
export const yuanAmount = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be an amount in yuan as a decimal string with at most 2 decimals')
  .transform((text) => {
    const [whole = '0', fraction = ''] = text.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  });

/**
 * The pattern of a yuan decimal string above zero and at most `capFen`, for the document: what the server takes for
 * a capped amount (a cap is policy data, so the pattern is made from the policy in force when the document is made).
 * Caps are round (200000 yuan): a cap that is not fails here rather than documenting a wrong pattern.
 */
export function yuanUpToPattern(capFen: number): string {
  const cap = String(capFen / 100);
  if (!/^[1-9]0*$/.test(cap)) throw new Error(`a cap of ${cap} yuan is not round: state its pattern by hand`);
  const [lead, digits] = [Number(cap.charAt(0)), cap.length];
  const below = [
    digits > 1 ? `[1-9]\\d{0,${digits - 2}}` : undefined,
    lead > 1 ? `[1-${lead - 1}]\\d{${digits - 1}}` : undefined,
  ].filter(Boolean);
  const belowCap = below.length ? `(?:${below.join('|')})(?:\\.\\d{1,2})?|` : '';
  return `^(?:${belowCap}0\\.(?:0[1-9]|[1-9]\\d?)|${cap}(?:\\.0{1,2})?)$`;
}

/** Fen as the API shows it: "500000.00". */
export function fenToYuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  return `${whole}.${String(fen % 100).padStart(2, '0')}`;
}

/** A percentage as a decimal string ("20" or "12.5"), in basis points inside. */
export const percentRate = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'must be a percentage as a decimal string, e.g. "20" or "12.5"')
  .transform((text) => {
    const [whole = '0', fraction = ''] = text.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  });
