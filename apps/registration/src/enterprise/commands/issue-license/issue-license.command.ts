import { Command } from '@nestjs/cqrs';
import type { IssuedLicense } from '@govflow/contracts';
import type { EventMetadata } from '@govflow/messaging';

/**
 * Issues the electronic license on the officer's approval (R1.2); `approvedAt` is also the issue instant, so a retry
 * answers exactly as the first attempt did. The license carries the case's own record of the application (as
 * submitted, plus supplements), not the copy the workflow sends along.
 */
export class IssueLicense extends Command<IssuedLicense> {
  constructor(
    readonly caseId: string,
    readonly approvedAt: Date,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
