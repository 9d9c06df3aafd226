import { upsertSearchAttributes } from '@temporalio/workflow';
import type {
  IssuedLicense,
  RequiredPermitNotice,
} from '../../libs/contracts/src/registration/registration-activities';
import { CaseKind, CaseSearchAttribute } from '../../libs/contracts/src/search-attributes';
import type { TaskDue, TaskState } from '../../libs/contracts/src/tasks/task.types';
import type {
  RegistrationStatus,
  RegistrationStatusName,
  RegistrationStep,
  RegistrationStepName,
  StepStatus,
  SubmissionRefusal,
  TaxRecord,
} from './definitions';

const now = () => new Date().toISOString();

/** What the registrant and the officers see of the case; every status change also goes to the CaseStatus attribute. */
export class RegistrationProgress {
  private status: RegistrationStatusName = 'submitted';
  private readonly steps: RegistrationStep[] = [];
  private license?: IssuedLicense;
  private requiredPermits: RequiredPermitNotice[] = [];
  private refusal?: SubmissionRefusal;
  taxRecord?: TaxRecord;

  constructor(
    private readonly caseId: string,
    applicantId: string,
    private readonly timeScale: number,
  ) {
    // Set here as well as by the starter, so a case started without them can still be found.
    upsertSearchAttributes([
      { key: CaseSearchAttribute.CaseId, value: caseId },
      { key: CaseSearchAttribute.CaseKind, value: CaseKind.Registration },
      { key: CaseSearchAttribute.ApplicantId, value: applicantId },
      { key: CaseSearchAttribute.CaseStatus, value: this.status },
    ]);
  }

  moveTo(status: RegistrationStatusName): void {
    this.status = status;
    upsertSearchAttributes([{ key: CaseSearchAttribute.CaseStatus, value: status }]);
  }

  /** Moves a step (of a round, for steps that repeat) to a status, adding it the first time. */
  step(name: RegistrationStepName, status: StepStatus, round?: number, due?: TaskDue): void {
    const existing = this.steps.find((step) => step.name === name && step.round === round);
    if (existing) Object.assign(existing, { status, at: now() });
    else this.steps.push({ name, ...(round === undefined ? {} : { round }), status, at: now(), ...(due && { due }) });
  }

  /** The submission was refused (its name failed R1.3): the case ends before review. */
  refused({ type, message, details }: { type?: string | null; message: string; details?: unknown[] | null }): void {
    const [first] = details ?? [];
    this.refusal = {
      type: type ?? 'Refused',
      message,
      ...(first ? { details: first as SubmissionRefusal['details'] } : {}),
    };
    this.step('submit-application', 'refused');
    this.moveTo('refused');
  }

  licensed(license: IssuedLicense): void {
    this.license = license;
    this.step('issue-license', 'done');
    this.moveTo('licensed');
  }

  /** The first TaxRecordOpened wins; the consumer may deliver it again after a restart. */
  taxRecordOpened(record: TaxRecord): void {
    this.taxRecord ??= record;
  }

  permitsDetermined(permits: RequiredPermitNotice[]): void {
    this.requiredPermits = permits;
    this.step('determine-permits', 'done');
  }

  snapshot(openTask?: TaskState): RegistrationStatus {
    const { caseId, timeScale, status, license, taxRecord, requiredPermits, refusal } = this;
    const steps = this.steps.map((step) => ({ ...step }));
    const permits = [...requiredPermits];
    return {
      caseId,
      timeScale,
      status,
      steps,
      license,
      taxRecord,
      requiredPermits: permits,
      openTask,
      ...(refusal && { refusal }),
    };
  }
}
