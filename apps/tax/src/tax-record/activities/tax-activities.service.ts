import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { Context } from '@temporalio/activity';
import type {
  RecordTaxClearanceInput,
  RecordTaxPendingMatterInput,
  TaxActivities,
  TaxRecordView,
} from '@govflow/contracts';
import type { EventMetadata } from '@govflow/messaging';
import { DomainRefusal } from '../../shared/domain-refusal';
import { TaxRecordNotFound } from '../domain/tax-record.refusals';
import { TaxRecords } from '../tax-records';

/** The activities on task queue `tax`: a tax officer's recorded decisions, and the record as it stands. Idempotent. */
@Injectable()
export class TaxActivitiesService {
  constructor(private readonly records: TaxRecords) {}

  activities(): TaxActivities {
    return {
      recordTaxPendingMatter: (input) => refusalsAsFailures(() => this.recordPendingMatter(input)),
      recordTaxClearance: (input) => refusalsAsFailures(() => this.recordClearance(input)),
      readTaxRecord: ({ taxpayerId }) => refusalsAsFailures(() => this.read(taxpayerId)),
    };
  }

  private recordPendingMatter(input: RecordTaxPendingMatterInput): Promise<TaxRecordView> {
    const { idempotencyKey, taxpayerId, kind, amount, note, by } = input;
    const at = new Date(input.at);
    return this.records.change(taxpayerId, async (record) => {
      record.recordPendingMatter({ matterId: idempotencyKey, kind, ...(amount ? { amount } : {}), note }, by, at);
      await this.records.save(record, metadata(by, note, taxpayerId, idempotencyKey), at);
      return record.view();
    });
  }

  private async recordClearance({ idempotencyKey, taxpayerId, reason, by, at }: RecordTaxClearanceInput) {
    const when = new Date(at);
    const cleared = await this.records.change(taxpayerId, async (record) => {
      record.recordClearance(idempotencyKey, reason, by, when);
      await this.records.save(record, metadata(by, reason, taxpayerId, idempotencyKey), when);
      return record;
    });
    // Each case's answer in its own transaction, correlated by that case, so its deregistration and audit trail find
    // it; a retry finds the clearance recorded and still answers whatever case is left.
    for (const caseId of cleared.casesAwaitingAnswer(when)) {
      await this.records.change(taxpayerId, async (record) => {
        record.answer(caseId, when);
        await this.records.save(record, metadata(by, reason, caseId, idempotencyKey), when);
      });
    }
    return (await this.records.load(taxpayerId)).view();
  }

  private async read(taxpayerId: string): Promise<TaxRecordView> {
    const record = await this.records.load(taxpayerId);
    if (!record.isOpen) throw new TaxRecordNotFound(taxpayerId);
    return record.view();
  }
}

function metadata(actor: EventMetadata['actor'], reason: string, correlationId: string, causationId: string) {
  const execution = Context.current().info.workflowExecution;
  const fields: EventMetadata = { actor, reason, correlationId, causationId };
  return execution ? { ...fields, workflow: { workflowId: execution.workflowId, runId: execution.runId } } : fields;
}

async function refusalsAsFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainRefusal)) throw error;
    throw ApplicationFailure.create({ message: error.message, type: error.type, nonRetryable: true });
  }
}
