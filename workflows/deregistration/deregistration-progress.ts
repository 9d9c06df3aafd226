import type { ApplicationFailure } from '@temporalio/common';
import { upsertSearchAttributes } from '@temporalio/workflow';
import { CaseSearchAttribute } from '../../libs/contracts/src/search-attributes';
import type {
  AcceptedDeregistration,
  DeregistrationObjection,
  DeregistrationRefusalDetails,
} from '../../libs/contracts/src/deregistration/deregistration-activities';
import type { TaskDue, TaskState } from '../../libs/contracts/src/tasks/task.types';
import type { DeregistrationStatus, DeregistrationStatusName, DeregistrationStep, TaxAnswer } from './definitions';

const now = () => new Date().toISOString();

/** What the deregistration workflow shows of itself: the status query's answer, built as the case moves. */
export class DeregistrationProgress {
  private current: DeregistrationStatusName = 'applied';
  enterprise?: AcceptedDeregistration;
  taxAnswer?: TaxAnswer;
  readonly objections: DeregistrationObjection[] = [];
  private readonly steps: DeregistrationStep[] = [];
  private announcement?: DeregistrationStatus['announcement'];
  private confirmation?: DeregistrationStatus['confirmation'];
  private refusal?: DeregistrationStatus['refusal'];

  constructor(
    private readonly caseId: string,
    private readonly applicantId: string,
    private readonly timeScale: number,
    private readonly policyVersion: string,
  ) {}

  get status(): DeregistrationStatusName {
    return this.current;
  }

  /** One search-attribute upsert per change of status, so the gateway can list cases (announcing ones publicly). */
  moveTo(status: DeregistrationStatusName): void {
    if (status === this.current) return;
    this.current = status;
    upsertSearchAttributes([{ key: CaseSearchAttribute.CaseStatus, value: status }]);
  }

  step(name: DeregistrationStep['name'], status: DeregistrationStep['status'], due?: TaskDue): void {
    const existing = this.steps.find((s) => s.name === name);
    const step = { name, status, at: now(), ...(due && { due }) };
    if (!existing) this.steps.push(step);
    else Object.assign(existing, { status, at: step.at }, due && { due });
  }

  refused(failure: ApplicationFailure): void {
    const [details] = (failure.details ?? []) as DeregistrationRefusalDetails[];
    this.refusal = { type: failure.type ?? 'Refused', message: failure.message, ...(details && { details }) };
    this.moveTo('refused');
    this.step('apply', 'refused');
  }

  announcing(startedAt: Date, due: TaskDue): void {
    this.announcement = { startedAt: startedAt.toISOString(), due, open: true };
    this.moveTo('announcing');
    this.step('announcement', 'in-progress', due);
    this.step('tax-clearance', 'in-progress');
  }

  announcementClosed(): void {
    if (this.announcement) this.announcement.open = false;
    this.step('announcement', this.objections.length > 0 ? 'objected' : 'done');
  }

  taxAnswered(answer: TaxAnswer): void {
    if (this.taxAnswer) return; // a redelivered answer: the first one stands
    this.taxAnswer = answer;
    this.step('tax-clearance', answer.verdict === 'objection' ? 'objected' : 'done');
  }

  awaitingConfirmation(due: TaskDue, extended = false): void {
    this.confirmation = { due, extended };
    this.moveTo('awaiting-confirmation');
    this.step('confirmation', 'in-progress', due);
  }

  get confirmationExtended(): boolean {
    return this.confirmation?.extended === true;
  }

  confirmed(): void {
    if (this.confirmation) this.confirmation.confirmedAt = now();
    this.step('confirmation', 'done');
  }

  /** Objections lodged, with tax's, as the officer's refusal lists them. */
  get allObjections(): string[] {
    const lodged = this.objections.map((o) => `${o.name}：${o.reason}`);
    const tax = this.taxAnswer?.verdict === 'objection' ? [`税务机关：${this.taxAnswer.reason ?? '有异议'}`] : [];
    return [...lodged, ...tax];
  }

  snapshot(openTask?: TaskState): DeregistrationStatus {
    const {
      caseId,
      applicantId,
      timeScale,
      policyVersion,
      status,
      enterprise,
      announcement,
      taxAnswer,
      confirmation,
      refusal,
    } = this;
    return {
      caseId,
      applicantId,
      timeScale,
      policyVersion,
      status,
      steps: this.steps.map((s) => ({ ...s })),
      ...(enterprise && { enterprise }),
      ...(announcement && { announcement: { ...announcement } }),
      objections: [...this.objections],
      ...(taxAnswer && { taxAnswer }),
      ...(confirmation && { confirmation: { ...confirmation } }),
      ...(openTask && { openTask }),
      ...(refusal && { refusal }),
    };
  }
}
