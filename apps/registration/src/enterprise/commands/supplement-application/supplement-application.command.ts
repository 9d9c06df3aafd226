import { Command } from '@nestjs/cqrs';
import type { Actor, EstablishmentApplication } from '@govflow/contracts';
import type { EventMetadata } from '@govflow/messaging';

export class SupplementApplication extends Command<void> {
  constructor(
    readonly caseId: string,
    readonly round: number,
    readonly changes: Partial<EstablishmentApplication>,
    readonly note: string,
    readonly by: Actor,
    readonly at: Date,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
