import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Kafka } from 'kafkajs';
import { Topic } from '@govflow/contracts';
import { EventStore, migrate, verifyReceipt, type AuditReceipt } from '@govflow/event-store';
import { AuditLogModule, PlatformModule } from '@govflow/platform';
import { servers, uniqueId } from '../../../../test/support/servers';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { eventually, newEvent } from '../../../../test/support/event-fixtures';

jest.setTimeout(60_000);

describe(AuditLogModule.name, () => {
  const service = uniqueId('audit');
  const origin = `govflow.test/${service}`;
  let database: TestDatabase;
  let app: INestApplication;
  let base: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.AUDIT_LOG_ORIGIN = origin;
    process.env.GOVFLOW_LOCAL_DIR = mkdtempSync(path.join(tmpdir(), 'audit-module-'));
    database = await createTestDatabase('audit_module', 4);
    await migrate(database.pool);
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
        AuditLogModule.register(service),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    process.env = saved;
  });

  const get = async (url: string) => {
    const response = await fetch(`${base}${url}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('signs checkpoints in the background, publishes them keyed by origin, and answers receipts and verify', async () => {
    const store = new EventStore(database.pool);
    const { events } = await store.append('case-1', 'no_stream', [newEvent('Submitted', { fee: 1 })]);
    const eventId = events[0]!.eventId;
    const { body: key } = await get('/audit/public-key');
    expect(key).toMatchObject({ origin, verifierKey: expect.stringMatching(/^govflow\.test\//) });

    let receipt: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
    await eventually('a receipt', async () => {
      receipt = await get(`/audit/events/${eventId}/receipt`);
      expect([200, 202]).toContain(receipt.status);
      return receipt.status === 200;
    });
    expect(verifyReceipt(receipt.body as unknown as AuditReceipt, key.verifierKey as string)).toMatchObject({
      eventId,
      logIndex: 1,
    });
    expect((await get('/audit/events/00000000-0000-4000-8000-000000000001/receipt')).status).toBe(404);

    const { body: latest } = await get('/audit/checkpoints/latest');
    expect(latest).toMatchObject({ origin, size: 2 });

    const kafka = new Kafka({ clientId: service, brokers: servers.kafkaBrokers, logLevel: 0 });
    const consumer = kafka.consumer({ groupId: uniqueId('audit-reader') });
    const seen: { key: string; note: string }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: Topic.AuditCheckpoints, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        if (message.key?.toString() === origin) seen.push({ key: origin, note: message.value!.toString() });
        return Promise.resolve();
      },
    });
    try {
      await eventually('the checkpoint on audit.checkpoints', () => Promise.resolve(seen.length > 0));
      expect(seen[0]!.note).toBe(latest.note);
    } finally {
      await consumer.disconnect();
    }

    const verify = await fetch(`${base}/audit/verify`, { method: 'POST' });
    expect(await verify.json()).toMatchObject({ ok: true, treeSize: 2, problems: [] });
  });
});
