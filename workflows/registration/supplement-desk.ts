import { ApplicationFailure } from '@temporalio/common';
import { condition, setHandler } from '@temporalio/workflow';
import type { Actor } from '../../libs/contracts/src/actors';
import { WorkflowFailureType } from '../../libs/contracts/src/failures';
import { isActor, malformed } from '../shared/human-task/request-shape';
import { supplementUpdate, type RegistrationStatus, type Supplement } from './definitions';

const refuse = (type: WorkflowFailureType, message: string) =>
  ApplicationFailure.create({ type, message, nonRetryable: true });

/**
 * Takes the registrant's supplement while an officer's request for information is open. One supplement per request:
 * the second is refused as soon as the first is accepted, even while the first is still being stored.
 */
export class SupplementDesk {
  private awaitingRound: number | undefined;
  private readonly answeredRounds = new Set<number>();

  constructor(
    private readonly applicant: Actor,
    apply: (supplement: Supplement, round: number) => Promise<RegistrationStatus>,
  ) {
    setHandler(
      supplementUpdate,
      async (supplement) => {
        const round = this.awaitingRound;
        if (round === undefined) throw refuse(WorkflowFailureType.NotAwaitingInformation, 'no request is open');
        this.awaitingRound = undefined;
        try {
          const status = await apply(supplement, round);
          this.answeredRounds.add(round);
          return status;
        } catch (error) {
          this.awaitingRound = round;
          throw error;
        }
      },
      { validator: (supplement) => this.validate(supplement) },
    );
  }

  /** Opens the desk for a round and waits until that round's supplement is stored. */
  async receive(round: number): Promise<void> {
    this.awaitingRound = round;
    await condition(() => this.answeredRounds.has(round));
  }

  private validate(supplement: unknown): void {
    const { actor, changes, note } = (supplement ?? {}) as Partial<Record<keyof Supplement, unknown>>;
    if (!isActor(actor)) throw malformed('actor needs an id, a known role and a known department');
    if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
      throw malformed('changes must be an object of application fields');
    }
    if (typeof note !== 'string') throw malformed('note must be text');
    if (actor.id !== this.applicant.id) {
      throw refuse(WorkflowFailureType.NotApplicant, 'only the applicant may supplement the application');
    }
    if (this.awaitingRound === undefined) {
      throw refuse(WorkflowFailureType.NotAwaitingInformation, 'no request for information is open');
    }
  }
}
