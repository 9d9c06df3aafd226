import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Pool } from 'pg';
import type { NameCheckAnswer } from '@govflow/contracts';
import { PG_POOL } from '@govflow/platform';
import { NameReservations } from '../../names-registry/name-reservations';
import { CheckName } from './check-name.query';

/** The name self-check (R1.3) against this registry's names, under the name policy in force today. Reserves nothing. */
@QueryHandler(CheckName)
export class CheckNameHandler implements IQueryHandler<CheckName> {
  constructor(
    private readonly names: NameReservations,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async execute({ request, now }: CheckName): Promise<NameCheckAnswer> {
    const { name, applicantId, applicantTrademarks } = request;
    const result = await this.names.check(this.pool, { name, applicantId, applicantTrademarks, at: now });
    const problems = result.problems.map(({ code, message }) => ({ code, message }));
    return { available: result.available, fullName: result.fullName, problems };
  }
}
