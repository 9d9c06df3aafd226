import { Command } from '@nestjs/cqrs';
import type { Actor, EstablishmentApplication } from '@govflow/contracts';
import type { EventMetadata } from '@govflow/messaging';

export class SubmitApplication extends Command<void> {
  constructor(
    readonly caseId: string,
    readonly applicant: Actor,
    readonly application: EstablishmentApplication,
    readonly submittedAt: Date,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
