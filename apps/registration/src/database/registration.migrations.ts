import { randomInt } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { migrate } from '@govflow/event-store';
import { migrateUnderLock, PG_POOL } from '@govflow/platform';
import { ONE_LIVE_HOLDER_INDEX } from '../enterprise/names-registry/registered-names';
import { ORGANISATION_BODY_BLOCK } from '../enterprise/credit-codes/organisation-bodies';
import { organisationBodyCapacity } from '../enterprise/domain/organisation-body-allocator';

const bodiesInBlock = organisationBodyCapacity(ORGANISATION_BODY_BLOCK);

// The service's own tables, beside the event store's: the names register (a read model kept in the transaction that
// records the case's event) and the sequence that numbers organisation bodies. Only additive, idempotent statements.
const statements = () => [
  'CREATE SCHEMA IF NOT EXISTS registration',
  `CREATE TABLE IF NOT EXISTS registration.registered_names (
     case_id text PRIMARY KEY,
     trade_name text NOT NULL,
     industry text NOT NULL,
     city text NOT NULL,
     applicant_id text NOT NULL,
     status text NOT NULL CHECK (status IN ('reserved', 'registered', 'deregistered', 'changed')),
     status_since timestamptz NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS registered_names_by_trade_name
     ON registration.registered_names (upper(trade_name), industry)`,
  // Reservations end when released (case rejected or withdrawn) or lapsed (past their period).
  'ALTER TABLE registration.registered_names DROP CONSTRAINT IF EXISTS registered_names_status_check',
  `ALTER TABLE registration.registered_names ADD CONSTRAINT registered_names_status_check
     CHECK (status IN ('reserved', 'registered', 'deregistered', 'changed', 'released', 'lapsed'))`,
  'ALTER TABLE registration.registered_names ADD COLUMN IF NOT EXISTS credit_code text',
  'ALTER TABLE registration.registered_names ADD COLUMN IF NOT EXISTS linked_credit_code text',
  'ALTER TABLE registration.registered_names ADD COLUMN IF NOT EXISTS grandfathered boolean NOT NULL DEFAULT false',
  // Live duplicates recorded before the index existed (issue 17) stay as they are, marked, outside the index: the
  // earliest entry of each name space keeps it. Licensed firms are not unregistered by a migration.
  `UPDATE registration.registered_names r SET grandfathered = true
   WHERE r.status IN ('reserved', 'registered') AND r.linked_credit_code IS NULL AND NOT r.grandfathered
     AND EXISTS (SELECT 1 FROM registration.registered_names o
       WHERE o.city = r.city AND upper(o.trade_name) = upper(r.trade_name) AND o.industry = r.industry
         AND o.status IN ('reserved', 'registered') AND o.linked_credit_code IS NULL AND NOT o.grandfathered
         AND (o.status_since, o.case_id) < (r.status_since, r.case_id))`,
  // One live holder per trade name and industry in a registering city (R1.3), even under concurrent submissions.
  // A name held on a declared investment link shares the name space with the enterprise it is linked to.
  `CREATE UNIQUE INDEX IF NOT EXISTS ${ONE_LIVE_HOLDER_INDEX}
     ON registration.registered_names (city, upper(trade_name), industry)
     WHERE status IN ('reserved', 'registered') AND linked_credit_code IS NULL AND NOT grandfathered`,
  // Simplified deregistrations per enterprise (R3.1): at most one in progress, and none after one succeeded.
  `CREATE TABLE IF NOT EXISTS registration.deregistrations (
     case_id text PRIMARY KEY,
     credit_code text NOT NULL,
     status text NOT NULL CHECK (status IN ('in-progress', 'lapsed', 'refused', 'deregistered')),
     status_since timestamptz NOT NULL
   )`,
  `CREATE UNIQUE INDEX IF NOT EXISTS deregistrations_one_live
     ON registration.deregistrations (credit_code) WHERE status IN ('in-progress', 'deregistered')`,
  // NO CYCLE: a code is never reused (R1.6); an exhausted block fails loudly instead of wrapping around. A new
  // sequence starts at a random point in the lower half of the block: registries wrongly sharing a division and block
  // (every throwaway test database, publishing to the same shared topics) then do not issue the same codes.
  `CREATE SEQUENCE IF NOT EXISTS registration.organisation_body_seq
     MINVALUE 1 MAXVALUE ${bodiesInBlock - 1} START WITH ${randomInt(1, Math.floor(bodiesInBlock / 2))} NO CYCLE`,
];

/** Brings the database up to date before anything reads or writes it; replicas starting together take turns. */
@Injectable()
export class RegistrationMigrations implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.pool);
    await migrateUnderLock(this.pool, 'registration.migrate', statements());
  }
}
