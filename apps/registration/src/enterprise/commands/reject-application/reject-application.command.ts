import { Command } from '@nestjs/cqrs';
import type { Actor } from '@govflow/contracts';
import type { EventMetadata } from '@govflow/messaging';

export class RejectApplication extends Command<void> {
  constructor(
    readonly caseId: string,
    readonly decidedBy: Actor,
    readonly reason: string,
    readonly decidedAt: Date,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
