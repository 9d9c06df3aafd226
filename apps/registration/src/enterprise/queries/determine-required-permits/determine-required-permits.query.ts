import { Query } from '@nestjs/cqrs';
import type { RequiredPermitNotice } from '@govflow/contracts';

export class DetermineRequiredPermits extends Query<RequiredPermitNotice[]> {
  constructor(
    readonly caseId: string,
    readonly creditCode: string,
    readonly businessScope: string[],
    readonly catalogueVersion: string,
  ) {
    super();
  }
}
