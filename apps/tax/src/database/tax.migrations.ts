import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { migrate } from '@govflow/event-store';
import { PG_POOL } from '@govflow/platform';

/** The event store's tables (events, outbox checkpoint, inbox) before the consumer and the relay start. */
@Injectable()
export class TaxMigrations implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onModuleInit(): Promise<void> {
    return migrate(this.pool);
  }
}
