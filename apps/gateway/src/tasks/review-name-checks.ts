import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { type ReviewNameCheck, TaskQueue } from '@govflow/contracts';
import { z } from 'zod';
import type { reviewNameChecksWorkflow } from '../../../../workflows/registration/name-check.workflow';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';

export const REGISTRATION_REVIEW = 'registration-review';
// The inbox answers without them rather than wait long on market regulation.
const CHECK_TIMEOUT = '3 seconds';

export const reviewNameCheckView = z
  .object({
    available: z.boolean(),
    fullName: z.string(),
    problems: z.array(z.object({ code: z.string(), message: z.string() })),
    checkedAt: z.iso.datetime(),
    investmentLinkToConfirm: z
      .string()
      .optional()
      .describe('approve with confirms: ["investment-link:<this code>"] once the link is verified'),
  })
  .describe("the case's name re-examined against the register when the task was read (R1.3)");
export type ReviewNameCheckView = z.infer<typeof reviewNameCheckView>;

const toView = ({ available, fullName, problems, checkedAt, investmentLinkToConfirm }: ReviewNameCheck) => ({
  available,
  fullName,
  problems: problems.map(({ code, message }) => ({ code, message })),
  checkedAt,
  ...(investmentLinkToConfirm && { investmentLinkToConfirm }),
});

/**
 * The name checks an officer sees on registration review tasks: market regulation re-examines each case's name now,
 * through one short workflow for the whole inbox. When it does not answer, tasks are shown without them.
 */
@Injectable()
export class ReviewNameChecks {
  private readonly logger = new Logger(ReviewNameChecks.name);

  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  async forCases(caseIds: readonly string[]): Promise<Map<string, ReviewNameCheckView>> {
    if (caseIds.length === 0) return new Map();
    try {
      const checks = await this.temporal.workflow.execute<typeof reviewNameChecksWorkflow>('reviewNameChecksWorkflow', {
        taskQueue: TaskQueue.Orchestrator,
        workflowId: `review-name-checks-${randomUUID()}`,
        workflowExecutionTimeout: CHECK_TIMEOUT,
        args: [[...new Set(caseIds)]],
      });
      return new Map(checks.map((check) => [check.caseId, toView(check)]));
    } catch (error) {
      this.logger.warn(`name re-examination unavailable: ${String(error)}`);
      return new Map();
    }
  }
}
