import { ApplicationFailure, type ActivityOptions } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Actor } from '../../../libs/contracts/src/actors';
import type { HumanTaskActivities } from '../../../libs/contracts/src/tasks/task-activities';
import type { TaskAction, TaskDecision, TaskEvent, TaskState } from '../../../libs/contracts/src/tasks/task.types';
import type { OpenTaskOptions } from './definitions';
import type { TaskFacts, Verdict } from './task-rules';

type WithoutStamp<E> = E extends unknown ? Omit<E, 'sequence' | 'at'> : never;
export type TaskEventBody = WithoutStamp<TaskEvent>;

// A person waits on each update: a failing store should answer them within seconds (nothing changes, they retry).
// System events (opened, escalated) have no one waiting, so they retry until the store is back.
const forPeople: ActivityOptions = { startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 3 } };
const forSystem: ActivityOptions = { startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } };

/**
 * One human task's state, changed only by recorded events: every event is stored by the `recordTaskEvent` activity
 * first and applied to the state after, so the audit trail never misses what the workflow did.
 */
export class HumanTask {
  /** Resolves once the task is decided. */
  readonly decided: Promise<TaskDecision>;
  private resolveDecided: (decision: TaskDecision) => void = () => undefined;
  private readonly state: TaskState;
  private nextSequence = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly recordForPeople: HumanTaskActivities['recordTaskEvent'];
  private readonly recordForSystem: HumanTaskActivities['recordTaskEvent'];

  constructor(private readonly options: OpenTaskOptions) {
    const { taskId, caseId, kind, candidateGroup, escalateTo } = options;
    const { dueAt, legalDueAt, dueAtCalendar, timeScale, provisional, calendarBasis } = options.due;
    const due = { dueAt, legalDueAt, dueAtCalendar, timeScale, ...(provisional && { provisional, calendarBasis }) };
    const unclaimed = { assignee: null, escalated: false, status: 'open' as const, history: [] };
    this.state = { taskId, caseId, kind, candidateGroup, escalateTo, ...due, ...unclaimed };
    this.decided = new Promise((resolve) => (this.resolveDecided = resolve));
    const taskQueue = options.recordOn;
    this.recordForPeople = proxyActivities<HumanTaskActivities>({ ...forPeople, taskQueue }).recordTaskEvent;
    this.recordForSystem = proxyActivities<HumanTaskActivities>({ ...forSystem, taskQueue }).recordTaskEvent;
  }

  get taskId(): string {
    return this.state.taskId;
  }

  get isOpen(): boolean {
    return this.state.status === 'open';
  }

  get decision(): TaskDecision | undefined {
    return this.state.decision;
  }

  facts(): TaskFacts {
    const { candidateGroup, status, assignee } = this.state;
    const { applicantId, priorApprovers } = this.options;
    return { candidateGroup, status, assignee, applicantId, priorApprovers };
  }

  snapshot(): TaskState {
    return { ...this.state, history: [...this.state.history] };
  }

  /** What the approval of this task must still hold true, if the workflow asked (see OpenTaskOptions). */
  get beforeApprove(): OpenTaskOptions['beforeApprove'] {
    return this.options.beforeApprove;
  }

  /** Records an event no person caused; `unlessDecided` drops it when a decision got in first. */
  async recordSystemEvent(body: TaskEventBody, { unlessDecided = false } = {}): Promise<void> {
    await this.serially(async () => {
      if (unlessDecided && this.state.status !== 'open') return;
      await this.record(body, this.recordForSystem);
    });
  }

  /** Checks, records and applies one person's attempt; a refusal is recorded, then thrown as a typed failure. */
  attempt(
    action: TaskAction,
    request: { actor: Actor; reason?: string; outcome?: TaskDecision['outcome'] },
    check: (facts: TaskFacts) => Verdict,
    allowedEvent: () => TaskEventBody,
    recheck?: () => Promise<Verdict>,
  ): Promise<TaskState> {
    return this.serially(async () => {
      const ruled = check(this.facts());
      const verdict = ruled.ok && recheck ? await recheck() : ruled;
      if (verdict.ok) {
        await this.record(allowedEvent(), this.recordForPeople);
        return this.snapshot();
      }
      const { failure, message } = verdict;
      const { actor, reason, outcome } = request;
      await this.record(
        { type: 'refused', actor, attempted: action, failure, message, reason, outcome },
        this.recordForPeople,
      );
      throw ApplicationFailure.create({
        type: failure,
        message,
        nonRetryable: true,
        details: [{ taskId: this.taskId }],
      });
    });
  }

  /** One attempt at a time, so each is checked against the state the previous one left. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async record(body: TaskEventBody, store: HumanTaskActivities['recordTaskEvent']): Promise<void> {
    const event = { ...body, sequence: this.nextSequence++, at: new Date().toISOString() };
    const { taskId, caseId, kind } = this.state;
    const { workflowId, runId } = workflowInfo();
    await store({
      eventId: `${taskId}#${event.sequence}`,
      taskId,
      caseId,
      kind,
      event,
      workflow: { workflowId, runId },
    });
    this.apply(event);
  }

  private apply(event: TaskEvent): void {
    this.state.history.push(event);
    switch (event.type) {
      case 'escalated':
        this.state.escalated = true;
        return;
      case 'lapsed':
        this.state.status = 'lapsed';
        return;
      case 'claimed':
        this.state.assignee = event.actor;
        return;
      case 'unclaimed':
        this.state.assignee = null;
        return;
      case 'reassigned':
        this.state.assignee = event.to;
        return;
      case 'decided': {
        const { actor: decidedBy, outcome, reason, confirms, at: decidedAt } = event;
        this.state.status = 'decided';
        this.state.decision = {
          taskId: this.taskId,
          outcome,
          reason,
          decidedBy,
          decidedAt,
          ...(confirms && { confirms }),
        };
        this.resolveDecided(this.state.decision);
        return;
      }
      case 'opened':
      case 'refused':
        return;
    }
  }
}
