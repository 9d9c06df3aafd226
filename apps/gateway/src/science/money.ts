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
