/**
 * Machine-readable reasons a workflow refuses an Update. Workflows throw an ApplicationFailure whose `type` is one of
 * these; the gateway reads `error.cause.type` and answers with `workflowFailureHttpStatus`.
 */
export const WorkflowFailureType = {
  NotInCandidateGroup: 'NotInCandidateGroup',
  WrongDepartment: 'WrongDepartment',
  FourEyesViolation: 'FourEyesViolation',
  NotApplicant: 'NotApplicant',
  ClaimedByOther: 'ClaimedByOther',
  AlreadyDecided: 'AlreadyDecided',
  NotClaimant: 'NotClaimant',
  NotAwaitingInformation: 'NotAwaitingInformation',
  ReasonRequired: 'ReasonRequired',
  MalformedRequest: 'MalformedRequest',
  TaskNotFound: 'TaskNotFound',
  NameUnavailable: 'NameUnavailable',
  ConfirmationRequired: 'ConfirmationRequired',
  AnnouncementClosed: 'AnnouncementClosed',
  NotAwaitingConfirmation: 'NotAwaitingConfirmation',
  AlreadyExtended: 'AlreadyExtended',
  ObjectionsLodged: 'ObjectionsLodged',
  NoticeClosed: 'NoticeClosed',
  EvidenceRequired: 'EvidenceRequired',
  RateOutOfRange: 'RateOutOfRange',
  CriteriaNotMet: 'CriteriaNotMet',
  PermitCaseOpen: 'PermitCaseOpen',
  CoveredByOtherPermit: 'CoveredByOtherPermit',
  CommitmentRouteClosed: 'CommitmentRouteClosed',
  RouteNotOffered: 'RouteNotOffered',
  NotAwaitingMaterials: 'NotAwaitingMaterials',
  NotRenewable: 'NotRenewable',
  NotTheVoucherParty: 'NotTheVoucherParty',
  VoucherStepNotOpen: 'VoucherStepNotOpen',
  NotAwaitingReport: 'NotAwaitingReport',
} as const;
export type WorkflowFailureType = (typeof WorkflowFailureType)[keyof typeof WorkflowFailureType];

/** 403: who you are forbids it; 409: the case's current state forbids it; 400: the request itself is wrong. */
export const workflowFailureHttpStatus: Readonly<Record<WorkflowFailureType, 400 | 403 | 404 | 409>> = {
  NotInCandidateGroup: 403,
  WrongDepartment: 403,
  FourEyesViolation: 403,
  NotApplicant: 403,
  ClaimedByOther: 409,
  AlreadyDecided: 409,
  NotClaimant: 409,
  NotAwaitingInformation: 409,
  ReasonRequired: 400,
  MalformedRequest: 400,
  TaskNotFound: 404,
  NameUnavailable: 409,
  ConfirmationRequired: 400,
  AnnouncementClosed: 409,
  NotAwaitingConfirmation: 409,
  AlreadyExtended: 409,
  ObjectionsLodged: 409,
  NoticeClosed: 409,
  EvidenceRequired: 400,
  RateOutOfRange: 400,
  CriteriaNotMet: 409,
  PermitCaseOpen: 409,
  CoveredByOtherPermit: 409,
  CommitmentRouteClosed: 409,
  RouteNotOffered: 409,
  NotAwaitingMaterials: 409,
  NotRenewable: 409,
  NotTheVoucherParty: 403,
  VoucherStepNotOpen: 409,
  NotAwaitingReport: 409,
};

export function isWorkflowFailureType(type: unknown): type is WorkflowFailureType {
  return typeof type === 'string' && Object.hasOwn(workflowFailureHttpStatus, type);
}
