import { z } from 'zod';
import { supervisionActions, supervisionKinds } from '@govflow/contracts';

const actorView = z.object({ id: z.string(), role: z.string(), department: z.string().optional() });

/** An enterprise's supervision record (R5.1) as the API answers it. */
export const supervisionRecordView = z.object({
  creditCode: z.string(),
  enterprise: z
    .object({
      enterpriseName: z.string(),
      status: z.enum(['registered', 'deregistered']).describe('存续 or 注销 in the register'),
      since: z.string().describe('ISO 8601 instant the register last changed the status'),
    })
    .optional()
    .describe('what the register says of the enterprise; present when read'),
  open: z
    .array(z.enum(supervisionKinds))
    .describe('the matters open now; any of them blocks simplified deregistration'),
  entries: z.array(
    z.object({
      recordId: z.string(),
      kind: z.enum(supervisionKinds),
      action: z.enum(supervisionActions),
      reason: z.string(),
      by: actorView,
      at: z.string().describe('ISO 8601 instant of the decision'),
    }),
  ),
});
export type SupervisionRecordResponse = z.infer<typeof supervisionRecordView>;
