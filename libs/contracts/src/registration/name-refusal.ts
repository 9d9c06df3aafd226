/**
 * Why market regulation refused a declared name at submission or supplement (R1.3): the failure `type` of the
 * activity, and of the Update or start that carried the name. NameNotAllowed breaks a rule of the name itself (400);
 * NameTaken only meets a live holder of the same trade name (409).
 */
export const NameRefusalType = {
  NameNotAllowed: 'NameNotAllowed',
  NameTaken: 'NameTaken',
} as const;
export type NameRefusalType = (typeof NameRefusalType)[keyof typeof NameRefusalType];

export type EnterpriseNamePart = 'division' | 'tradeName' | 'industry' | 'organizationForm';

/** One failed rule, as the name check reports it: the rule's stable code, the part of the name, the message. */
export interface NameRefusalProblem {
  code: string;
  part: EnterpriseNamePart;
  message: string;
}

/** The details of a name refusal (the failure's first detail). */
export interface NameRefusalDetails {
  fullName: string;
  problems: NameRefusalProblem[];
}

export function isNameRefusalType(type: unknown): type is NameRefusalType {
  return type === NameRefusalType.NameNotAllowed || type === NameRefusalType.NameTaken;
}
