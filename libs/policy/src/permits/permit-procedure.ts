import type { PolicyPeriod } from '@govflow/contracts';

/** Standard approval (审批), notification and commitment (告知承诺, R2.3), or a filing (备案). */
export type PermitRoute = 'standard' | 'commitment' | 'filing';
export const permitRoutes: readonly PermitRoute[] = ['standard', 'commitment', 'filing'];

/** The authority's written conditions for the 告知承诺 route, as the applicant is shown them and commits to. */
export interface CommitmentConditions {
  readonly version: string;
  readonly textZh: string;
}

/** One material the applicant files; `required` ones missing are listed in the one notice (一次告知). */
export interface PermitMaterial {
  readonly key: string;
  readonly nameZh: string;
  readonly required: boolean;
}

/** How a permit case for one catalogue item runs. A case keeps the catalogue version it was opened under. */
export interface PermitProcedure {
  /** The routes the applicant may choose from; a filing item offers only `filing`. */
  readonly routes: readonly PermitRoute[];
  readonly materials: readonly PermitMaterial[];
  /** Missing materials are listed in one notice within this, else the application counts as accepted. */
  readonly materialsNoticePeriod: PolicyPeriod;
  /** The authority decides within this from acceptance (承诺办结时限); past it the task is escalated. */
  readonly decisionPeriod: PolicyPeriod;
  /** Calendar validity of a granted permit; absent for a filing, which does not lapse. */
  readonly validity?: PolicyPeriod;
  /** The renewal reminder reaches the registrant this many working days before expiry. */
  readonly renewalReminderWorkingDays?: number;
  /** With the commitment route: the conditions, and the spot-check share and the inspection's time limit. */
  readonly conditions?: CommitmentConditions;
  readonly spotCheck?: { readonly sharePercent: number; readonly inspectionPeriod: PolicyPeriod };
}
