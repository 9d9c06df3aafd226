import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { CaseKind, CaseSearchAttribute } from '@govflow/contracts';
import { TEMPORAL_CLIENT } from '../../temporal/temporal-client.token';

const SAFE_ID = /^[\w-]{1,200}$/;

/**
 * The status of an applicant's cases from the CaseStatus search attribute every registration workflow keeps up to
 * date: one visibility query for all of them, answered with no worker, closed cases included.
 */
@Injectable()
export class CaseStatuses {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  async ofApplicant(applicantId: string): Promise<Map<string, string>> {
    const statuses = new Map<string, string>();
    if (!SAFE_ID.test(applicantId)) return statuses;
    const { CaseId, CaseKind: Kind, ApplicantId, CaseStatus } = CaseSearchAttribute;
    const query = `${Kind.name} = '${CaseKind.Registration}' AND ${ApplicantId.name} = '${applicantId}'`;
    for await (const execution of this.temporal.workflow.list({ query })) {
      const caseId = execution.typedSearchAttributes.get(CaseId);
      const status = execution.typedSearchAttributes.get(CaseStatus);
      if (caseId && status) statuses.set(caseId, status);
    }
    return statuses;
  }
}
