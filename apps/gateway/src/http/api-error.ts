import { BadRequestException, HttpException } from '@nestjs/common';

/** One problem with a request: the field it concerns (dotted path into the body), or null for the whole request. */
export interface FieldError {
  field: string | null;
  message: string;
  /** The rule's stable code, where a domain rule refused the field (e.g. trade-name-is-place-name). */
  code?: string;
}

/** Every error the gateway answers with, whatever the status. */
export interface ApiErrorBody {
  errors: FieldError[];
}

export class RequestValidationFailed extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '));
  }
}

/** A refusal of named fields with a status other than 400 (e.g. 409: the name is held by another case). */
export class FieldsRefused extends HttpException {
  constructor(
    status: number,
    readonly errors: FieldError[],
  ) {
    super(errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '), status);
  }
}
