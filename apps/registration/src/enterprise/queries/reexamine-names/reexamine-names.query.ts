import { Query } from '@nestjs/cqrs';
import type { ReviewNameCheck } from '@govflow/contracts';

export class ReexamineNames extends Query<ReviewNameCheck[]> {
  constructor(
    readonly caseIds: readonly string[],
    readonly now: Date,
  ) {
    super();
  }
}
