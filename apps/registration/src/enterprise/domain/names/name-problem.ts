import { type NamePolicy } from '@govflow/policy';
import { type NameCheckContext, type NamePart, type NameProposal } from './name-proposal';

/** Stable codes: clients translate and test against these, never against messages. */
export type NameProblemCode =
  | 'unknown-division'
  | 'division-outside-registering-city'
  | 'trade-name-too-short'
  | 'invalid-characters'
  | 'arabic-numerals-not-allowed'
  | 'latin-letters-not-allowed'
  | 'latin-letters-not-own-trademark'
  | 'trade-name-is-place-name'
  | 'trade-name-is-industry-term'
  | 'missing-industry'
  | 'unknown-organization-form'
  | 'prohibited-content'
  | 'identical-trade-name';

export interface NameProblem {
  readonly code: NameProblemCode;
  readonly part: NamePart;
  readonly message: string;
}

/** One rule of R1.3: a pure function of the (trimmed) proposal, the context and the policy in force. */
export type NameRule = (proposal: NameProposal, context: NameCheckContext, policy: NamePolicy) => NameProblem[];

export function nameProblem(code: NameProblemCode, part: NamePart, message: string): NameProblem {
  return { code, part, message };
}
