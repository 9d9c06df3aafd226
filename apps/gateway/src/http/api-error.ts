import { BadRequestException } from '@nestjs/common';

/** One problem with a request: the field it concerns (dotted path into the body), or null for the whole request. */
export interface FieldError {
  field: string | null;
  message: string;
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
