import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { migrate } from '@govflow/event-store';
import { migrateUnderLock, PG_POOL } from '@govflow/platform';

// The authorities' register of permit cases beside the event store: kept in the transaction that records each fact,
// so "one open case per enterprise and item" is a partial unique index, not a race. Additive only.
const statements = [
  'CREATE SCHEMA IF NOT EXISTS permits',
  `CREATE TABLE IF NOT EXISTS permits.cases (
     case_id text PRIMARY KEY,
     credit_code text NOT NULL,
     permit_code text NOT NULL,
     status text NOT NULL,
     open boolean NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE UNIQUE INDEX IF NOT EXISTS cases_one_open_per_item
     ON permits.cases (credit_code, permit_code) WHERE open`,
];

@Injectable()
export class PermitsMigrations implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.pool);
    await migrateUnderLock(this.pool, 'permits.migrate', statements);
  }
}
