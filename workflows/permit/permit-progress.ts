import { upsertSearchAttributes } from '@temporalio/workflow';
import { CaseSearchAttribute } from '../../libs/contracts/src/search-attributes';
import type { TaskDue, TaskState } from '../../libs/contracts/src/tasks/task.types';
import type { PermitInput, PermitStatus, PermitStatusName, PermitStep } from './definitions';

const now = () => new Date().toISOString();

/** What the permit workflow shows of itself: the status query's answer, built as the case moves. */
export class PermitProgress {
  private current: PermitStatusName = 'applied';
  private readonly steps: PermitStep[] = [];
  permitNumber?: string;
  decision?: PermitStatus['decision'];
  validity?: PermitStatus['validity'];
  spotCheck?: PermitStatus['spotCheck'];
  refusal?: PermitStatus['refusal'];
  ending?: PermitStatus['ending'];

  constructor(private readonly input: PermitInput) {}

  get status(): PermitStatusName {
    return this.current;
  }

  /** One search-attribute upsert per change of status. */
  moveTo(status: PermitStatusName): void {
    if (status === this.current) return;
    this.current = status;
    upsertSearchAttributes([{ key: CaseSearchAttribute.CaseStatus, value: status }]);
  }

  step(name: PermitStep['name'], status: PermitStep['status'], extra: { due?: TaskDue; note?: string } = {}): void {
    const existing = this.steps.find((s) => s.name === name);
    const step = { name, status, at: now(), ...extra };
    if (!existing) this.steps.push(step);
    else Object.assign(existing, step);
  }

  snapshot(openTask?: TaskState): PermitStatus {
    const { caseId, applicant, enterprise, item, route, timeScale } = this.input;
    const { permitNumber, decision, validity, spotCheck, refusal, ending } = this;
    return {
      caseId,
      applicantId: applicant.id,
      creditCode: enterprise.creditCode,
      permitCode: item.code,
      nameZh: item.nameZh,
      authority: item.authority,
      route,
      catalogueVersion: item.catalogueVersion,
      timeScale,
      status: this.current,
      steps: this.steps.map((s) => ({ ...s })),
      ...(permitNumber && { permitNumber }),
      ...(decision && { decision }),
      ...(validity && { validity: { ...validity } }),
      ...(spotCheck && { spotCheck: { ...spotCheck } }),
      ...(openTask && { openTask }),
      ...(refusal && { refusal }),
      ...(ending && { ending }),
    };
  }
}
