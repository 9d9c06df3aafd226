import { AggregateRoot } from '@nestjs/cqrs';
import type { Actor, DeregistrationObjection, StartAnnouncementInput } from '@govflow/contracts';
import {
  DeregistrationAnnouncementStarted,
  DeregistrationApplied,
  type DeregistrationAppliedData,
  DeregistrationConfirmed,
  DeregistrationLapsed,
  DeregistrationObjectionLodged,
  DeregistrationRefused,
  EnterpriseDeregistered,
} from './deregistration-case.events';

export type DeregistrationCaseStatus = 'new' | 'applied' | 'lapsed' | 'refused' | 'deregistered';

const iso = (date: Date) => date.toISOString();

/**
 * One simplified deregistration (简易注销, R3) as market regulation records it. The workflow decides when each step
 * happens; this keeps the facts. Every command is idempotent: a repeat (an activity retry) records nothing.
 */
export class DeregistrationCase extends AggregateRoot {
  private status: DeregistrationCaseStatus = 'new';
  private applied?: DeregistrationAppliedData;
  private announced = false;
  private confirmed = false;
  private readonly objectionIds = new Set<string>();

  constructor(readonly id: string) {
    super();
  }

  get application(): DeregistrationAppliedData | undefined {
    return this.applied;
  }

  get isClosed(): boolean {
    return this.status === 'lapsed' || this.status === 'refused' || this.status === 'deregistered';
  }

  recordApplication(data: DeregistrationAppliedData): void {
    if (this.applied) return;
    this.apply(new DeregistrationApplied(data));
  }

  startAnnouncement(input: Omit<StartAnnouncementInput, 'idempotencyKey' | 'caseId'>): void {
    if (this.announced) return;
    const { creditCode, enterpriseName } = this.facts();
    this.apply(new DeregistrationAnnouncementStarted({ caseId: this.id, creditCode, enterpriseName, ...input }));
  }

  lodgeObjection(objection: DeregistrationObjection): void {
    if (this.objectionIds.has(objection.objectionId)) return;
    this.apply(new DeregistrationObjectionLodged({ caseId: this.id, creditCode: this.facts().creditCode, objection }));
  }

  confirm(by: Actor, extended: boolean, at: Date): void {
    if (this.confirmed) return;
    const { creditCode } = this.facts();
    this.apply(
      new DeregistrationConfirmed({ caseId: this.id, creditCode, confirmedBy: by, extended, confirmedAt: iso(at) }),
    );
  }

  lapse(reason: string, at: Date): void {
    if (this.isClosed) return;
    this.apply(
      new DeregistrationLapsed({ caseId: this.id, creditCode: this.facts().creditCode, reason, lapsedAt: iso(at) }),
    );
  }

  refuse(by: Actor, reason: string, objections: DeregistrationObjection[], at: Date): void {
    if (this.isClosed) return;
    const { creditCode } = this.facts();
    this.apply(
      new DeregistrationRefused({ caseId: this.id, creditCode, decidedBy: by, reason, objections, refusedAt: iso(at) }),
    );
  }

  deregister(by: Actor, reason: string, at: Date): void {
    if (this.status === 'deregistered') return;
    const { creditCode, enterpriseName } = this.facts();
    this.apply(
      new EnterpriseDeregistered({
        caseId: this.id,
        creditCode,
        enterpriseName,
        decidedBy: by,
        reason,
        deregisteredAt: iso(at),
      }),
    );
  }

  onDeregistrationApplied(event: DeregistrationApplied): void {
    this.applied = { ...event };
    this.status = 'applied';
  }

  onDeregistrationAnnouncementStarted(): void {
    this.announced = true;
  }

  onDeregistrationObjectionLodged(event: DeregistrationObjectionLodged): void {
    this.objectionIds.add(event.objection.objectionId);
  }

  onDeregistrationConfirmed(): void {
    this.confirmed = true;
  }

  onDeregistrationLapsed(): void {
    this.status = 'lapsed';
  }

  onDeregistrationRefused(): void {
    this.status = 'refused';
  }

  onEnterpriseDeregistered(): void {
    this.status = 'deregistered';
  }

  private facts(): DeregistrationAppliedData {
    if (!this.applied) throw new Error(`Deregistration case ${this.id} has no application`);
    return this.applied;
  }
}
