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
} from './establishment-case.events';
import { IllegalCaseTransition, ReasonRequired } from './establishment-case.refusals';

export type EstablishmentCaseStatus = 'new' | 'submitted' | 'rejected' | 'licensed';

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

  submit(applicant: Actor, application: EstablishmentApplication, submittedAt: Date): void {
    if (this.status !== 'new') return;
    this.apply(new ApplicationSubmitted({ caseId: this.id, applicant, application, submittedAt: iso(submittedAt) }));
  }

  supplement(round: number, changes: Partial<EstablishmentApplication>, note: string, by: Actor, at: Date): void {
    if (this.supplementedRounds.has(round)) return;
    this.expect('submitted', 'take a supplement');
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
  }

  reject(decidedBy: Actor, reason: string, at: Date): void {
    if (this.status === 'rejected') return;
    this.expect('submitted', 'be rejected');
    if (reason.trim() === '') throw new ReasonRequired('Rejecting an application');
    this.apply(new ApplicationRejected({ caseId: this.id, decidedBy, reason, rejectedAt: iso(at) }));
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
