// Test data and a test app for the registration activities' integration tests; never imported by the service.
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { Actor, EstablishmentApplication } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import { PlatformModule } from '@govflow/platform';
import { servers, uniqueId } from '../../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { RegistrationCoreModule } from '../registration-core.module';
import { RegistrationActivitiesService, type RegistrationWorkerActivities } from './registration-activities.service';

export const applicant: Actor = { id: 'applicant-zhang', role: 'registrant' };
export const otherApplicant: Actor = { id: 'applicant-wang', role: 'registrant' };
export const officer: Actor = { id: 'officer-li', role: 'registration-officer', department: 'market-regulation' };

let tradeNames = 0;
/** A trade name no other test of the run has declared: the register holds one live case per name. */
export const uniqueTradeName = (stem = '星河') => `${stem}${process.pid % 1000}${++tradeNames}`;

export const application = (
  tradeName = '星河',
  businessScope = ['技术开发', '餐饮服务'],
): EstablishmentApplication => ({
  name: { division: '北京', tradeName, industry: '科技', organizationForm: '有限公司' },
  entityType: 'limited-company',
  registeredCapital: { amount: '1000000.00', currency: 'CNY' },
  domicile: '北京市海淀区中关村大街1号',
  businessScope,
  legalRepresentative: { name: '张伟', idNumber: '110108199001011234' },
  shareholders: [],
});

export const submission = (caseId: string, app = application(), submittedAt = '2025-03-01T08:00:00.000Z') => ({
  idempotencyKey: `${caseId}:submit`,
  caseId,
  applicant,
  application: app,
  submittedAt,
});

export const approval = (caseId: string, app = application()) => ({
  idempotencyKey: `${caseId}:issue-license`,
  caseId,
  approvedBy: officer,
  approvedAt: '2025-03-02T08:00:00.000Z',
  application: app,
});

export interface RegistrationTestApp {
  database: TestDatabase;
  store: EventStore;
  activities: RegistrationWorkerActivities;
  /** Runs an activity in a real activity Context of workflow `registration-<caseId>`, run `run-1`. */
  run<A extends unknown[], R>(caseId: string, activity: (...args: A) => Promise<R>, ...args: A): Promise<R>;
  close(): Promise<void>;
}

const quiet = new DefaultLogger('ERROR');

/** The registration core (migrations, handlers, activities) on a throwaway database of the real server. */
export async function startRegistrationTestApp(prefix: string): Promise<RegistrationTestApp> {
  const database = await createTestDatabase(prefix, 4);
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        service: uniqueId('registration-test'),
        databaseUrl: database.url,
        kafkaBrokers: servers.kafkaBrokers,
        temporalAddress: servers.temporalAddress,
        temporalNamespace: servers.temporalNamespace,
        timeScale: 1,
      }),
      RegistrationCoreModule.register({ registeringDivision: '110108', registeringCity: '北京' }),
    ],
  }).compile();
  const app: INestApplicationContext = await moduleRef.init();
  return {
    database,
    store: app.get(EventStore),
    activities: app.get(RegistrationActivitiesService).activities(),
    run: (caseId, activity, ...args) =>
      new MockActivityEnvironment(
        { workflowExecution: { workflowId: `registration-${caseId}`, runId: 'run-1' } },
        { logger: quiet }, // refused activities are expected here; the worker would log each one as a warning
      ).run(activity, ...args),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** The failure an activity threw, for asserting its type and retryability. */
export const failureOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => {
      throw new Error('the activity succeeded');
    },
    (error: unknown) => error as { type?: string; nonRetryable?: boolean; message: string },
  );
