import { ApplicationFailure } from '@temporalio/common';
import { departments, roles, type Actor } from '../../../libs/contracts/src/actors';
import { WorkflowFailureType } from '../../../libs/contracts/src/failures';
import { taskOutcomes } from '../../../libs/contracts/src/tasks/task.types';

// Update validators run these: they reject malformed input before it is accepted, and cost nothing to history.
// Everything a well-formed request can be refused for is decided in the handler, which records the attempt.

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string';
const isOneOf = (list: readonly string[], value: unknown) => typeof value === 'string' && list.includes(value);

export function isActor(value: unknown): value is Actor {
  return (
    isRecord(value) &&
    isText(value.id) &&
    isOneOf(roles, value.role) &&
    (value.department === undefined || isOneOf(departments, value.department))
  );
}

export function malformed(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: WorkflowFailureType.MalformedRequest, message, nonRetryable: true });
}

function requireThat(condition: boolean, message: string): void {
  if (!condition) throw malformed(message);
}

/** Every task request: a task id, an actor, and an optional reason. */
export function assertTaskRequestShape(request: unknown): asserts request is Fields {
  requireThat(isRecord(request), 'the request must be an object');
  const fields = request as Fields;
  requireThat(isText(fields.taskId), 'taskId is required');
  requireThat(isActor(fields.actor), 'actor needs an id, a known role and a known department');
  requireThat(isOptionalString(fields.reason), 'reason must be text');
}

export function assertReassignShape(request: unknown): void {
  assertTaskRequestShape(request);
  requireThat(isActor(request.to), 'to must be an actor with an id, a known role and a known department');
}

export function assertDecideShape(request: unknown): void {
  assertTaskRequestShape(request);
  requireThat(isOneOf(taskOutcomes, request.outcome), `outcome must be one of ${taskOutcomes.join(', ')}`);
  const { confirms } = request;
  const isTextList = Array.isArray(confirms) && confirms.every((fact) => typeof fact === 'string');
  requireThat(confirms === undefined || isTextList, 'confirms must be a list of texts');
}
