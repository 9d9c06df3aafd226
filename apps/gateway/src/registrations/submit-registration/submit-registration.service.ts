import { ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type Actor, toContractActor } from '@govflow/auth';
import type { EstablishmentApplication } from '@govflow/contracts';
import { FieldsRefused } from '../../http/api-error';
import { RegistrationCaseStore } from '../registration-cases/registration-case-store';
import { requestFingerprint } from './idempotency-key';
import { RegistrationWorkflowStarter } from './registration-workflow.starter';

export const enterpriseNameOf = ({ name }: EstablishmentApplication) =>
  `${name.division}${name.tradeName}${name.industry}${name.organizationForm}`;

/**
 * Files an application as a new case, answering once its name is checked and held (R1.3): a refused name is a 400 or
 * 409 with every problem, and that case ends refused. Under an Idempotency-Key the same applicant gets the same answer
 * for the same application, and 409 for a different one; a repeat also starts the workflow if the first could not.
 */
@Injectable()
export class SubmitRegistration {
  constructor(
    private readonly cases: RegistrationCaseStore,
    private readonly workflows: RegistrationWorkflowStarter,
  ) {}

  async submit(
    applicant: Actor,
    application: EstablishmentApplication,
    idempotencyKey?: string,
  ): Promise<{ caseId: string }> {
    const fingerprint = requestFingerprint(application);
    const filed = await this.cases.recordOrFind({
      caseId: randomUUID(),
      applicantId: applicant.id,
      enterpriseName: enterpriseNameOf(application),
      currency: application.registeredCapital.currency,
      submittedAt: new Date(),
      idempotencyKey: idempotencyKey ?? null,
      requestFingerprint: fingerprint,
    });
    if (filed.requestFingerprint !== fingerprint) {
      throw new ConflictException(
        `Idempotency-Key ${idempotencyKey} was already used for a different application; use a new key`,
      );
    }
    // Started again on a repeat too: it then answers as the first attempt did (accepted, or the name refused).
    const { caseId, submittedAt } = filed;
    if (!filed.workflowStarted) await this.cases.saveApplication(caseId, application);
    try {
      await this.workflows.start({ caseId, applicant: toContractActor(applicant), application, submittedAt });
    } catch (error) {
      // A refused case is still the applicant's: it is listed, refused, with why.
      if (error instanceof FieldsRefused && !filed.workflowStarted) await this.cases.markStarted(caseId);
      throw error;
    }
    if (!filed.workflowStarted) await this.cases.markStarted(caseId);
    return { caseId };
  }
}
