import { AggregateRoot } from '@nestjs/cqrs';
import type { Actor, EstablishmentApplication, LicenseIssuedV1 } from '@govflow/contracts';
import type { CreditCode } from '../credit-code';
import { creditCodeCategoryFor } from './credit-code-category';
import { fullNameOf } from './enterprise-name';
import {
  ApplicationRejected,
  ApplicationSubmitted,
  ApplicationSupplemented,
  LicenseIssued,
  NameReservationMoved,
  NameReservationReleased,
  NameReserved,
} from './establishment-case.events';
import { IllegalCaseTransition, ReasonRequired } from './establishment-case.refusals';

export type EstablishmentCaseStatus = 'new' | 'submitted' | 'rejected' | 'licensed';

/** What the names register answered when it held the case's name. */
export interface NameHeld {
  reservedUntil: Date;
  namePolicyVersion: string;
  /** The credit code of the linked enterprise whose name the case shares, when it relies on the link. */
  investmentLink?: string;
}

/**
 * One establishment application (设立登记) from submission to its license or rejection (R1.1). Every command is
 * idempotent: repeating one that already took effect (an activity retry) records nothing and throws nothing.
 */
export class EstablishmentCase extends AggregateRoot {
  private status: EstablishmentCaseStatus = 'new';
  private applicant?: Actor;
  private application?: EstablishmentApplication;
  private readonly supplementedRounds = new Set<number>();
  private issued?: LicenseIssuedV1;

  constructor(readonly id: string) {
    super();
  }

  get license(): LicenseIssuedV1 | undefined {
    return this.issued;
  }

  /** The credit-code category (position 2) for this case's entity type. */
  get creditCodeCategory(): '1' | '2' {
    return creditCodeCategoryFor(this.currentApplication.entityType);
  }

  get applicantId(): string {
    return this.submitted().applicant.id;
  }

  /** The application as it stands now: as submitted, with every supplement applied. */
  get currentApplication(): EstablishmentApplication {
    return this.submitted().application;
  }

  get isSubmitted(): boolean {
    return this.status !== 'new';
  }

  /** Whether supplement `round` was already taken (a retry records nothing). */
  hasSupplement(round: number): boolean {
    return this.supplementedRounds.has(round);
  }

  submit(applicant: Actor, application: EstablishmentApplication, submittedAt: Date, held: NameHeld): void {
    if (this.status !== 'new') return;
    this.apply(new ApplicationSubmitted({ caseId: this.id, applicant, application, submittedAt: iso(submittedAt) }));
    this.apply(
      new NameReserved({
        caseId: this.id,
        applicantId: applicant.id,
        name: application.name,
        fullName: fullNameOf(application.name),
        reservedAt: iso(submittedAt),
        ...reservation(held),
      }),
    );
  }

  /** `held` is given when the changes carry a new name and the register now holds it for the case. */
  supplement(
    round: number,
    changes: Partial<EstablishmentApplication>,
    note: string,
    by: Actor,
    at: Date,
    held?: NameHeld,
  ): void {
    if (this.supplementedRounds.has(round)) return;
    this.expect('submitted', 'take a supplement');
    const from = this.currentApplication.name;
    this.apply(
      new ApplicationSupplemented({
        caseId: this.id,
        round,
        changes,
        note,
        supplementedBy: by,
        supplementedAt: iso(at),
      }),
    );
    if (!held || !changes.name) return;
    const to = changes.name;
    const fullName = fullNameOf(to);
    this.apply(
      new NameReservationMoved({ caseId: this.id, from, to, fullName, movedAt: iso(at), ...reservation(held) }),
    );
  }

  reject(decidedBy: Actor, reason: string, at: Date): void {
    if (this.status === 'rejected') return;
    this.expect('submitted', 'be rejected');
    if (reason.trim() === '') throw new ReasonRequired('Rejecting an application');
    this.apply(new ApplicationRejected({ caseId: this.id, decidedBy, reason, rejectedAt: iso(at) }));
    const { name } = this.currentApplication;
    this.apply(
      new NameReservationReleased({ caseId: this.id, name, releasedAt: iso(at), because: 'application-rejected' }),
    );
  }

  /** Throws unless a license may be issued now, so a credit code is allocated only when it will be used. */
  assertLicensable(): void {
    this.expect('submitted', 'be issued a license');
  }

  /** The license issued now, or the one issued before (a retry gets the same code). */
  issueLicense(code: CreditCode, issuedAt: Date): LicenseIssuedV1 {
    if (this.issued) return this.issued;
    this.assertLicensable();
    const { applicant, application } = this.submitted();
    if (code.category !== this.creditCodeCategory) {
      throw new Error(`Credit code ${code.value} is not of category ${this.creditCodeCategory}`);
    }
    const license: LicenseIssuedV1 = {
      caseId: this.id,
      creditCode: code.value,
      enterpriseName: fullNameOf(application.name),
      entityType: application.entityType,
      registeringDivision: code.division,
      domicile: application.domicile,
      businessScope: application.businessScope,
      legalRepresentativeName: application.legalRepresentative.name,
      registeredCapital: application.registeredCapital,
      registrantId: applicant.id,
      issuedAt: iso(issuedAt),
    };
    this.apply(new LicenseIssued(license));
    return license;
  }

  onApplicationSubmitted(event: ApplicationSubmitted): void {
    this.status = 'submitted';
    this.applicant = event.applicant;
    this.application = event.application;
  }

  onApplicationSupplemented(event: ApplicationSupplemented): void {
    this.supplementedRounds.add(event.round);
    this.application = { ...this.submitted().application, ...event.changes };
  }

  onApplicationRejected(): void {
    this.status = 'rejected';
  }

  onLicenseIssued(event: LicenseIssued): void {
    this.status = 'licensed';
    this.issued = { ...event };
  }

  private submitted(): { applicant: Actor; application: EstablishmentApplication } {
    if (!this.applicant || !this.application)
      throw new IllegalCaseTransition(this.id, this.status, 'be used before it is submitted');
    return { applicant: this.applicant, application: this.application };
  }

  private expect(status: EstablishmentCaseStatus, attempted: string): void {
    if (this.status !== status) throw new IllegalCaseTransition(this.id, this.status, attempted);
  }
}

const iso = (date: Date) => date.toISOString();

const reservation = ({ reservedUntil, namePolicyVersion, investmentLink }: NameHeld) => ({
  reservedUntil: iso(reservedUntil),
  ...(investmentLink === undefined ? {} : { investmentLink: { creditCode: investmentLink } }),
  namePolicyVersion,
});
