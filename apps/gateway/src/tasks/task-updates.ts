import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '@govflow/auth';
import type { UpdateDefinition } from '@temporalio/common';
import type { TaskState } from '@govflow/contracts';
import { CaseWorkflows } from '../temporal/case-workflows';
import { isInGroups } from './task-department';
import { TaskInboxStore } from './task-inbox/task-inbox.store';
import { toTaskStateView, type TaskStateView } from './task-view';

/** Sends a task Update to the workflow that owns the task, found through the inbox read model. */
@Injectable()
export class TaskUpdates {
  constructor(
    private readonly inbox: TaskInboxStore,
    private readonly workflows: CaseWorkflows,
  ) {}

  /**
   * Only officers of the task's group (role and department) get the workflow's answer: anyone else gets 403 whatever
   * the task's state (who holds the claim), and the refusal is recorded all the same; administrators approve nothing.
   */
  async send<Request extends { taskId: string }>(
    update: UpdateDefinition<TaskState, [Request]>,
    request: Request,
    actor: Actor,
  ): Promise<TaskStateView> {
    const task = await this.inbox.find(request.taskId);
    if (!task) throw new NotFoundException(`no task ${request.taskId}`);
    if (!isInGroups(actor, await this.inbox.groupsOf(request.taskId))) {
      // The workflow still hears the attempt, so that its refusal is recorded (TaskRefused on the audit trail); its
      // rules refuse a stranger before anything else, and whatever it answers, the stranger learns only this 403.
      await this.workflows.update(task.workflowId, update, request).catch(() => undefined);
      throw new ForbiddenException(
        'only officers of the task’s department act on a task; administrators decide nothing',
      );
    }
    return toTaskStateView(await this.workflows.update(task.workflowId, update, request));
  }
}
