import type { Actor } from '../../../libs/contracts/src/actors';
import { WorkflowFailureType } from '../../../libs/contracts/src/failures';
import {
  taskOutcomes,
  type CandidateGroup,
  type TaskOutcome,
  type TaskStatus,
} from '../../../libs/contracts/src/tasks/task.types';

/** What the rules need to know about a task; pure data, so the rules are plain functions. */
export interface TaskFacts {
  candidateGroup: CandidateGroup;
  applicantId: string;
  priorApprovers: readonly string[];
  status: TaskStatus;
  assignee: Actor | null;
}

export type Verdict = { ok: true } | { ok: false; failure: WorkflowFailureType; message: string };

const allowed: Verdict = { ok: true };
const refuse = (failure: WorkflowFailureType, message: string): Verdict => ({ ok: false, failure, message });

// Who the actor is comes before what state the task is in: a stranger learns nothing about the task.
function mayWorkOn(task: TaskFacts, actor: Actor, who = 'the actor'): Verdict {
  if (actor.id === task.applicantId) {
    return refuse(WorkflowFailureType.FourEyesViolation, `${who} is the applicant of this case`);
  }
  if (task.priorApprovers.includes(actor.id)) {
    return refuse(WorkflowFailureType.FourEyesViolation, `${who} approved an earlier step of this case`);
  }
  if (actor.role !== task.candidateGroup.role) {
    return refuse(WorkflowFailureType.NotInCandidateGroup, `${who} is not a ${task.candidateGroup.role}`);
  }
  if (actor.department !== task.candidateGroup.department) {
    return refuse(WorkflowFailureType.WrongDepartment, `${who} does not belong to ${task.candidateGroup.department}`);
  }
  return allowed;
}

function isOpen(task: TaskFacts): Verdict {
  if (task.status === 'open') return allowed;
  const message = task.status === 'lapsed' ? 'the task lapsed when its time ran out' : 'the task is already decided';
  return refuse(WorkflowFailureType.AlreadyDecided, message);
}

function holdsClaim(task: TaskFacts, actor: Actor): Verdict {
  if (task.assignee?.id === actor.id) return allowed;
  return refuse(WorkflowFailureType.NotClaimant, task.assignee ? 'another officer holds the claim' : 'claim it first');
}

const hasText = (text: string | undefined) => (text?.trim().length ?? 0) > 0;

/** The first refusal in order, or ok. */
function firstRefusal(...checks: (() => Verdict)[]): Verdict {
  for (const check of checks) {
    const verdict = check();
    if (!verdict.ok) return verdict;
  }
  return allowed;
}

export function checkClaim(task: TaskFacts, actor: Actor): Verdict {
  return firstRefusal(
    () => mayWorkOn(task, actor),
    () => isOpen(task),
    () =>
      task.assignee && task.assignee.id !== actor.id
        ? refuse(WorkflowFailureType.ClaimedByOther, 'another officer holds the claim')
        : allowed,
  );
}

export function checkUnclaim(task: TaskFacts, actor: Actor): Verdict {
  return firstRefusal(
    () => isOpen(task),
    () => holdsClaim(task, actor),
  );
}

/** Any member of the candidate group may hand the task to another member, saying why. */
export function checkReassign(task: TaskFacts, actor: Actor, to: Actor, reason: string | undefined): Verdict {
  return firstRefusal(
    () => mayWorkOn(task, actor),
    () => isOpen(task),
    () => (hasText(reason) ? allowed : refuse(WorkflowFailureType.ReasonRequired, 'a reassignment needs a reason')),
    () => mayWorkOn(task, to, 'the new assignee'),
  );
}

export interface DecisionAttempt {
  outcome: TaskOutcome;
  reason?: string;
}

/** The decision rules: four-eyes, candidate group, an open task, the decider's own claim, a reason unless approving. */
export function checkDecision(task: TaskFacts, actor: Actor, decision: DecisionAttempt): Verdict {
  return firstRefusal(
    () => mayWorkOn(task, actor),
    () => isOpen(task),
    () => holdsClaim(task, actor),
    () =>
      taskOutcomes.includes(decision.outcome)
        ? allowed
        : refuse(WorkflowFailureType.MalformedRequest, `unknown outcome ${String(decision.outcome)}`),
    () =>
      decision.outcome === 'approve' || hasText(decision.reason)
        ? allowed
        : refuse(WorkflowFailureType.ReasonRequired, `${decision.outcome} needs a reason`),
  );
}
