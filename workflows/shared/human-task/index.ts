// The human-task primitive every case workflow uses; clients import ./definitions for the updates and the query.
export {
  openTask,
  openTaskUntilDue,
  lapseOpenTasks,
  acceptTaskRequests,
  currentTaskState,
  openTaskStates,
} from './open-task';
export * from './definitions';
export { checkClaim, checkDecision, checkReassign, checkUnclaim, type TaskFacts, type Verdict } from './task-rules';
