import { DomainRefusal } from '../../../shared/domain-refusal';

/** The `type` of the non-retryable failure an activity answers with when the case refuses a command. */
export const CaseRefusalType = {
  CaseNotFound: 'CaseNotFound',
  IllegalCaseTransition: 'IllegalCaseTransition',
  ReasonRequired: 'ReasonRequired',
  LicenseNotIssued: 'LicenseNotIssued',
  CreditCodeMismatch: 'CreditCodeMismatch',
} as const;

export class CaseNotFound extends DomainRefusal {
  constructor(caseId: string) {
    super(CaseRefusalType.CaseNotFound, `No establishment case ${caseId} was submitted`);
  }
}

export class IllegalCaseTransition extends DomainRefusal {
  constructor(caseId: string, status: string, attempted: string) {
    super(CaseRefusalType.IllegalCaseTransition, `Case ${caseId} is ${status}: it cannot ${attempted}`);
  }
}

export class ReasonRequired extends DomainRefusal {
  constructor(decision: string) {
    super(CaseRefusalType.ReasonRequired, `${decision} needs a reason`);
  }
}

export class LicenseNotIssued extends DomainRefusal {
  constructor(caseId: string) {
    super(CaseRefusalType.LicenseNotIssued, `Case ${caseId} has no license yet`);
  }
}

export class CreditCodeMismatch extends DomainRefusal {
  constructor(caseId: string, asked: string, issued: string) {
    super(CaseRefusalType.CreditCodeMismatch, `Case ${caseId} was issued ${issued}, not ${asked}`);
  }
}
