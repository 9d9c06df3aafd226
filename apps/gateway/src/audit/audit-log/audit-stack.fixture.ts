import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventStore, migrate } from '@govflow/event-store';
import { AuditLogModule, PlatformModule } from '@govflow/platform';
import { servers, uniqueId } from '../../../../../test/support/servers';
import { createTestDatabase } from '../../../../../test/support/test-database';
import { newEvent } from '../../../../../test/support/event-fixtures';
import { bootGateway, type BootedGateway } from '../../testing/booted-gateway';

/** A service with an event store and its audit log, as registration and tax run it, on a database of its own. */
async function standIn(service: string, run: string) {
  const database = await createTestDatabase(`audit_${service.replace(/\W/g, '_')}`, 4);
  await migrate(database.pool);
  const env = {
    AUDIT_LOG_ORIGIN: `govflow.test/${run}/${service}`,
    GOVFLOW_LOCAL_DIR: mkdtempSync(path.join(tmpdir(), 'k-')),
  };
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        service,
        databaseUrl: database.url,
        kafkaBrokers: servers.kafkaBrokers,
        temporalAddress: servers.temporalAddress,
        temporalNamespace: servers.temporalNamespace,
        timeScale: 1,
      }),
      AuditLogModule.register(service, env),
    ],
  }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return { database, app, url: await app.getUrl(), store: new EventStore(database.pool), origin: env.AUDIT_LOG_ORIGIN };
}

type StandIn = Awaited<ReturnType<typeof standIn>>;

export interface AuditStack {
  readonly run: string;
  registration: StandIn;
  tax: StandIn;
  /** permits and the science commission, whose logs stay empty here */
  quiet: StandIn[];
  gateway: BootedGateway;
  /** The first event of each of four streams: registration, tax, registration, tax. */
  readonly eventIds: string[];
}

/**
 * Four services with signed audit logs and a gateway over them, started before the calling suite's tests and
 * stopped after; its fields are set once `beforeAll` has run.
 */
export function useAuditStack(): AuditStack {
  const stack = { run: uniqueId('run'), eventIds: [] as string[] } as unknown as AuditStack;
  beforeAll(async () => {
    const [registration, tax, permits, science] = await Promise.all(
      ['registration', 'tax', 'permits', 'science-commission'].map((service) => standIn(service, stack.run)),
    );
    Object.assign(stack, { registration, tax, quiet: [permits!, science!] });
    stack.gateway = await bootGateway({
      env: {
        REGISTRATION_URL: registration!.url,
        TAX_URL: tax!.url,
        PERMITS_URL: permits!.url,
        SCIENCE_COMMISSION_URL: science!.url,
      },
    });
    for (const [i, s] of [registration!, tax!, registration!, tax!].entries()) {
      const { events } = await s.store.append(`case-${i}`, 'no_stream', [newEvent('Submitted'), newEvent('Reviewed')]);
      stack.eventIds.push(events[0]!.eventId);
    }
  });
  afterAll(async () => {
    await stack.gateway?.close();
    for (const s of [stack.registration, stack.tax, ...(stack.quiet ?? [])]) {
      await s?.app.close();
      await s?.database.drop();
    }
  });
  return stack;
}

export const json = async <T = Record<string, unknown>>(response: Response) => ({
  status: response.status,
  body: (await response.json()) as T,
});
