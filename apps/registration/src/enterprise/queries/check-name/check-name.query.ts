import { Query } from '@nestjs/cqrs';
import type { NameCheckAnswer, NameCheckRequest } from '@govflow/contracts';

export class CheckName extends Query<NameCheckAnswer> {
  constructor(
    readonly request: NameCheckRequest,
    readonly now: Date,
  ) {
    super();
  }
}
