/**
 * A business rule refused the command. Retrying cannot change the answer, so the activity layer turns it into a
 * non-retryable ApplicationFailure whose `type` is this refusal's type.
 */
export class DomainRefusal extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}
