import { z } from 'zod';
import { taxPendingMatterKinds } from '@govflow/contracts';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Amounts arrive as decimal strings (or numbers) in yuan, at most two places; stored as decimal strings. */
const yuan = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^\d{1,13}(\.\d{1,2})?$/, 'must be a non-negative amount in yuan with at most 2 decimals'))
  .transform((amount) => ({ amount: Number(amount).toFixed(2), currency: 'CNY' as const }));

export const pendingMatterRequest = z.object({
  kind: z.enum(taxPendingMatterKinds).describe('arrears (欠税), unreturned-invoices (未缴销发票) or open-item'),
  amount: yuan.optional().describe('in yuan, e.g. "1200.00"'),
  note: text(2000),
});
export type PendingMatterRequest = z.output<typeof pendingMatterRequest>;

export const clearanceRequest = z.object({ reason: text(2000) });
export type ClearanceRequest = z.output<typeof clearanceRequest>;

const actorView = z.object({ id: z.string(), role: z.string(), department: z.string().optional() });
const money = z.object({ amount: z.string(), currency: z.string() });

export const taxRecordView = z.object({
  taxpayerId: z.string().describe('the unified social credit code (三证合一)'),
  enterpriseName: z.string(),
  pendingMatters: z.array(
    z.object({ matterId: z.string(), kind: z.enum(taxPendingMatterKinds), amount: money.optional(), note: z.string() }),
  ),
  clearances: z.array(
    z.object({ clearanceId: z.string(), reason: z.string(), clearedBy: actorView, clearedAt: z.string() }),
  ),
  deregistrations: z.array(
    z.object({
      caseId: z.string(),
      objectionDueAt: z.string(),
      verdict: z.enum(['no-objection', 'objection']).optional(),
    }),
  ),
});
