import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import type { EstablishmentApplication } from '@govflow/contracts';
import { PG_POOL } from '@govflow/platform';
import { migrateRegistrationCases } from './registration-cases.migration';

/** A case as the gateway filed it: who owns it, and the Idempotency-Key it was submitted under. */
export interface RegistrationCase {
  caseId: string;
  applicantId: string;
  enterpriseName: string;
  currency: string;
  submittedAt: Date;
  idempotencyKey: string | null;
  requestFingerprint: string;
  workflowStarted: boolean;
}

interface Row {
  case_id: string;
  applicant_id: string;
  enterprise_name: string;
  currency: string;
  submitted_at: Date;
  idempotency_key: string | null;
  request_fingerprint: string;
  workflow_started: boolean;
}

const toCase = (row: Row): RegistrationCase => ({
  caseId: row.case_id,
  applicantId: row.applicant_id,
  enterpriseName: row.enterprise_name,
  currency: row.currency,
  submittedAt: row.submitted_at,
  idempotencyKey: row.idempotency_key,
  requestFingerprint: row.request_fingerprint,
  workflowStarted: row.workflow_started,
});

/** Table `registration_cases`: written at submit time, so the owner check works before any event arrives. */
@Injectable()
export class RegistrationCaseStore implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onModuleInit(): Promise<void> {
    return migrateRegistrationCases(this.pool);
  }

  /** Records a new case, or answers the one already recorded under the same applicant and Idempotency-Key. */
  async recordOrFind(candidate: Omit<RegistrationCase, 'workflowStarted'>): Promise<RegistrationCase> {
    const { rows } = await this.pool.query<Row>(
      `INSERT INTO registration_cases
         (case_id, applicant_id, enterprise_name, currency, submitted_at, idempotency_key, request_fingerprint)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (applicant_id, idempotency_key) DO NOTHING RETURNING *`,
      [
        candidate.caseId,
        candidate.applicantId,
        candidate.enterpriseName,
        candidate.currency,
        candidate.submittedAt,
        candidate.idempotencyKey,
        candidate.requestFingerprint,
      ],
    );
    const recorded = rows[0] ?? (await this.findByKey(candidate.applicantId, candidate.idempotencyKey));
    if (!recorded) throw new Error(`case under Idempotency-Key ${candidate.idempotencyKey} vanished`);
    return toCase(recorded);
  }

  async markStarted(caseId: string): Promise<void> {
    await this.pool.query('UPDATE registration_cases SET workflow_started = true WHERE case_id = $1', [caseId]);
  }

  /** Keeps the application as filed, then as each supplement changed it. */
  async saveApplication(caseId: string, application: EstablishmentApplication): Promise<void> {
    await this.pool.query('UPDATE registration_cases SET application = $2 WHERE case_id = $1', [caseId, application]);
  }

  async mergeApplication(caseId: string, changes: Partial<EstablishmentApplication>): Promise<void> {
    await this.pool.query(
      'UPDATE registration_cases SET application = coalesce(application, $2::jsonb) || $2::jsonb WHERE case_id = $1',
      [caseId, changes],
    );
  }

  async application(caseId: string): Promise<EstablishmentApplication | undefined> {
    const { rows } = await this.pool.query<{ application: EstablishmentApplication | null }>(
      'SELECT application FROM registration_cases WHERE case_id = $1',
      [caseId],
    );
    return rows[0]?.application ?? undefined;
  }

  async setCurrency(caseId: string, currency: string): Promise<void> {
    await this.pool.query('UPDATE registration_cases SET currency = $2 WHERE case_id = $1', [caseId, currency]);
  }

  async find(caseId: string): Promise<RegistrationCase | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM registration_cases WHERE case_id = $1', [caseId]);
    return rows[0] && toCase(rows[0]);
  }

  /** The applicant's cases whose workflow has started, newest first. */
  async listFor(applicantId: string): Promise<RegistrationCase[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM registration_cases WHERE applicant_id = $1 AND workflow_started
       ORDER BY submitted_at DESC, case_id`,
      [applicantId],
    );
    return rows.map(toCase);
  }

  /** Cases by id, or whose enterprise name contains the text; newest first, at most 50. */
  async search(text: string, caseIds: readonly string[] = []): Promise<RegistrationCase[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM registration_cases
       WHERE case_id::text = $1 OR case_id::text = ANY($2) OR enterprise_name LIKE '%' || $3 || '%'
       ORDER BY submitted_at DESC, case_id LIMIT 50`,
      [text.toLowerCase(), caseIds, text.replace(/[\\%_]/g, (c) => `\\${c}`)],
    );
    return rows.map(toCase);
  }

  private async findByKey(applicantId: string, key: string | null): Promise<Row | undefined> {
    const { rows } = await this.pool.query<Row>(
      'SELECT * FROM registration_cases WHERE applicant_id = $1 AND idempotency_key = $2',
      [applicantId, key],
    );
    return rows[0];
  }
}
