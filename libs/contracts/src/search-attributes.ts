import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Case search attributes, registered as Keyword on every Temporal namespace the platform uses. */
export const CaseSearchAttribute = {
  CaseId: defineSearchAttributeKey('CaseId', SearchAttributeType.KEYWORD),
  CaseKind: defineSearchAttributeKey('CaseKind', SearchAttributeType.KEYWORD),
  CaseStatus: defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD),
  ApplicantId: defineSearchAttributeKey('ApplicantId', SearchAttributeType.KEYWORD),
} as const;

/** The value of the CaseKind search attribute, one per workflow type that carries a case. */
export const CaseKind = {
  Registration: 'registration',
  Deregistration: 'deregistration',
  Grant: 'grant',
  GrantClawback: 'grant-clawback',
  MakerSpaceRecognition: 'maker-space-recognition',
  Permit: 'permit',
  Voucher: 'voucher',
  MakerSpaceAssessment: 'maker-space-assessment',
} as const;
export type CaseKind = (typeof CaseKind)[keyof typeof CaseKind];
