import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { migrate } from '@govflow/event-store';
import { migrateUnderLock, PG_POOL } from '@govflow/platform';

// The science commission's own tables beside the event store's. Additive only.
const statements = [
  'CREATE SCHEMA IF NOT EXISTS science',
  // What registration published of each enterprise (LicenseIssued, EnterpriseDeregistered): never read elsewhere.
  `CREATE TABLE IF NOT EXISTS science.enterprises (
     credit_code text PRIMARY KEY,
     enterprise_name text NOT NULL,
     registrant_id text NOT NULL,
     license_case_id text NOT NULL,
     licensed_at timestamptz NOT NULL,
     deregistered_at timestamptz,
     deregistration_case_id text
   )`,
  // Each programme's budget in fen and what is held against it; a hold never takes it past the budget.
  `CREATE TABLE IF NOT EXISTS science.programme_budgets (
     programme_code text PRIMARY KEY,
     budget_fen bigint NOT NULL CHECK (budget_fen >= 0),
     held_fen bigint NOT NULL DEFAULT 0,
     CHECK (held_fen >= 0 AND held_fen <= budget_fen)
   )`,
  // One legal entity is funded once per programme (R4.3): at most one live hold per entity and programme.
  `CREATE TABLE IF NOT EXISTS science.grant_holds (
     case_id text PRIMARY KEY,
     programme_code text NOT NULL REFERENCES science.programme_budgets (programme_code),
     credit_code text NOT NULL,
     amount_fen bigint NOT NULL CHECK (amount_fen > 0),
     held_at timestamptz NOT NULL,
     released_at timestamptz,
     released_because text
   )`,
  `CREATE UNIQUE INDEX IF NOT EXISTS grant_holds_once_per_programme
     ON science.grant_holds (programme_code, credit_code) WHERE released_at IS NULL`,
  // Each voucher programme's budget per calendar year and what live vouchers hold of it; never past the budget.
  `CREATE TABLE IF NOT EXISTS science.voucher_budgets (
     programme_code text NOT NULL,
     budget_year integer NOT NULL,
     budget_fen bigint NOT NULL CHECK (budget_fen >= 0),
     held_fen bigint NOT NULL DEFAULT 0,
     PRIMARY KEY (programme_code, budget_year),
     CHECK (held_fen >= 0 AND held_fen <= budget_fen)
   )`,
  // One row per voucher claimed; released (lapsed, expired, rejected or paid) gives the unspent part back.
  `CREATE TABLE IF NOT EXISTS science.voucher_holds (
     voucher_id text PRIMARY KEY,
     programme_code text NOT NULL,
     budget_year integer NOT NULL,
     credit_code text NOT NULL,
     amount_fen bigint NOT NULL CHECK (amount_fen > 0),
     held_at timestamptz NOT NULL,
     released_at timestamptz,
     released_because text,
     returned_fen bigint,
     FOREIGN KEY (programme_code, budget_year) REFERENCES science.voucher_budgets (programme_code, budget_year)
   )`,
  // Recognised maker spaces (from this service's MakerSpaceRecognized); revoked or ended ones leave the assessment.
  `CREATE TABLE IF NOT EXISTS science.maker_spaces (
     case_id text PRIMARY KEY,
     credit_code text NOT NULL,
     enterprise_name text NOT NULL,
     owner_id text NOT NULL,
     level text NOT NULL,
     recognised_at timestamptz NOT NULL,
     ended_at timestamptz,
     ended_because text
   )`,
  // Each maker space's assessment history (R4.4): one result per assessed year.
  `CREATE TABLE IF NOT EXISTS science.assessments (
     case_id text NOT NULL REFERENCES science.maker_spaces (case_id),
     year integer NOT NULL,
     outcome text NOT NULL CHECK (outcome IN ('passed', 'failed')),
     policy_version text NOT NULL,
     assessed_at timestamptz NOT NULL,
     PRIMARY KEY (case_id, year)
   )`,
];

/** The event store's tables and the science commission's own, before the consumer and relay start. */
@Injectable()
export class ScienceMigrations implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.pool);
    await migrateUnderLock(this.pool, 'science.migrate', statements);
  }
}
