import { ApplicationFailure } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
import { WorkflowFailureType } from '../../../libs/contracts/src/failures';
import type { TaskState } from '../../../libs/contracts/src/tasks/task.types';
import {
  claimUpdate,
  decideUpdate,
  reassignUpdate,
  taskStateQuery,
  unclaimUpdate,
  type OpenTaskOptions,
} from './definitions';
import { HumanTask } from './human-task';
import { assertDecideShape, assertReassignShape, assertTaskRequestShape } from './request-shape';
import { checkClaim, checkDecision, checkReassign, checkUnclaim } from './task-rules';

/** Every task a workflow has opened, and the update and query handlers that reach them by task id. */
class TaskBoard {
  private readonly tasks = new Map<string, HumanTask>();

  constructor() {
    this.installHandlers();
  }

  open(options: OpenTaskOptions): HumanTask {
    // A reused id would merge two tasks' audit trails: a bug in the calling workflow, so fail its task loudly.
    if (this.tasks.has(options.taskId)) throw new Error(`task ${options.taskId} was already opened`);
    const task = new HumanTask(options);
    this.tasks.set(options.taskId, task);
    return task;
  }

  /** The most recently opened task that is still open. */
  current(): HumanTask | undefined {
    return [...this.tasks.values()].reverse().find((task) => task.isOpen);
  }

  /** Every task still open, oldest first: a case may run several at once (e.g. an expert panel). */
  openTasks(): HumanTask[] {
    return [...this.tasks.values()].filter((task) => task.decision === undefined);
  }

  private find(taskId: string): HumanTask {
    const task = this.tasks.get(taskId);
    if (task) return task;
    throw ApplicationFailure.create({
      type: WorkflowFailureType.TaskNotFound,
      message: `no task ${taskId} in this case`,
      nonRetryable: true,
    });
  }

  /** Update validators: malformed input or an unknown task is refused before the update is accepted. */
  private validatorFor(assertShape: (request: unknown) => void) {
    return (request: { taskId: string }): void => {
      assertShape(request);
      this.find(request.taskId);
    };
  }

  private installHandlers(): void {
    setHandler(taskStateQuery, (taskId?: string): TaskState | null => {
      const task = taskId === undefined ? this.current() : this.tasks.get(taskId);
      return task?.snapshot() ?? null;
    });
    setHandler(
      claimUpdate,
      ({ taskId, actor }) =>
        this.find(taskId).attempt(
          'claim',
          { actor },
          (facts) => checkClaim(facts, actor),
          () => ({ type: 'claimed', actor }),
        ),
      { validator: this.validatorFor(assertTaskRequestShape) },
    );
    setHandler(
      unclaimUpdate,
      ({ taskId, actor, reason }) =>
        this.find(taskId).attempt(
          'unclaim',
          { actor, reason },
          (facts) => checkUnclaim(facts, actor),
          () => ({ type: 'unclaimed', actor, reason }),
        ),
      { validator: this.validatorFor(assertTaskRequestShape) },
    );
    setHandler(
      reassignUpdate,
      ({ taskId, actor, to, reason }) =>
        this.find(taskId).attempt(
          'reassign',
          { actor, reason },
          (facts) => checkReassign(facts, actor, to, reason),
          () => ({ type: 'reassigned', actor, to, reason }),
        ),
      { validator: this.validatorFor(assertReassignShape) },
    );
    setHandler(
      decideUpdate,
      (request) => {
        const { taskId, actor, outcome, reason, confirms } = request;
        const task = this.find(taskId);
        const { beforeApprove } = task;
        return task.attempt(
          'decide',
          { actor, outcome, reason },
          (facts) => checkDecision(facts, actor, { outcome, reason }),
          () => ({ type: 'decided', actor, outcome, reason, ...(confirms?.length ? { confirms } : {}) }),
          outcome === 'approve' && beforeApprove ? () => beforeApprove(request) : undefined,
        );
      },
      { validator: this.validatorFor(assertDecideShape) },
    );
  }
}

// Module state is per workflow execution: the worker gives every execution its own module instances.
let board: TaskBoard | undefined;

export function taskBoard(): TaskBoard {
  return (board ??= new TaskBoard());
}
