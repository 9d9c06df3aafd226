import { z } from 'zod';
import { supervisionActions, supervisionKinds } from '@govflow/contracts';

export const recordSupervisionRequest = z.object({
  kind: z.enum(supervisionKinds).describe('经营异常名录, 立案调查, 财产冻结 or 股权出质'),
  action: z.enum(supervisionActions).describe('open lists the matter; close ends an open one'),
  reason: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
});
export type RecordSupervisionRequest = z.output<typeof recordSupervisionRequest>;
