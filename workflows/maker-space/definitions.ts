import { defineQuery } from '@temporalio/workflow';
import type { Actor } from '../../libs/contracts/src/actors';
import type { TaskDue, TaskState } from '../../libs/contracts/src/tasks/task.types';
import type {
  FailedCriterion,
  MakerSpaceCriteria,
  MakerSpaceFigures,
} from '../../libs/policy/src/maker-space/maker-space-criteria';
import type { MakerSpaceLevel } from '../../libs/policy/src/maker-space/maker-space-grant-policy';
import type { PolicyPeriod } from '../../libs/contracts/src/time/deadlines';
import type { GrantInput } from '../grant/definitions';

/** A recognition application with the policy it was filed under: criteria, review period and the one-off grant. */
export interface MakerSpaceRecognitionInput {
  caseId: string;
  applicant: Actor;
  creditCode: string;
  level: MakerSpaceLevel;
  figures: MakerSpaceFigures;
  criteria: { version: string; value: MakerSpaceCriteria };
  reviewPeriod: PolicyPeriod;
  /** The one-off grant that follows recognition, as it will be started (its case id chosen with this case's). */
  grant: Pick<GrantInput, 'caseId' | 'programme' | 'programmeVersion' | 'amountFen'>;
  timeScale: number;
}

export type MakerSpaceStatusName = 'applied' | 'refused' | 'under-review' | 'recognised' | 'rejected';

export interface MakerSpaceStatus {
  caseId: string;
  applicantId: string;
  status: MakerSpaceStatusName;
  creditCode: string;
  enterpriseName?: string;
  level: MakerSpaceLevel;
  figures: MakerSpaceFigures;
  criteriaVersion: string;
  failedCriteria: FailedCriterion[];
  review?: { due: TaskDue; decidedBy?: Actor; outcome?: string; reason?: string };
  recognition?: { recognisedAt: string; exemptionStartsOn: string; grantCaseId: string };
  refusal?: { type: string; message: string };
  openTask?: TaskState;
}

export const makerSpaceWorkflowId = (caseId: string): string => `maker-space-${caseId}`;
export const makerSpaceStatusQuery = defineQuery<MakerSpaceStatus>('makerSpaceStatus');
export { grantWorkflowId } from '../grant/definitions';
