import { AggregateRoot } from '@nestjs/cqrs';
import {
  type Actor,
  type SupervisionAction,
  type SupervisionEntry,
  type SupervisionKind,
  supervisionKinds,
  type SupervisionRecordView,
} from '@govflow/contracts';
import { ReasonRequired } from '../../enterprise/domain/establishment-case/establishment-case.refusals';
import { SupervisionMatterClosed, SupervisionMatterOpened } from './supervision-record.events';
import { SupervisionMatterAlreadyOpen, SupervisionMatterNotOpen } from './supervision.refusals';

export interface SupervisionDecision {
  recordId: string;
  kind: SupervisionKind;
  action: SupervisionAction;
  reason: string;
  by: Actor;
  at: Date;
}

/**
 * One enterprise's supervision record (R5.1), keyed by its credit code: which matters are open, and every officer's
 * decision that opened or closed one. A decision already recorded under its id (an activity retry) records nothing.
 */
export class SupervisionRecord extends AggregateRoot {
  private readonly openMatters = new Set<SupervisionKind>();
  private readonly entries: SupervisionEntry[] = [];

  constructor(readonly creditCode: string) {
    super();
  }

  get open(): SupervisionKind[] {
    return supervisionKinds.filter((kind) => this.openMatters.has(kind));
  }

  decide({ recordId, kind, action, reason, by, at }: SupervisionDecision): void {
    if (this.entries.some((entry) => entry.recordId === recordId)) return;
    if (reason.trim() === '') throw new ReasonRequired('A supervision decision');
    const { creditCode } = this;
    if (action === 'open') {
      if (this.openMatters.has(kind)) throw new SupervisionMatterAlreadyOpen(creditCode, kind);
      this.apply(new SupervisionMatterOpened({ creditCode, recordId, kind, reason, openedBy: by, openedAt: iso(at) }));
      return;
    }
    if (!this.openMatters.has(kind)) throw new SupervisionMatterNotOpen(creditCode, kind);
    this.apply(new SupervisionMatterClosed({ creditCode, recordId, kind, reason, closedBy: by, closedAt: iso(at) }));
  }

  view(): SupervisionRecordView {
    return { creditCode: this.creditCode, open: this.open, entries: this.entries.map((entry) => ({ ...entry })) };
  }

  onSupervisionMatterOpened(event: SupervisionMatterOpened): void {
    this.openMatters.add(event.kind);
    const { recordId, kind, reason, openedBy: by, openedAt: at } = event;
    this.entries.push({ recordId, kind, action: 'open', reason, by, at });
  }

  onSupervisionMatterClosed(event: SupervisionMatterClosed): void {
    this.openMatters.delete(event.kind);
    const { recordId, kind, reason, closedBy: by, closedAt: at } = event;
    this.entries.push({ recordId, kind, action: 'close', reason, by, at });
  }
}

const iso = (date: Date) => date.toISOString();
