import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SupervisionRecordView } from '@govflow/contracts';
import { RegisteredNames } from '../../../enterprise/names-registry/registered-names';
import { EnterpriseNotFound } from '../../domain/supervision.refusals';
import { SupervisionRecords } from '../../persistence/supervision-records';
import { RecordSupervision } from './record-supervision.command';

/** Records an officer's supervision decision on a licensed enterprise (R5.1) and answers the record as it now is. */
@CommandHandler(RecordSupervision)
export class RecordSupervisionHandler implements ICommandHandler<RecordSupervision> {
  constructor(
    private readonly records: SupervisionRecords,
    private readonly names: RegisteredNames,
  ) {}

  execute({ creditCode, decision, metadata }: RecordSupervision): Promise<SupervisionRecordView> {
    return this.records.change(creditCode, async (record, db) => {
      if (!(await this.names.licensedAs(db, creditCode))) throw new EnterpriseNotFound(creditCode);
      record.decide(decision);
      await this.records.save(record, metadata, decision.at);
      return record.view();
    });
  }
}
