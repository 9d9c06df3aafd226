import { randomUUID } from 'node:crypto';
import { Topic } from '@govflow/contracts';
import { createKafka } from '@govflow/messaging';
import { servers, uniqueId } from '../../../../../test/support/servers';
import { bootGateway, eventually, type BootedGateway } from '../../testing/booted-gateway';
import { connectProducer, envelope, opened, taskEvent } from '../../testing/published-events';
import type { CaseDiff, CaseStateAt } from './case-state-at';

jest.setTimeout(240_000);

describe('the time machine over events published to the real topics', () => {
  const kafka = createKafka(uniqueId('gateway-time-machine-test'), servers.kafkaBrokers);
  let gateway: BootedGateway;
  let producer: Awaited<ReturnType<typeof connectProducer>>;
  const caseId = randomUUID();
  const t0 = Date.now() - 3_600_000;
  const instant = (minutes: number) => new Date(t0 + minutes * 60_000);
  const creditCode = '91110108MA01TM0001';
  const stream = `establishment-${caseId}`;
  const review = { taskId: `${caseId}:review:1`, caseId, workflowId: `registration-${caseId}` };
  const reviewers = { role: 'registration-officer', department: 'market-regulation' } as const;
  const officer = { id: 'officer-tm', role: 'registration-officer', department: 'market-regulation' } as const;
  const due = instant(60 * 24 * 5).toISOString();

  const get = async <T>(path: string) => {
    const response = await gateway.get(`/api/audit/cases/${caseId}${path}`, 'admin');
    return { status: response.status, body: (await response.json()) as T };
  };
  const stateAt = (minutes: number) =>
    get<CaseStateAt>(`/state?at=${encodeURIComponent(instant(minutes).toISOString())}`).then((r) => r.body);

  /**
   * New consumer groups start at the topics' end once they have joined: until a probe published on each topic has
   * reached the audit trail (published again while it has not), what the test publishes could pass them by.
   */
  async function untilTheTrailReadsEveryTopic() {
    const probe = randomUUID();
    const probeTask = { taskId: `${probe}:probe`, caseId: probe, workflowId: `probe-${probe}` };
    await eventually(
      async () => {
        for (const topic of [Topic.RegistrationEvents, Topic.TaxEvents]) {
          await producer.publish(topic, envelope(`probe-${probe}`, 1, 'Probed', {}, { correlationId: probe }));
        }
        await producer.publish(Topic.TaskEvents, taskEvent(probeTask, opened(1, reviewers, due)));
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const { rows } = await gateway.database.pool.query<{ topics: number; tasks: number }>(
          `SELECT (SELECT count(DISTINCT topic)::int FROM audit_events WHERE case_id = $1) AS topics,
                  (SELECT count(*)::int FROM task_inbox WHERE case_id = $1) AS tasks`,
          [probe],
        );
        return rows[0];
      },
      (seen) => seen?.topics === 3 && seen.tasks === 1,
      90_000,
    );
  }

  beforeAll(async () => {
    gateway = await bootGateway();
    producer = await connectProducer(kafka);
    await untilTheTrailReadsEveryTopic();
    const submitted = envelope(
      stream,
      1,
      'ApplicationSubmitted',
      {
        caseId,
        applicant: { id: 'registrant1', role: 'registrant' },
        submittedAt: instant(0).toISOString(),
        application: {
          name: { division: '北京', tradeName: '时光', industry: '科技', organizationForm: '有限公司' },
          entityType: 'limited-company',
          domicile: '北京市海淀区中关村大街1号',
          legalRepresentative: { name: '李四', idNumber: '110101199001011234' },
        },
      },
      { correlationId: caseId },
      instant(0),
    );
    const license = envelope(
      stream,
      2,
      'LicenseIssued',
      {
        caseId,
        creditCode,
        enterpriseName: '北京时光科技有限公司',
        registrantId: 'registrant1',
        issuedAt: instant(30).toISOString(),
        businessScope: ['软件开发'],
      },
      { correlationId: caseId },
      instant(30),
    );
    const taxOpened = envelope(
      `tax-record-${creditCode}`,
      1,
      'TaxRecordOpened',
      { caseId, taxpayerId: creditCode, enterpriseName: '北京时光科技有限公司', openedAt: instant(31).toISOString() },
      { correlationId: caseId, actor: { id: 'tax-service', role: 'system' } },
      instant(31),
    );
    await producer.publish(Topic.RegistrationEvents, submitted, license);
    await producer.publish(
      Topic.TaskEvents,
      taskEvent(review, { ...opened(1, reviewers, due), at: instant(1).toISOString() }),
      taskEvent(review, { type: 'claimed', sequence: 2, at: instant(10).toISOString(), actor: officer }),
      taskEvent(review, {
        type: 'decided',
        sequence: 3,
        at: instant(29).toISOString(),
        actor: officer,
        outcome: 'approve',
      }),
    );
    await producer.publish(Topic.TaxEvents, taxOpened);
    await eventually(
      () => stateAt(120),
      (state) => state.eventCount === 6,
      60_000,
    );
  });

  afterAll(async () => {
    await producer?.disconnect();
    await gateway?.close();
  });

  it('rebuilds the case as submitted, as under review, and as licensed with its tax record', async () => {
    const submitted = await stateAt(5);
    expect(submitted).toMatchObject({
      eventCount: 2,
      eventsWithoutData: 0,
      aggregates: [
        {
          service: 'registration',
          kind: 'establishment-case',
          status: 'submitted',
          fields: {
            enterpriseName: '北京时光科技有限公司',
            // Administrators see ID numbers masked, here as everywhere.
            legalRepresentative: { name: '李四', idNumber: '110101********1234' },
          },
        },
      ],
      tasks: [{ taskId: review.taskId, status: 'open', assignee: null, dueAt: due }],
      readModels: [{ readModel: 'task-inbox', key: review.taskId, row: { status: 'open', assignee_id: null } }],
    });
    expect(JSON.stringify(submitted)).not.toContain('110101199001011234');

    const underReview = await stateAt(15);
    expect(underReview.aggregates[0]?.status).toBe('submitted');
    expect(underReview.tasks[0]).toMatchObject({ status: 'claimed', assignee: { id: officer.id } });
    expect(underReview.readModels[0]?.row).toMatchObject({ assignee_id: officer.id, assigned_at_sequence: 2 });

    const licensed = await stateAt(45);
    expect(licensed.aggregates.map((a) => [a.kind, a.status])).toEqual([
      ['establishment-case', 'licensed'],
      ['tax-record', 'open'],
    ]);
    expect(licensed.aggregates[0]?.fields).toMatchObject({ creditCode, decision: { outcome: 'approved' } });
    expect(licensed.tasks[0]).toMatchObject({ status: 'decided', outcome: 'approve', decidedBy: { id: officer.id } });
    expect(licensed.readModels.map((r) => r.readModel).sort()).toEqual([
      'enterprise-directory',
      'task-inbox',
      'tax-record',
    ]);
    // The rows match what the read models themselves hold now.
    const inboxRow = await eventually(
      () =>
        gateway.database.pool
          .query<{ status: string; outcome: string; assignee_id: string }>(
            'SELECT status, outcome, assignee_id FROM task_inbox WHERE task_id = $1',
            [review.taskId],
          )
          .then((r) => r.rows[0]),
      (row) => row?.status === 'decided',
      60_000,
    );
    expect(licensed.readModels.find((r) => r.readModel === 'task-inbox')?.row).toMatchObject(inboxRow!);
  });

  it('diffs two instants field by field, and records the query in the operations log', async () => {
    const from = encodeURIComponent(instant(5).toISOString());
    const to = encodeURIComponent(instant(45).toISOString());
    const { status, body } = await get<CaseDiff>(`/diff?from=${from}&to=${to}`);
    expect(status).toBe(200);
    expect(body.events.map((e) => e.type)).toEqual(['TaskClaimed', 'TaskDecided', 'LicenseIssued', 'TaxRecordOpened']);
    const fieldsOf = (id: string) => body.changes.find((c) => c.id === id)?.fields;
    expect(fieldsOf(`registration/${stream}`)).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'submitted', after: 'licensed' },
        { field: 'creditCode', before: null, after: creditCode },
      ]),
    );
    expect(fieldsOf(`tasks/task-${review.taskId}`)).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'open', after: 'decided' },
        { field: 'decidedBy.id', before: null, after: officer.id },
      ]),
    );
    expect(fieldsOf(`tax-record/${creditCode}/record`)).toEqual(
      expect.arrayContaining([{ field: 'detail.enterpriseName', before: null, after: '北京时光科技有限公司' }]),
    );
    const operations = await gateway.get('/api/audit/operations', 'admin');
    const entries = (await operations.json()) as { action: string; target: string }[];
    expect(entries[0]).toMatchObject({ action: 'audit.time-machine-diff', target: caseId });
  });
});
