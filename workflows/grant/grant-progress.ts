import { upsertSearchAttributes } from '@temporalio/workflow';
import { CaseSearchAttribute } from '../../libs/contracts/src/search-attributes';
import type {
  ConflictDeclaration,
  ExpertScore,
  GrantObjection,
  GrantStepName,
  GrantStepStatus,
} from '../../libs/contracts/src/science/grant-activities';
import type { Actor } from '../../libs/contracts/src/actors';
import type { TaskDue } from '../../libs/contracts/src/tasks/task.types';
import { openTaskStates } from '../shared/human-task';
import type { GrantInput, GrantStatus, GrantStatusName, GrantStep } from './definitions';

const now = () => new Date().toISOString();

/** What the grant workflow shows of itself: the status query's answer, built as the case moves. */
export class GrantProgress {
  private current: GrantStatusName = 'applied';
  private readonly steps: GrantStep[] = [];
  readonly scores: ExpertScore[] = [];
  readonly conflicts: ConflictDeclaration[] = [];
  readonly objections: GrantObjection[] = [];
  notice?: GrantStatus['notice'];
  private payment?: GrantStatus['payment'];
  private published?: GrantStatus['published'];
  private refusal?: GrantStatus['refusal'];
  /** As the science commission knows it, once eligibility answered (an application names only the code). */
  enterpriseName?: string;

  constructor(private readonly input: GrantInput) {}

  get status(): GrantStatusName {
    return this.current;
  }

  /** One search-attribute upsert per change of status, so the gateway can list cases (those on notice publicly). */
  moveTo(status: GrantStatusName): void {
    if (status === this.current) return;
    this.current = status;
    upsertSearchAttributes([{ key: CaseSearchAttribute.CaseStatus, value: status }]);
  }

  step(name: GrantStepName, status: GrantStepStatus, due?: TaskDue): void {
    const existing = this.steps.find((s) => s.name === name);
    const step = { name, status, at: now(), ...(due && { due }) };
    if (!existing) this.steps.push(step);
    else Object.assign(existing, { status, at: step.at }, due && { due });
  }

  refused(type: string, message: string): void {
    this.refusal = { type, message };
    this.step('eligibility', 'refused');
    this.moveTo('refused');
  }

  get openObjections(): GrantObjection[] {
    return this.objections.filter((o) => o.status === 'open');
  }

  paid(paidBy: Actor, paidAt: string): void {
    this.payment = { paidBy, paidAt, amountFen: this.input.amountFen };
    this.step('payment', 'done');
    this.moveTo('paid');
  }

  publishedAt(at: string): void {
    this.published = { at };
    this.step('publication', 'done');
  }

  snapshot(): GrantStatus {
    const { caseId, creditCode, programme, programmeVersion, amountFen, timeScale } = this.input;
    const enterpriseName = this.enterpriseName ?? this.input.enterpriseName;
    return {
      caseId,
      applicantId: this.input.applicant.id,
      status: this.current,
      creditCode,
      enterpriseName,
      programmeCode: programme.code,
      programmeVersion,
      amountFen,
      timeScale,
      steps: this.steps.map((s) => ({ ...s })),
      scores: [...this.scores],
      conflicts: [...this.conflicts],
      ...(this.notice && { notice: { ...this.notice } }),
      objections: this.objections.map((o) => ({ ...o })),
      ...(this.payment && { payment: { ...this.payment } }),
      ...(this.published && { published: { ...this.published } }),
      ...(this.refusal && { refusal: { ...this.refusal } }),
      openTasks: openTaskStates(),
    };
  }
}
