import { Injectable, NotFoundException } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { TaskState } from '@govflow/contracts';
import { CaseWorkflows } from '../temporal/case-workflows';
import { TaskInboxStore } from './task-inbox/task-inbox.store';
import { toTaskStateView, type TaskStateView } from './task-view';

/** Sends a task Update to the workflow that owns the task, found through the inbox read model. */
@Injectable()
export class TaskUpdates {
  constructor(
    private readonly inbox: TaskInboxStore,
    private readonly workflows: CaseWorkflows,
  ) {}

  async send<Request extends { taskId: string }>(
    update: UpdateDefinition<TaskState, [Request]>,
    request: Request,
  ): Promise<TaskStateView> {
    const task = await this.inbox.find(request.taskId);
    if (!task) throw new NotFoundException(`no task ${request.taskId}`);
    return toTaskStateView(await this.workflows.update(task.workflowId, update, request));
  }
}
