import { Injectable } from '@nestjs/common';
import { type Actor, toContractActor } from '@govflow/auth';
import type { EstablishmentApplication } from '@govflow/contracts';
import {
  registrationWorkflowId,
  supplementUpdate,
  type RegistrationStatus,
} from '../../../../../workflows/registration/definitions';
import { CaseWorkflows } from '../../temporal/case-workflows';
import { updateNameRefusal } from '../../temporal/name-refusal';
import { withCurrency } from '../application/establishment-application.request';
import { CaseAccess } from '../case-access';
import { RegistrationCaseStore } from '../registration-cases/registration-case-store';
import type { SupplementRegistrationRequest } from './supplement-registration.request';

/** Delivers the applicant's supplement to the case workflow, which accepts it only while information is requested. */
@Injectable()
export class SupplementRegistration {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: RegistrationCaseStore,
    private readonly workflows: CaseWorkflows,
  ) {}

  async supplement(
    applicant: Actor,
    caseId: string,
    { changes, note }: SupplementRegistrationRequest,
  ): Promise<RegistrationStatus> {
    await this.access.assertApplicant(applicant, caseId);
    const { shareholders, ...replaced } = changes;
    const currency = changes.registeredCapital?.currency ?? (await this.cases.find(caseId))?.currency ?? 'CNY';
    const application: Partial<EstablishmentApplication> = {
      ...replaced,
      ...(shareholders && { shareholders: withCurrency(shareholders, currency) }),
    };
    const status = await this.workflows.update(
      registrationWorkflowId(caseId),
      supplementUpdate,
      { actor: toContractActor(applicant), changes: application, note },
      (error) => updateNameRefusal(error, 'changes.name'),
    );
    if (changes.registeredCapital) await this.cases.setCurrency(caseId, changes.registeredCapital.currency);
    await this.cases.mergeApplication(caseId, application);
    return status;
  }
}
