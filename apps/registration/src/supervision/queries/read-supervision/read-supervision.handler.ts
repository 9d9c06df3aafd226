import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Pool } from 'pg';
import type { SupervisionRecordView } from '@govflow/contracts';
import { PG_POOL } from '@govflow/platform';
import { RegisteredNames } from '../../../enterprise/names-registry/registered-names';
import { EnterpriseNotFound } from '../../domain/supervision.refusals';
import { SupervisionRecords } from '../../persistence/supervision-records';
import { ReadSupervision } from './read-supervision.query';

/** A licensed enterprise's supervision record, replayed from its stream (empty when no officer decided anything). */
@QueryHandler(ReadSupervision)
export class ReadSupervisionHandler implements IQueryHandler<ReadSupervision> {
  constructor(
    private readonly records: SupervisionRecords,
    private readonly names: RegisteredNames,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async execute({ creditCode }: ReadSupervision): Promise<SupervisionRecordView> {
    if (!(await this.names.licensedAs(this.pool, creditCode))) throw new EnterpriseNotFound(creditCode);
    return (await this.records.load(creditCode)).view();
  }
}
