import type { EnterpriseName } from './establishment-application';

/** The name self-check (企业名称自主申报, R1.3) as the portal asks it; market regulation answers from its registry. */
export interface NameCheckRequest {
  name: EnterpriseName;
  applicantId: string;
  /** Registered trademarks of the applicant (Latin letters in a trade name must be one of them). */
  applicantTrademarks?: string[];
}

export interface NameCheckAnswer {
  available: boolean;
  fullName: string;
  problems: { code: string; message: string }[];
}

/** The officer's re-examination of a case's name at review (R1.3: passing the self-check is not final). */
export interface ReviewNameCheck extends NameCheckAnswer {
  caseId: string;
  /** ISO 8601: the answer is the register's at this instant. */
  checkedAt: string;
  /**
   * The credit code of the enterprise the applicant declared linked by investment, when the name is available only
   * because of that link: the officer must confirm the link (`investment-link:<code>`) to approve.
   */
  investmentLinkToConfirm?: string;
}

export interface NameCheckActivities {
  checkName(request: NameCheckRequest): Promise<NameCheckAnswer>;
  /** Each case's current name against the register now, its own reservation aside; unknown cases are left out. */
  reexamineNames(request: { caseIds: string[] }): Promise<ReviewNameCheck[]>;
}

/** What an officer confirms to approve a name held on a declared investment link. */
export const investmentLinkConfirmation = (creditCode: string) => `investment-link:${creditCode}`;
