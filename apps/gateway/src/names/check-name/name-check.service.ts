import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, WorkflowFailedError } from '@temporalio/client';
import { type EnterpriseName, type NameCheckAnswer, TaskQueue } from '@govflow/contracts';
import type { nameCheckWorkflow } from '../../../../../workflows/registration/name-check.workflow';
import { TEMPORAL_CLIENT } from '../../temporal/temporal-client.token';

// The check itself takes milliseconds; this bounds how long a caller waits when market regulation is down.
const NAME_CHECK_TIMEOUT = '30 seconds';

/** Asks market regulation, through the short name-check workflow, whether a declared name passes its rules. */
@Injectable()
export class NameCheck {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  async check(name: EnterpriseName, applicantId: string): Promise<NameCheckAnswer> {
    try {
      return await this.temporal.workflow.execute<typeof nameCheckWorkflow>('nameCheckWorkflow', {
        taskQueue: TaskQueue.Orchestrator,
        workflowId: `name-check-${randomUUID()}`,
        workflowExecutionTimeout: NAME_CHECK_TIMEOUT,
        args: [{ name, applicantId }],
      });
    } catch (error) {
      if (error instanceof WorkflowFailedError) {
        throw new ServiceUnavailableException('the name check is unavailable; try again later', { cause: error });
      }
      throw error;
    }
  }
}
