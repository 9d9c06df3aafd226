import { ApplicationFailure } from '@temporalio/common';
import { WorkflowFailureType } from '@govflow/contracts';

/** An open case for the same item at the same enterprise: the applicant follows that one (409). */
export const permitCaseOpen = (nameZh: string, caseId: string) =>
  ApplicationFailure.create({
    type: WorkflowFailureType.PermitCaseOpen,
    message: `该企业已有办理中的${nameZh}申请（${caseId}），请勿重复申请`,
    nonRetryable: true,
  });

/** The enterprise holds the item that covers this one (a food business permit covers pre-packaged sales). */
export const coveredByOtherPermit = (nameZh: string, coveringNameZh: string) =>
  ApplicationFailure.create({
    type: WorkflowFailureType.CoveredByOtherPermit,
    message: `企业已取得${coveringNameZh}，无需另行办理${nameZh}`,
    nonRetryable: true,
  });
