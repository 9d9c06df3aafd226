import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '@govflow/auth';
import { RegistrationCaseStore } from './registration-cases/registration-case-store';

/**
 * Who may see a registration: its applicant; registration officers and administrators see any. Another
 * registrant's case answers 404, as if it did not exist, so case ids cannot be probed.
 */
@Injectable()
export class CaseAccess {
  constructor(private readonly cases: RegistrationCaseStore) {}

  async assertMayView(actor: Actor, caseId: string): Promise<void> {
    // Inspectors and permit officers share the department but never decide a registration.
    if (actor.role === 'administrator' || actor.role === 'registration-officer') return;
    if (actor.role !== 'registrant') {
      throw new ForbiddenException('only the applicant, market-regulation officers and administrators see a case');
    }
    await this.assertApplicant(actor, caseId);
  }

  async assertApplicant(actor: Actor, caseId: string): Promise<void> {
    const filed = await this.cases.find(caseId);
    if (filed?.applicantId !== actor.id) throw new NotFoundException(`no registration ${caseId}`);
  }
}
