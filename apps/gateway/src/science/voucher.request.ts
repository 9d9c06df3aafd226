import { z } from 'zod';
import { voucherProgrammes } from '@govflow/policy';
import { yuanAmount, yuanUpToPattern } from './money';

// The programmes and their smallest cap in force when the document is made: what a client may send.
const programmes = voucherProgrammes.at(new Date()).value;

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** POST /api/vouchers: amount in yuan as a decimal string, fen inside. */
export const voucherClaimRequest = z.object({
  programmeCode: text(50).meta({ enum: programmes.map((programme) => programme.code) }),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be an 18-character unified social credit code'),
  amount: yuanAmount
    .meta({ pattern: yuanUpToPattern(Math.min(...programmes.map((programme) => programme.capPerVoucherFen))) })
    .describe('yuan, decimal string, up to the programme’s cap per voucher'),
});
export type VoucherClaimRequest = z.output<typeof voucherClaimRequest>;

/** POST /api/vouchers/:voucherId/activity: the provider's account and what service is bought. */
export const voucherActivityRequest = z.object({
  providerId: text(100).describe('the service provider’s account (e.g. provider1)'),
  description: text(2000),
});
export type VoucherActivityRequest = z.output<typeof voucherActivityRequest>;

/** POST /api/vouchers/:voucherId/contract and /redemption. */
export const voucherNoteRequest = z.object({ note: z.string().trim().max(2000).optional() });
export type VoucherNoteRequest = z.output<typeof voucherNoteRequest>;

/** POST /api/vouchers/:voucherId/delivery: the amount spent defaults to the voucher's. */
export const voucherDeliveryRequest = z.object({
  summary: text(2000),
  amount: yuanAmount.optional().describe('yuan spent, decimal string; at most the voucher’s amount'),
});
export type VoucherDeliveryRequest = z.output<typeof voucherDeliveryRequest>;
