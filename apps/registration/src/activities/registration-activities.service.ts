import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type {
  CreditActivities,
  DeregistrationActivities,
  DetermineRequiredPermitsInput,
  HumanTaskActivities,
  IssuedLicense,
  IssueLicenseInput,
  NameCheckActivities,
  NameCheckAnswer,
  NameCheckRequest,
  RegistrationActivities,
  RecordSupervisionInput,
  RejectApplicationInput,
  RequiredPermitNotice,
  SubmitApplicationInput,
  SupervisionActivities,
  SupervisionRecordView,
  SupplementApplicationInput,
  TaskEventRecord,
} from '@govflow/contracts';
import type { EventMetadata } from '@govflow/messaging';
import { DeregistrationDesk } from '../deregistration/deregistration-desk';
import { IssueLicense } from '../enterprise/commands/issue-license/issue-license.command';
import { RejectApplication } from '../enterprise/commands/reject-application/reject-application.command';
import { SubmitApplication } from '../enterprise/commands/submit-application/submit-application.command';
import { SupplementApplication } from '../enterprise/commands/supplement-application/supplement-application.command';
import { ReexamineNames } from '../enterprise/queries/reexamine-names/reexamine-names.query';
import { CheckName } from '../enterprise/queries/check-name/check-name.query';
import { DetermineRequiredPermits } from '../enterprise/queries/determine-required-permits/determine-required-permits.query';
import { RecordSupervision } from '../supervision/commands/record-supervision/record-supervision.command';
import { ReadSupervision } from '../supervision/queries/read-supervision/read-supervision.query';
import { instant } from '../shared/instant';
import { RecordTaskEvent } from '../tasks/commands/record-task-event/record-task-event.command';
import { taskEventMetadata } from '../tasks/task-event-metadata';
import { CreditRecords } from '../credit/credit-record';
import { activityMetadata, reasonIfAny } from './activity-metadata';
import { refusalsAsFailures } from './refusals-as-failures';

export type RegistrationWorkerActivities = RegistrationActivities &
  HumanTaskActivities &
  NameCheckActivities &
  SupervisionActivities &
  DeregistrationActivities &
  CreditActivities;

/**
 * The activities on task queue `registration`: each turns a workflow's request into a command or query. Effects are
 * caused by the workflow's idempotency key (correlated by the case), and every one is safe to run again.
 */
@Injectable()
export class RegistrationActivitiesService {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly deregistrations: DeregistrationDesk,
    private readonly credit: CreditRecords,
  ) {}

  /** Plain functions, as a Temporal worker registers them. */
  activities(): RegistrationWorkerActivities {
    return {
      submitApplication: (input) => refusalsAsFailures(() => this.submitApplication(input)),
      supplementApplication: (input) => refusalsAsFailures(() => this.supplementApplication(input)),
      rejectApplication: (input) => refusalsAsFailures(() => this.rejectApplication(input)),
      issueLicense: (input) => refusalsAsFailures(() => this.issueLicense(input)),
      determineRequiredPermits: (input) => refusalsAsFailures(() => this.determineRequiredPermits(input)),
      recordTaskEvent: (record) => refusalsAsFailures(() => this.recordTaskEvent(record)),
      checkName: (request) => refusalsAsFailures(() => this.checkName(request)),
      reexamineNames: ({ caseIds }) =>
        refusalsAsFailures(() => this.queries.execute(new ReexamineNames(caseIds, new Date()))),
      recordSupervision: (input) => refusalsAsFailures(() => this.recordSupervision(input)),
      ...this.deregistrationActivities(),
      readCreditRecord: ({ creditCode }) => this.credit.read(creditCode),
      markCredit: (input) => {
        const { by, reason, idempotencyKey } = input;
        const correlationId = input.caseId ?? input.creditCode;
        return this.credit.mark(
          input,
          activityMetadata({ actor: by, reason, correlationId, causationId: idempotencyKey }),
        );
      },
      readSupervision: ({ creditCode }) =>
        refusalsAsFailures(() => this.queries.execute(new ReadSupervision(creditCode))),
    };
  }

  private submitApplication({ idempotencyKey, caseId, applicant, application, submittedAt }: SubmitApplicationInput) {
    const metadata = activityMetadata({ actor: applicant, correlationId: caseId, causationId: idempotencyKey });
    const at = instant(submittedAt, 'submittedAt');
    return this.commands.execute(new SubmitApplication(caseId, applicant, application, at, metadata));
  }

  private supplementApplication(input: SupplementApplicationInput) {
    const { idempotencyKey, caseId, round, by, changes, note } = input;
    const causation = { correlationId: caseId, causationId: idempotencyKey };
    const metadata = activityMetadata({ actor: by, ...reasonIfAny(note), ...causation });
    const at = instant(input.at, 'at');
    return this.commands.execute(new SupplementApplication(caseId, round, changes, note, by, at, metadata));
  }

  private rejectApplication({ idempotencyKey, caseId, decidedBy, reason, decidedAt }: RejectApplicationInput) {
    const causation = { correlationId: caseId, causationId: idempotencyKey };
    const metadata = activityMetadata({ actor: decidedBy, ...reasonIfAny(reason), ...causation });
    const at = instant(decidedAt, 'decidedAt');
    return this.commands.execute(new RejectApplication(caseId, decidedBy, reason, at, metadata));
  }

  private issueLicense({ idempotencyKey, caseId, approvedBy, approvedAt }: IssueLicenseInput): Promise<IssuedLicense> {
    const metadata = activityMetadata({ actor: approvedBy, correlationId: caseId, causationId: idempotencyKey });
    return this.commands.execute(new IssueLicense(caseId, instant(approvedAt, 'approvedAt'), metadata));
  }

  private determineRequiredPermits(input: DetermineRequiredPermitsInput): Promise<RequiredPermitNotice[]> {
    const { caseId, creditCode, businessScope, catalogueVersion } = input;
    return this.queries.execute(new DetermineRequiredPermits(caseId, creditCode, businessScope, catalogueVersion));
  }

  private recordTaskEvent(record: TaskEventRecord): Promise<void> {
    return this.commands.execute(new RecordTaskEvent(record, activityMetadata(taskEventMetadata(record))));
  }

  private checkName(request: NameCheckRequest): Promise<NameCheckAnswer> {
    return this.queries.execute(new CheckName(request, new Date()));
  }

  private recordSupervision(input: RecordSupervisionInput): Promise<SupervisionRecordView> {
    const { idempotencyKey, creditCode, kind, action, reason, by } = input;
    const metadata = activityMetadata({ actor: by, reason, correlationId: creditCode, causationId: idempotencyKey });
    const decision = { recordId: idempotencyKey, kind, action, reason, by, at: instant(input.at, 'at') };
    return this.commands.execute(new RecordSupervision(creditCode, decision, metadata));
  }

  private deregistrationActivities(): DeregistrationActivities {
    const desk = this.deregistrations;
    const meta = (caseId: string, key: string, actor: EventMetadata['actor'], reason?: string) =>
      activityMetadata({ actor, ...reasonIfAny(reason), correlationId: caseId, causationId: key });
    const system = { id: 'market-regulation', role: 'system', department: 'market-regulation' };
    return {
      applyForDeregistration: (input) =>
        refusalsAsFailures(() => desk.apply(input, meta(input.caseId, input.idempotencyKey, input.applicant))),
      startDeregistrationAnnouncement: (input) =>
        refusalsAsFailures(() => desk.startAnnouncement(input, meta(input.caseId, input.idempotencyKey, system))),
      recordDeregistrationObjection: ({ caseId, idempotencyKey, objection }) =>
        refusalsAsFailures(() =>
          desk.lodgeObjection(caseId, objection, meta(caseId, idempotencyKey, objection.by, objection.reason)),
        ),
      recordDeregistrationConfirmed: (input) =>
        refusalsAsFailures(() => desk.confirm(input, meta(input.caseId, input.idempotencyKey, input.by, input.reason))),
      lapseDeregistration: (input) =>
        refusalsAsFailures(() => desk.lapse(input, meta(input.caseId, input.idempotencyKey, system, input.reason))),
      refuseDeregistration: (input) =>
        refusalsAsFailures(() => desk.refuse(input, meta(input.caseId, input.idempotencyKey, input.by, input.reason))),
      deregisterEnterprise: (input) =>
        refusalsAsFailures(() =>
          desk.deregister(input, meta(input.caseId, input.idempotencyKey, input.by, input.reason)),
        ),
    };
  }
}
