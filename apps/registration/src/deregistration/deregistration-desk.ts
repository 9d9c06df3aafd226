import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import {
  type AcceptedDeregistration,
  type ApplyForDeregistrationInput,
  type CloseDeregistrationInput,
  DeregistrationRefusalType,
  type DeregistrationObjection,
  type StartAnnouncementInput,
} from '@govflow/contracts';
import type { EventMetadata } from '@govflow/messaging';
import { EstablishmentCases } from '../enterprise/persistence/establishment-cases';
import { RegisteredNames } from '../enterprise/names-registry/registered-names';
import { DomainRefusal } from '../shared/domain-refusal';
import { EnterpriseNotFound } from '../supervision/domain/supervision.refusals';
import { SupervisionRecords } from '../supervision/persistence/supervision-records';
import { commitmentProblems, ineligibilityReasons } from './domain/application-checks';
import type { DeregistrationCase } from './domain/deregistration-case.aggregate';
import type { DeregistrationAppliedData } from './domain/deregistration-case.events';
import { DeregistrationCases } from './persistence/deregistration-cases';

type Closing = 'lapsed' | 'refused' | 'deregistered';

/**
 * Market regulation's side of simplified deregistration (R3): checks an application against the register, the
 * supervision record and earlier deregistrations, then records each step the workflow reaches. Idempotent throughout.
 */
@Injectable()
export class DeregistrationDesk {
  constructor(
    private readonly cases: DeregistrationCases,
    private readonly establishments: EstablishmentCases,
    private readonly names: RegisteredNames,
    private readonly supervision: SupervisionRecords,
  ) {}

  apply({ caseId, applicant, application, appliedAt }: ApplyForDeregistrationInput, metadata: EventMetadata) {
    const at = new Date(appliedAt);
    return this.cases.change(caseId, async (found, db): Promise<AcceptedDeregistration> => {
      if (found.application) return accepted(found.application);
      const { creditCode } = application;
      const licensed = await this.names.licensedAs(db, creditCode);
      const establishment = licensed && (await this.establishments.load(licensed.caseId));
      if (!licensed || !establishment?.license) throw new EnterpriseNotFound(creditCode);
      if (establishment.applicantId !== applicant.id) {
        throw new DomainRefusal('NotEnterpriseOwner', `只有企业 ${creditCode} 的登记申请人可以申请注销`);
      }
      const { shareholders, legalRepresentative, entityType } = establishment.currentApplication;
      // An individual business has no shareholders: its operator, the legal representative, commits.
      const investors = shareholders.length > 0 ? shareholders : [legalRepresentative];
      const problems = commitmentProblems(investors, application.commitments);
      if (problems.length > 0) throw refusal('CommitmentsMismatch', '全体投资人承诺书与登记的投资人不符', problems);
      const earlier = await this.liveDeregistrations(db, creditCode);
      const reasons = ineligibilityReasons({
        openSupervision: (await this.supervision.load(creditCode)).open,
        deregistrationInProgress: earlier.includes('in-progress'),
        deregistered: earlier.includes('deregistered') || licensed.status === 'deregistered',
      });
      if (reasons.length > 0) throw refusal('NotEligible', '不符合简易注销条件', reasons);
      await db.query(
        `INSERT INTO registration.deregistrations (case_id, credit_code, status, status_since)
         VALUES ($1, $2, 'in-progress', $3)`,
        [caseId, creditCode, at],
      );
      const enterpriseName = establishment.license.enterpriseName;
      found.recordApplication({ ...application, caseId, enterpriseName, entityType, applicant, appliedAt });
      await this.cases.save(found, metadata, at);
      return accepted(found.application!);
    });
  }

  startAnnouncement({ caseId, idempotencyKey: _, ...announcement }: StartAnnouncementInput, metadata: EventMetadata) {
    return this.record(caseId, metadata, new Date(announcement.startedAt), (c) => c.startAnnouncement(announcement));
  }

  lodgeObjection(caseId: string, objection: DeregistrationObjection, metadata: EventMetadata) {
    return this.record(caseId, metadata, new Date(objection.lodgedAt), (c) => c.lodgeObjection(objection));
  }

  confirm({ caseId, by, at, extended }: CloseDeregistrationInput & { extended: boolean }, metadata: EventMetadata) {
    return this.record(caseId, metadata, new Date(at), (c) => c.confirm(by, extended, new Date(at)));
  }

  lapse({ caseId, reason, at }: CloseDeregistrationInput, metadata: EventMetadata) {
    return this.close(caseId, 'lapsed', metadata, new Date(at), (c) => c.lapse(reason, new Date(at)));
  }

  refuse(input: CloseDeregistrationInput & { objections: DeregistrationObjection[] }, metadata: EventMetadata) {
    const at = new Date(input.at);
    return this.close(input.caseId, 'refused', metadata, at, (c) =>
      c.refuse(input.by, input.reason, input.objections, at),
    );
  }

  /** R3.4: the name enters its cooling-off period in the names register; the credit code is never issued again. */
  async deregister({ caseId, by, reason, at }: CloseDeregistrationInput, metadata: EventMetadata) {
    const when = new Date(at);
    await this.close(caseId, 'deregistered', metadata, when, async (c, db) => {
      c.deregister(by, reason, when);
      await db.query(
        `UPDATE registration.registered_names SET status = 'deregistered', status_since = $2
         WHERE credit_code = $1 AND status = 'registered'`,
        [c.application!.creditCode, when],
      );
    });
    return { deregisteredAt: at };
  }

  private record(caseId: string, metadata: EventMetadata, at: Date, act: (c: DeregistrationCase) => void) {
    return this.cases.change(caseId, async (found) => {
      act(found);
      await this.cases.save(found, metadata, at);
    });
  }

  private close(
    caseId: string,
    status: Closing,
    metadata: EventMetadata,
    at: Date,
    act: (c: DeregistrationCase, db: PoolClient) => void | Promise<void>,
  ) {
    return this.cases.change(caseId, async (found, db) => {
      if (found.isClosed) return;
      await act(found, db);
      await db.query('UPDATE registration.deregistrations SET status = $2, status_since = $3 WHERE case_id = $1', [
        caseId,
        status,
        at,
      ]);
      await this.cases.save(found, metadata, at);
    });
  }

  private async liveDeregistrations(db: PoolClient, creditCode: string): Promise<string[]> {
    const { rows } = await db.query<{ status: string }>(
      `SELECT status FROM registration.deregistrations WHERE credit_code = $1 AND status IN ('in-progress', 'deregistered')`,
      [creditCode],
    );
    return rows.map((r) => r.status);
  }
}

const accepted = ({ creditCode, enterpriseName, entityType }: DeregistrationAppliedData): AcceptedDeregistration => ({
  creditCode,
  enterpriseName,
  entityType,
});

const refusal = (type: keyof typeof DeregistrationRefusalType, message: string, reasons: { message: string }[]) =>
  new DomainRefusal(type, `${message}：${reasons.map((r) => r.message).join('；')}`, { reasons });
