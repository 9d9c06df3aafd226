import { Injectable, Logger } from '@nestjs/common';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { PoolClient } from 'pg';
import { z } from 'zod';
import type { RecordedEvent } from '@govflow/messaging';
import { enterpriseDeregisteredSignal, permitWorkflowId } from '../../../../../workflows/permit/definitions';

const ENTERPRISE_DEREGISTERED = 'EnterpriseDeregistered';
// What the permit authorities read of EnterpriseDeregisteredV1; the rest is registration's.
const deregistered = z.object({
  caseId: z.string().min(1),
  creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'is not an 18-character credit code'),
  deregisteredAt: z.string().datetime().optional(),
});

/** The Temporal client the handler signals through (the app's own, or a test's). */
export abstract class PermitWorkflowClient {
  abstract readonly client: Client;
}

/**
 * R3.4: an enterprise's running permit cases (applied, under review, or granted and watched to expiry) end when market
 * regulation deregisters it. Runs in the inbox transaction, so a redelivered event is not handled again; the workflow
 * keeps the first signal anyway. A case whose workflow has closed meanwhile is skipped.
 */
@Injectable()
export class EndPermitsWhenDeregisteredHandler {
  private readonly logger = new Logger(EndPermitsWhenDeregisteredHandler.name);

  constructor(private readonly temporal: PermitWorkflowClient) {}

  async handle(event: RecordedEvent, db: PoolClient): Promise<void> {
    if (event.type !== ENTERPRISE_DEREGISTERED) return;
    const { caseId, creditCode, deregisteredAt = event.occurredAt.toISOString() } = deregistered.parse(event.data);
    const { rows } = await db.query<{ case_id: string }>(
      `SELECT case_id FROM permits.cases WHERE credit_code = $1 AND status IN ('applied', 'granted') ORDER BY case_id`,
      [creditCode],
    );
    const notice = { deregistrationCaseId: caseId, eventId: event.eventId, deregisteredAt };
    if (rows.length > 0) this.logger.log(`ending ${rows.length} permit case(s) of deregistered ${creditCode}`);
    for (const { case_id: permitCaseId } of rows) {
      const workflowId = permitWorkflowId(permitCaseId);
      try {
        await this.temporal.client.workflow.getHandle(workflowId).signal(enterpriseDeregisteredSignal, notice);
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
        this.logger.log(`${workflowId} has closed; nothing to end for ${event.type} ${event.eventId}`);
      }
    }
  }
}
