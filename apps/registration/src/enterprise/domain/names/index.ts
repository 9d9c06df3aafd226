export { checkName, type NameCheckResult, nameReservedUntil } from './check-name';
export { type NameProblem, type NameProblemCode } from './name-problem';
export {
  composeName,
  type ExistingName,
  type ExistingNameStatus,
  type NameCheckContext,
  type NamePart,
  type NameProposal,
} from './name-proposal';
export { blocksAt } from './identical-trade-name.rule';
