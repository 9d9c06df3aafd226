import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Pool } from 'pg';
import type { SupervisionRecordView } from '@govflow/contracts';
import { PG_POOL } from '@govflow/platform';
import { RegisteredNames } from '../../../enterprise/names-registry/registered-names';
import { EstablishmentCases } from '../../../enterprise/persistence/establishment-cases';
import { EnterpriseNotFound } from '../../domain/supervision.refusals';
import { SupervisionRecords } from '../../persistence/supervision-records';
import { ReadSupervision } from './read-supervision.query';

/**
 * A licensed enterprise's supervision record, replayed from its stream (empty when no officer decided anything), with
 * what the register says of it: its name and whether it still exists (存续) or was deregistered (注销).
 */
@QueryHandler(ReadSupervision)
export class ReadSupervisionHandler implements IQueryHandler<ReadSupervision> {
  constructor(
    private readonly records: SupervisionRecords,
    private readonly names: RegisteredNames,
    private readonly establishments: EstablishmentCases,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async execute({ creditCode }: ReadSupervision): Promise<SupervisionRecordView> {
    const licensed = await this.names.licensedAs(this.pool, creditCode);
    const license = licensed && (await this.establishments.load(licensed.caseId))?.license;
    if (!licensed || !license) throw new EnterpriseNotFound(creditCode);
    const enterprise = {
      enterpriseName: license.enterpriseName,
      status: licensed.status === 'deregistered' ? ('deregistered' as const) : ('registered' as const),
      since: licensed.since.toISOString(),
    };
    return { ...(await this.records.load(creditCode)).view(), enterprise };
  }
}
