import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import type { HumanTaskActivities, PermitActivities, RecordPermitFactInput } from '@govflow/contracts';
import type { EventMetadata } from '@govflow/messaging';
import { PermitCaseRegister } from '../permit-case/permit-case-register';
import { TaskEventRecorder } from '../tasks/task-event-recorder';

const timer = { id: 'workflow', role: 'system' };

/** The activities on task queue `permits`: each fact of a permit case and each task event, recorded once. */
@Injectable()
export class PermitActivitiesService {
  constructor(
    private readonly register: PermitCaseRegister,
    private readonly tasks: TaskEventRecorder,
  ) {}

  activities(): PermitActivities & HumanTaskActivities {
    return {
      recordPermitFact: (input) => this.recordFact(input),
      recordTaskEvent: (record) => this.tasks.record(record),
    };
  }

  private recordFact({ idempotencyKey, fact, by, reason, causationId }: RecordPermitFactInput): Promise<void> {
    const execution = Context.current().info.workflowExecution;
    const metadata: EventMetadata = {
      actor: by ?? timer,
      reason,
      correlationId: fact.caseId,
      causationId: causationId ?? idempotencyKey,
      ...(execution && { workflow: { workflowId: execution.workflowId, runId: execution.runId } }),
    };
    return this.register.record(idempotencyKey, fact, metadata);
  }
}
