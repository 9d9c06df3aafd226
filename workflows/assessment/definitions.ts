import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../libs/contracts/src/actors';
import type { AssessmentOutcome, RecognisedMakerSpace } from '../../libs/contracts/src/science/assessment';
import type { Deadline } from '../../libs/contracts/src/time/deadlines';
import type { TaskState } from '../../libs/contracts/src/tasks/task.types';
import type {
  AssessmentIndicators,
  AssessmentPolicy,
  FailedIndicator,
} from '../../libs/policy/src/maker-space/assessment-policy';

/** The policy of the assessed year, resolved when the year's run starts and kept by each case of it. */
export interface AssessmentPolicyRef {
  version: string;
  value: AssessmentPolicy;
}

/** One year's run (R4.4): started by the schedule on 15 January for the year before, or by an administrator. */
export interface AssessmentYearInput {
  year: number;
  policy: AssessmentPolicyRef;
  startedBy: Actor | { id: 'assessment-schedule'; role: 'system' };
  timeScale: number;
}

export interface MakerSpaceAssessmentInput {
  year: number;
  makerSpace: RecognisedMakerSpace;
  policy: AssessmentPolicyRef;
  timeScale: number;
}

export type MakerSpaceAssessmentStatusName = 'awaiting-report' | 'passed' | 'failed' | 'revoked';

export interface MakerSpaceAssessmentStatus {
  year: number;
  makerSpace: RecognisedMakerSpace;
  policyVersion: string;
  status: MakerSpaceAssessmentStatusName;
  /** The owner's reporting task `assessment-report` and its deadline. */
  report: { taskId: string; kind: 'assessment-report'; ownerId: string; due: Deadline; filedAt?: string };
  indicators?: AssessmentIndicators;
  failure?: 'report-missing' | 'below-thresholds';
  failedIndicators?: FailedIndicator[];
  consecutiveFails?: number;
  revocation?: { revokedAt: string; exemptionEndsOn: string };
  openTask?: TaskState;
}

export interface AssessmentYearStatus {
  year: number;
  policyVersion: string;
  status: 'running' | 'completed';
  startedAt: string;
  makerSpaces: {
    caseId: string;
    creditCode: string;
    enterpriseName: string;
    /** `starting` until the maker space's case runs (its report can be filed from then on). */
    status: MakerSpaceAssessmentStatusName | 'starting';
    outcome?: AssessmentOutcome;
  }[];
}

export interface AssessmentReport {
  actor: Actor;
  indicators: AssessmentIndicators;
}

/** The same year always gives the same id: starting a year twice finds the first run. */
export const assessmentYearWorkflowId = (year: number): string => `assessment-${year}`;
export const makerSpaceAssessmentWorkflowId = (year: number, caseId: string): string =>
  `assessment-${year}-maker-space-${caseId}`;
export const assessmentReportTaskId = (caseId: string, year: number): string => `${caseId}:assessment-report:${year}`;

export const assessmentYearStatusQuery = defineQuery<AssessmentYearStatus>('assessmentYearStatus');
export const makerSpaceAssessmentStatusQuery = defineQuery<MakerSpaceAssessmentStatus>('makerSpaceAssessmentStatus');
export const assessmentReportUpdate = defineUpdate<MakerSpaceAssessmentStatus, [AssessmentReport]>('assessmentReport');
