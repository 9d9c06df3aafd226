import { AggregateRoot } from '@nestjs/cqrs';
import type {
  Actor,
  LicenseIssuedV1,
  Money,
  TaxPendingMatter,
  TaxPendingMatterKind,
  TaxRecordOpenedV1,
  TaxRecordView,
} from '@govflow/contracts';
import {
  DeregistrationNoticeReceived,
  TaxClearanceRecorded,
  TaxExemptionStarted,
  TaxExemptionEnded,
  TaxNoObjectionRaised,
  TaxObjectionRaised,
  TaxPendingMatterRecorded,
  TaxRecordClosed,
  TaxRecordOpened,
} from './tax-record.events';
import { TaxRecordNotFound } from './tax-record.refusals';

/** What the tax record needs of the license. */
export type IssuedLicenseFacts = Pick<LicenseIssuedV1, 'caseId' | 'creditCode' | 'enterpriseName'>;

export interface DeregistrationNotice {
  caseId: string;
  announcementLegalEndsAt: string;
  objectionDueAt: Date;
}

type Verdict = 'no-objection' | 'objection';
const iso = (date: Date) => date.toISOString();

/**
 * A taxpayer's record with the tax bureau; the taxpayer id is the unified social credit code (三证合一). Tax clearance
 * for deregistration (R3.3): a notice is answered at once with no objection when nothing is pending, when a clearance
 * is recorded before the period's end, or with an objection the day after it ends. Repeats record nothing.
 */
export class TaxRecord extends AggregateRoot {
  private opened?: TaxRecordOpenedV1;
  private closed = false;
  private pending: TaxPendingMatter[] = [];
  private readonly decisionIds = new Set<string>();
  private readonly clearances: TaxRecordView['clearances'] = [];
  private readonly notices = new Map<string, { objectionDueAt: string; verdict?: Verdict }>();
  private readonly exemptions: NonNullable<TaxRecordView['exemptions']> = [];

  constructor(readonly taxpayerId: string) {
    super();
  }

  get isOpen(): boolean {
    return this.opened !== undefined;
  }

  /**
   * Opens the record from the license, without asking the registrant anything (R1.1). Once per taxpayer: a
   * redelivered or repeated LicenseIssued for the same code changes nothing.
   */
  openFromLicense(license: IssuedLicenseFacts, openedAt: Date): void {
    if (this.opened) return;
    if (license.creditCode !== this.taxpayerId) {
      throw new Error(`License of ${license.creditCode} cannot open the record of taxpayer ${this.taxpayerId}`);
    }
    const { caseId, enterpriseName } = license;
    const opened = { caseId, taxpayerId: this.taxpayerId, enterpriseName, openedAt: openedAt.toISOString() };
    this.apply(new TaxRecordOpened(opened));
  }

  recordPendingMatter(
    matter: { matterId: string; kind: TaxPendingMatterKind; amount?: Money; note: string },
    by: Actor,
    at: Date,
  ) {
    this.assertOpen();
    if (this.decisionIds.has(matter.matterId)) return;
    this.apply(
      new TaxPendingMatterRecorded({ ...matter, taxpayerId: this.taxpayerId, recordedBy: by, recordedAt: iso(at) }),
    );
  }

  /** Settles what is pending; then `answer` each of `casesAwaitingAnswer` (no objection), each in its case's name. */
  recordClearance(clearanceId: string, reason: string, by: Actor, at: Date): void {
    this.assertOpen();
    if (this.decisionIds.has(clearanceId)) return;
    const settledMatterIds = this.pending.map((m) => m.matterId);
    const { taxpayerId } = this;
    this.apply(
      new TaxClearanceRecorded({
        taxpayerId,
        clearanceId,
        reason,
        settledMatterIds,
        clearedBy: by,
        clearedAt: iso(at),
      }),
    );
  }

  receiveDeregistrationNotice({ caseId, announcementLegalEndsAt, objectionDueAt }: DeregistrationNotice, at: Date) {
    this.assertOpen();
    if (this.notices.has(caseId)) return;
    const { taxpayerId } = this;
    this.apply(
      new DeregistrationNoticeReceived({
        taxpayerId,
        caseId,
        announcementLegalEndsAt,
        objectionDueAt: iso(objectionDueAt),
        receivedAt: iso(at),
      }),
    );
    if (this.pending.length > 0) return;
    this.apply(new TaxNoObjectionRaised({ taxpayerId, caseId, because: 'no-pending-matters', raisedAt: iso(at) }));
  }

  /**
   * Tax's answer to the case now: no objection when nothing is pending (cleared), else an objection listing what is
   * (the day after the period ends). Nothing when the case was answered already.
   */
  answer(caseId: string, at: Date): void {
    const notice = this.notices.get(caseId);
    if (!notice || notice.verdict) return;
    const { taxpayerId } = this;
    if (this.pending.length === 0) {
      this.apply(new TaxNoObjectionRaised({ taxpayerId, caseId, because: 'cleared', raisedAt: iso(at) }));
      return;
    }
    const reason = `纳税人尚有未办结涉税事项：${this.pending.map((m) => m.note).join('；')}`;
    const pendingMatters = this.pending.map((m) => ({ ...m }));
    this.apply(new TaxObjectionRaised({ taxpayerId, caseId, reason, pendingMatters, raisedAt: iso(at) }));
  }

  /** The enterprise was deregistered (R3.4); once. */
  closeOnDeregistration(caseId: string, at: Date): void {
    this.assertOpen();
    if (this.closed) return;
    this.apply(new TaxRecordClosed({ taxpayerId: this.taxpayerId, caseId, closedAt: iso(at) }));
  }

  /** A recognised maker space's exemption (R4.1), from `startsOn` (the first day of the next month); once per case. */
  startMakerSpaceExemption(caseId: string, level: 'national' | 'municipal', startsOn: string, at: Date): void {
    this.assertOpen();
    if (this.exemptions.some((e) => e.caseId === caseId)) return;
    const { taxpayerId } = this;
    this.apply(
      new TaxExemptionStarted({ taxpayerId, caseId, kind: 'maker-space', level, startsOn, startedAt: iso(at) }),
    );
  }

  onTaxExemptionStarted({ caseId, kind, level, startsOn }: TaxExemptionStarted): void {
    this.exemptions.push({ caseId, kind, level, startsOn });
  }

  /**
   * The exemption of a revoked or ended recognition (R4.4) ends on `endsOn`; once per case, and also on a closed
   * record (a deregistration closes it in the same breath). A case with no exemption here has nothing to end.
   */
  endMakerSpaceExemption(caseId: string, because: TaxExemptionEnded['because'], endsOn: string, at: Date): void {
    const exemption = this.exemptions.find((e) => e.caseId === caseId);
    if (!exemption || exemption.endsOn) return;
    const { taxpayerId } = this;
    this.apply(new TaxExemptionEnded({ taxpayerId, caseId, kind: 'maker-space', because, endsOn, endedAt: iso(at) }));
  }

  onTaxExemptionEnded({ caseId, because, endsOn }: TaxExemptionEnded): void {
    const exemption = this.exemptions.find((e) => e.caseId === caseId);
    if (exemption) Object.assign(exemption, { endsOn, endedBecause: because });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  onTaxRecordClosed(): void {
    this.closed = true;
  }

  view(): TaxRecordView {
    const deregistrations = [...this.notices].map(([caseId, n]) => ({ caseId, ...n }));
    const enterpriseName = this.opened?.enterpriseName ?? '';
    return {
      taxpayerId: this.taxpayerId,
      enterpriseName,
      pendingMatters: [...this.pending],
      clearances: [...this.clearances],
      deregistrations,
      exemptions: this.exemptions.map((e) => ({ ...e })),
    };
  }

  onTaxRecordOpened(event: TaxRecordOpened): void {
    this.opened = { ...event };
  }

  onTaxPendingMatterRecorded({ matterId, kind, amount, note }: TaxPendingMatterRecorded): void {
    this.decisionIds.add(matterId);
    this.pending.push({ matterId, kind, ...(amount ? { amount } : {}), note });
  }

  onTaxClearanceRecorded({ clearanceId, reason, clearedBy, clearedAt, settledMatterIds }: TaxClearanceRecorded): void {
    this.decisionIds.add(clearanceId);
    this.clearances.push({ clearanceId, reason, clearedBy, clearedAt });
    this.pending = this.pending.filter((m) => !settledMatterIds.includes(m.matterId));
  }

  onDeregistrationNoticeReceived({ caseId, objectionDueAt }: DeregistrationNoticeReceived): void {
    this.notices.set(caseId, { objectionDueAt });
  }

  onTaxNoObjectionRaised({ caseId }: TaxNoObjectionRaised): void {
    this.settle(caseId, 'no-objection');
  }

  onTaxObjectionRaised({ caseId }: TaxObjectionRaised): void {
    this.settle(caseId, 'objection');
  }

  private settle(caseId: string, verdict: Verdict): void {
    const notice = this.notices.get(caseId);
    if (notice) notice.verdict = verdict;
  }

  /** Cases still awaiting tax's answer whose objection is not yet due at `at` (a later clearance is too late). */
  casesAwaitingAnswer(at: Date): string[] {
    const open = [...this.notices].filter(([, n]) => !n.verdict && new Date(n.objectionDueAt) > at);
    return open.map(([caseId]) => caseId);
  }

  private assertOpen(): void {
    if (!this.opened) throw new TaxRecordNotFound(this.taxpayerId);
  }
}
