import type { Actor } from '../actors';

/**
 * Market regulation's supervision matters on an enterprise (R5.1), each opened and closed only by an officer's
 * recorded decision: the abnormal-operations list (经营异常名录), an investigation (立案调查), frozen assets (股权/财产冻结)
 * and pledged equity (股权出质). An open matter makes the enterprise ineligible for simplified deregistration (R3.1).
 */
export const supervisionKinds = ['abnormal-operations', 'investigation', 'frozen-assets', 'pledged-equity'] as const;
export type SupervisionKind = (typeof supervisionKinds)[number];

export const supervisionActions = ['open', 'close'] as const;
export type SupervisionAction = (typeof supervisionActions)[number];

export interface RecordSupervisionInput {
  /** Stable across retries: the decision is recorded once. */
  idempotencyKey: string;
  creditCode: string;
  kind: SupervisionKind;
  action: SupervisionAction;
  reason: string;
  by: Actor;
  at: string;
}

/** One recorded decision, as the enterprise's supervision record lists it. */
export interface SupervisionEntry {
  recordId: string;
  kind: SupervisionKind;
  action: SupervisionAction;
  reason: string;
  by: Actor;
  at: string;
}

/** What the register says of the enterprise beside its record: 存续 (registered) or 注销 (deregistered). */
export interface RegisteredEnterprise {
  enterpriseName: string;
  status: 'registered' | 'deregistered';
  /** When the register last changed the status: the license's issue or the deregistration. */
  since: string;
}

export interface SupervisionRecordView {
  creditCode: string;
  /** Present when read (not in the answer to a recorded decision). */
  enterprise?: RegisteredEnterprise;
  /** The matters open now, in the order of `supervisionKinds`. */
  open: SupervisionKind[];
  entries: SupervisionEntry[];
}

/**
 * Why market regulation refused a supervision decision: the failure `type` of the activity. EnterpriseNotFound is a
 * 404 (no license carries the credit code); the others are 409 (the matter is already in the asked state).
 */
export const SupervisionRefusalType = {
  EnterpriseNotFound: 'EnterpriseNotFound',
  SupervisionMatterAlreadyOpen: 'SupervisionMatterAlreadyOpen',
  SupervisionMatterNotOpen: 'SupervisionMatterNotOpen',
} as const;
export type SupervisionRefusalType = (typeof SupervisionRefusalType)[keyof typeof SupervisionRefusalType];

export const supervisionRefusalHttpStatus: Readonly<Record<SupervisionRefusalType, 404 | 409>> = {
  EnterpriseNotFound: 404,
  SupervisionMatterAlreadyOpen: 409,
  SupervisionMatterNotOpen: 409,
};

export const isSupervisionRefusalType = (type: unknown): type is SupervisionRefusalType =>
  typeof type === 'string' && Object.hasOwn(supervisionRefusalHttpStatus, type);

/** Published on `registration.events` (schemaVersion 1), stream `supervision-<creditCode>`, correlated by it. */
export interface SupervisionMatterOpenedV1 {
  creditCode: string;
  recordId: string;
  kind: SupervisionKind;
  reason: string;
  openedBy: Actor;
  openedAt: string;
}

export interface SupervisionMatterClosedV1 {
  creditCode: string;
  recordId: string;
  kind: SupervisionKind;
  reason: string;
  closedBy: Actor;
  closedAt: string;
}

/** On task queue `registration`. */
export interface SupervisionActivities {
  recordSupervision(input: RecordSupervisionInput): Promise<SupervisionRecordView>;
  /** An enterprise without any decision has an empty record; an unknown credit code is refused (EnterpriseNotFound). */
  readSupervision(request: { creditCode: string }): Promise<SupervisionRecordView>;
}
