import { HttpStatus } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isNameRefusalType, type NameRefusalDetails, NameRefusalType } from '@govflow/contracts';
import { FieldsRefused } from '../http/api-error';

/**
 * The HTTP error for a declared name market regulation refused (R1.3): 400 when a rule of the name fails, 409 when
 * only another case's hold on the trade name stands in the way; one error per problem, naming the part of the name
 * under `namePath` (`name` in a submission, `changes.name` in a supplement), with the rule's code.
 */
export function nameRefusalToHttpException(
  refusal: { type: string; message: string; details?: NameRefusalDetails },
  namePath: string,
): FieldsRefused {
  const status = refusal.type === NameRefusalType.NameTaken ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
  const problems = refusal.details?.problems ?? [];
  if (problems.length === 0) return new FieldsRefused(status, [{ field: namePath, message: refusal.message }]);
  return new FieldsRefused(
    status,
    problems.map(({ code, part, message }) => ({ field: `${namePath}.${part}`, message, code })),
  );
}

/** The name refusal an Update failed with, or undefined for any other failure. */
export function updateNameRefusal(error: unknown, namePath: string): FieldsRefused | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || !isNameRefusalType(cause.type)) return undefined;
  const [details] = (cause.details ?? []) as NameRefusalDetails[];
  return nameRefusalToHttpException({ type: cause.type, message: cause.message, details }, namePath);
}
