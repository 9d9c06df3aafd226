import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { migrate } from '@govflow/event-store';
import { migrateUnderLock, PG_POOL } from '@govflow/platform';

// Tax's own table beside the event store's: deregistration notices awaiting tax's answer (R3.3). Additive only.
const statements = [
  'CREATE SCHEMA IF NOT EXISTS tax',
  `CREATE TABLE IF NOT EXISTS tax.objection_watches (
     case_id text PRIMARY KEY,
     taxpayer_id text NOT NULL,
     due_at timestamptz NOT NULL,
     causation_id text NOT NULL,
     answered_at timestamptz
   )`,
  'CREATE INDEX IF NOT EXISTS objection_watches_due ON tax.objection_watches (due_at) WHERE answered_at IS NULL',
];

/** The event store's tables (events, outbox checkpoint, inbox) and tax's own, before the consumer and relay start. */
@Injectable()
export class TaxMigrations implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.pool);
    await migrateUnderLock(this.pool, 'tax.migrate', statements);
  }
}
