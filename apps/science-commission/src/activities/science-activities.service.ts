import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import {
  type GrantActivities,
  type GrantFact,
  type GrantHoldInput,
  GrantRefusalType,
  type HumanTaskActivities,
  type MakerSpaceActivities,
  type TaskEventRecord,
  taskEventType,
  Topic,
  type VoucherActivities,
  type VoucherFact,
  type VoucherHoldInput,
  VoucherRefusalType,
} from '@govflow/contracts';
import { EventStore, type NewEvent, type StoredEvent } from '@govflow/event-store';
import { MakerSpaces } from '../assessments/maker-spaces';
import { Enterprises } from '../enterprises/enterprises';
import { GrantHolds } from '../grants/grant-holds';
import { VoucherHolds } from '../vouchers/voucher-holds';
import { grantStreamId, makerSpaceStreamId, stableEventId, taskStreamId, voucherStreamId } from './stable-event-id';
import { withWorkflow } from './with-workflow';

const UNIQUE_VIOLATION = '23505';
const EVENT_ID_TAKEN = 'events_event_id_key';
const workflowActor = { id: 'workflow', role: 'system' };

/** Task events go to tasks.events (the gateway's inbox reads them); everything else to science-commission.events. */
export const scienceTopicOf = (event: StoredEvent): Topic =>
  event.streamId.startsWith(taskStreamId('')) ? Topic.TaskEvents : Topic.ScienceCommissionEvents;

/** The activities the science commission registers on its task queue; each idempotent on its key. */
@Injectable()
export class ScienceActivitiesService {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    private readonly enterprises: Enterprises,
    private readonly holds: GrantHolds,
    private readonly vouchers: VoucherHolds,
    private readonly makerSpaces: MakerSpaces,
  ) {}

  activities(): GrantActivities & MakerSpaceActivities & VoucherActivities & HumanTaskActivities {
    return {
      checkMakerSpaceApplicant: ({ creditCode, applicantId }) => this.liveApplicant(creditCode, applicantId),
      recordMakerSpaceFact: (fact) => this.recordMakerSpaceFact(fact),
      holdGrant: (input) => this.holdGrant(input),
      releaseGrant: ({ caseId, because, at }) => this.holds.release(caseId, because, new Date(at)),
      recordGrantFact: (fact) => this.recordGrantFact(fact),
      holdVoucher: (input) => this.holdVoucher(input),
      releaseVoucher: ({ voucherId, because, spentFen, at }) =>
        this.vouchers.release(voucherId, because, spentFen, new Date(at)),
      recordVoucherFact: (fact) => this.recordVoucherFact(fact),
      recordTaskEvent: (record) => this.recordTaskEvent(record),
    };
  }

  /** The enterprise's name when it is live and, with `applicantId`, licensed to that registrant; else a typed failure. */
  private async liveApplicant(creditCode: string, applicantId?: string): Promise<{ enterpriseName: string }> {
    const applicant = await this.enterprises.liveApplicant(creditCode);
    if ('code' in applicant) {
      throw ApplicationFailure.create({
        type: GrantRefusalType.NotALiveEnterprise,
        message: applicant.message,
        nonRetryable: true,
      });
    }
    if (applicantId !== undefined && applicant.registrantId !== applicantId) {
      throw ApplicationFailure.create({
        type: GrantRefusalType.NotEnterpriseOwner,
        message: `只有 ${applicant.enterpriseName} 的登记申请人可以为其申请`,
        nonRetryable: true,
      });
    }
    return { enterpriseName: applicant.enterpriseName };
  }

  private async recordMakerSpaceFact(fact: Parameters<MakerSpaceActivities['recordMakerSpaceFact']>[0]): Promise<void> {
    const { idempotencyKey, caseId, type, actor, reason, at, data } = fact;
    if (type === 'MakerSpaceRecognized') await this.rememberRecognised(caseId, data, new Date(at));
    return this.appendOnce(makerSpaceStreamId(caseId), {
      eventId: stableEventId(idempotencyKey),
      type,
      data: { caseId, ...data },
      metadata: withWorkflow({ actor, reason, correlationId: caseId, causationId: idempotencyKey }),
      occurredAt: new Date(at),
    });
  }

  /** The yearly assessment covers it from now on; the owner is the enterprise's registrant (who files the report). */
  private async rememberRecognised(caseId: string, data: Record<string, unknown>, at: Date): Promise<void> {
    const creditCode = String(data.creditCode);
    const enterprise = await this.enterprises.find(creditCode);
    if (!enterprise) throw new Error(`enterprise ${creditCode} of maker space ${caseId} is unknown here`);
    const level = data.level as 'national' | 'municipal';
    const space = {
      caseId,
      creditCode,
      enterpriseName: enterprise.enterpriseName,
      ownerId: enterprise.registrantId,
      level,
    };
    await this.makerSpaces.recordRecognised(this.store.pool, space, at);
  }

  private async holdGrant(input: GrantHoldInput): Promise<{ enterpriseName: string }> {
    const enterprise = await this.liveApplicant(input.creditCode, input.applicantId);
    const answer = await this.holds.hold(input, new Date(input.at));
    if (answer.held) return enterprise;
    const type =
      answer.code === 'already-funded-under-programme'
        ? GrantRefusalType.AlreadyFunded
        : GrantRefusalType.BudgetExhausted;
    throw ApplicationFailure.create({ type, message: answer.message, nonRetryable: true });
  }

  private recordGrantFact(fact: GrantFact): Promise<void> {
    const { idempotencyKey, caseId, type, actor, reason, at, data } = fact;
    return this.appendOnce(grantStreamId(caseId), {
      eventId: stableEventId(idempotencyKey),
      type,
      data: { caseId, ...data },
      metadata: withWorkflow({ actor, reason, correlationId: caseId, causationId: idempotencyKey }),
      occurredAt: new Date(at),
    });
  }

  private async holdVoucher(input: VoucherHoldInput): Promise<{ enterpriseName: string }> {
    const enterprise = await this.liveApplicant(input.creditCode, input.claimantId);
    const answer = await this.vouchers.hold(input, new Date(input.at));
    if (answer.held) return enterprise;
    const type =
      answer.code === 'budget-exhausted' ? VoucherRefusalType.BudgetExhausted : VoucherRefusalType.TooManyLiveVouchers;
    throw ApplicationFailure.create({ type, message: answer.message, nonRetryable: true });
  }

  private recordVoucherFact(fact: VoucherFact): Promise<void> {
    const { idempotencyKey, voucherId, type, actor, reason, at, data } = fact;
    return this.appendOnce(voucherStreamId(voucherId), {
      eventId: stableEventId(idempotencyKey),
      type,
      data: { voucherId, ...data },
      metadata: withWorkflow({ actor, reason, correlationId: voucherId, causationId: idempotencyKey }),
      occurredAt: new Date(at),
    });
  }

  private recordTaskEvent(record: TaskEventRecord): Promise<void> {
    const { event } = record;
    const reason = 'reason' in event ? event.reason : undefined;
    const metadata = withWorkflow({
      actor: 'actor' in event ? event.actor : workflowActor,
      ...(reason ? { reason } : {}),
      correlationId: record.caseId,
      causationId: record.eventId,
    });
    return this.appendOnce(taskStreamId(record.taskId), {
      eventId: stableEventId(`task:${record.eventId}`),
      type: taskEventType(event.type),
      data: { ...record },
      metadata,
      occurredAt: new Date(event.at),
    });
  }

  /** Appends at any version; an event id already stored means a retry, which succeeds without storing it again. */
  private async appendOnce(streamId: string, event: NewEvent): Promise<void> {
    try {
      await this.store.append(streamId, 'any', [event]);
    } catch (error) {
      const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
      if (code !== UNIQUE_VIOLATION || constraint !== EVENT_ID_TAKEN) throw error;
    }
  }
}
