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

export interface NameCheckActivities {
  checkName(request: NameCheckRequest): Promise<NameCheckAnswer>;
}
