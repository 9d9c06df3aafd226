import { randomUUID } from 'node:crypto';
import { type Actor, Topic } from '@govflow/contracts';
import { createKafka } from '@govflow/messaging';
import { resolveDeadline } from '@govflow/policy';
import { servers, uniqueId } from '../../../../test/support/servers';
import { TaskInboxProjection } from '../tasks/task-inbox/task-inbox.projection';
import { bootGateway, type BootedGateway, eventually } from '../testing/booted-gateway';
import { connectProducer, envelope, opened, taskEvent } from '../testing/published-events';

jest.setTimeout(90_000);

interface InboxItem {
  taskId: string;
  caseId: string;
  kind: string;
  assignee: string | null;
  dueAt: string;
  escalated: boolean;
  status: string;
}

describe('read models fed from the real Kafka topics', () => {
  const kafka = createKafka(uniqueId('gateway-read-models-test'), servers.kafkaBrokers);
  let gateway: BootedGateway;
  let producer: Awaited<ReturnType<typeof connectProducer>>;
  let officer1: Actor;
  let officer2: Actor;
  const marketRegulation = { role: 'registration-officer', department: 'market-regulation' } as const;
  const due = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

  const caseOf = () => randomUUID();
  const taskOf = (caseId: string, kind = 'registration-review') => ({
    taskId: `${caseId}:review:1`,
    caseId,
    kind,
    workflowId: `registration-${caseId}`,
  });
  const [reviewed, science, escalated, decided] = [caseOf(), caseOf(), caseOf(), caseOf()];
  const ours = new Set([reviewed, science, escalated, decided].map((caseId) => `${caseId}:review:1`));

  const inboxOf = async (username: string, query = '') => {
    const response = await gateway.get(`/api/tasks${query}`, username);
    expect(response.status).toBe(200);
    return ((await response.json()) as InboxItem[]).filter((task) => ours.has(task.taskId));
  };
  const processedByInbox = async (eventId: string) =>
    (
      await gateway.database.pool.query('SELECT 1 FROM event_store.inbox WHERE consumer = $1 AND message_id = $2', [
        new TaskInboxProjection().name,
        eventId,
      ])
    ).rowCount === 1;

  beforeAll(async () => {
    gateway = await bootGateway();
    producer = await connectProducer(kafka);
    officer1 = { id: await gateway.idOf('reg-officer1'), ...marketRegulation };
    officer2 = { id: await gateway.idOf('reg-officer2'), ...marketRegulation };
  });

  afterAll(async () => {
    await producer?.disconnect();
    await gateway?.close();
  });

  describe('the task inbox', () => {
    beforeAll(async () => {
      const review = taskOf(reviewed);
      // The reassignment (3) arrives before the claim (2) it follows: the later one must win.
      await producer.publish(
        Topic.TaskEvents,
        taskEvent(review, {
          type: 'reassigned',
          sequence: 3,
          at: at(3),
          actor: officer1,
          to: officer2,
          reason: 'leave',
        }),
      );
      await producer.publish(Topic.TaskEvents, taskEvent(review, opened(1, marketRegulation, due)));
      const scienceTask = taskOf(science, 'maker-space-review');
      const scienceGroup = { role: 'science-officer', department: 'science-commission' } as const;
      await producer.publish(Topic.TaskEvents, taskEvent(scienceTask, opened(1, scienceGroup, due)));
      const taxTask = taskOf(escalated, 'tax-review');
      await producer.publish(
        Topic.TaskEvents,
        taskEvent(taxTask, opened(1, { role: 'tax-officer', department: 'tax' }, due)),
        taskEvent(taxTask, { type: 'escalated', sequence: 2, at: at(1), escalateTo: marketRegulation }),
      );
      const decidedTask = taskOf(decided);
      const claimed = taskEvent(decidedTask, { type: 'claimed', sequence: 2, at: at(1), actor: officer1 });
      await producer.publish(
        Topic.TaskEvents,
        taskEvent(decidedTask, opened(1, marketRegulation, due)),
        claimed,
        claimed, // delivered twice: the inbox applies it once
        taskEvent(decidedTask, { type: 'decided', sequence: 3, at: at(2), actor: officer1, outcome: 'approve' }),
      );
      await eventually(
        () => inboxOf('reg-officer1', '?status=all'),
        (tasks) => tasks.length === 3 && tasks.some((t) => t.assignee === officer2.id && t.status === 'open'),
      );
    });

    it("lists the open tasks of the caller's department and those escalated to it", async () => {
      const tasks = await inboxOf('reg-officer1');
      expect(tasks.sort((a, b) => a.caseId.localeCompare(b.caseId))).toEqual(
        [
          { ...taskOf(reviewed), assignee: officer2.id, assigneeUsername: 'reg-officer2', escalated: false },
          { ...taskOf(escalated, 'tax-review'), assignee: null, assigneeUsername: null, escalated: true },
        ]
          // Opened events from before the calendar carry only dueAt: the real deadline is the same, on real time.
          .map(({ workflowId: _, ...task }) => ({
            ...task,
            dueAt: due,
            legalDueAt: due,
            dueAtCalendar: null,
            timeScale: 1,
            clockAccelerated: false,
            provisional: false,
            calendarBasis: null,
            status: 'open',
          }))
          .sort((a, b) => a.caseId.localeCompare(b.caseId)),
      );
    });

    it('keeps the later assignment when an earlier claim arrives after it', async () => {
      const late = taskEvent(taskOf(reviewed), { type: 'claimed', sequence: 2, at: at(2), actor: officer1 });
      await producer.publish(Topic.TaskEvents, late);
      await eventually(() => processedByInbox(late.eventId), Boolean);
      const [task] = (await inboxOf('reg-officer1')).filter((t) => t.caseId === reviewed);
      expect(task?.assignee).toBe(officer2.id);
    });

    it('filters by status: decided, all, and open by default', async () => {
      expect((await inboxOf('reg-officer1', '?status=decided')).map((t) => [t.caseId, t.status])).toEqual([
        [decided, 'decided'],
      ]);
      expect((await inboxOf('reg-officer1', '?status=all')).map((t) => t.caseId).sort()).toEqual(
        [reviewed, escalated, decided].sort(),
      );
    });

    it('shows another department its own tasks only, and a registrant none', async () => {
      expect((await inboxOf('sci-officer1')).map((t) => t.caseId)).toEqual([science]);
      expect(await inboxOf('registrant1', '?status=all')).toEqual([]);
    });

    it('answers 400 to an unknown status, naming it', async () => {
      const response = await gateway.get('/api/tasks?status=closed', 'reg-officer1');
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [{ field: 'status', message: expect.stringMatching(/open.*decided.*all/) }],
      });
    });

    it('is rebuilt from the topics by an administrator, and only by one', async () => {
      const before = await inboxOf('reg-officer1', '?status=all');
      await gateway.database.pool.query(`UPDATE task_inbox SET kind = 'tampered', assignee_id = NULL`);

      expect((await gateway.post('/api/admin/read-models/task-inbox/rebuild', {}, 'reg-officer1')).status).toBe(403);
      expect((await gateway.post('/api/admin/read-models/nothing/rebuild', {}, 'admin')).status).toBe(400);
      const rebuild = await gateway.post('/api/admin/read-models/task-inbox/rebuild', {}, 'admin');
      expect(rebuild.status).toBe(202);
      expect(await rebuild.json()).toEqual({ readModel: 'task-inbox', status: 'replaying' });

      const sorted = (tasks: InboxItem[]) => [...tasks].sort((a, b) => a.taskId.localeCompare(b.taskId));
      const after = await eventually(
        () => inboxOf('reg-officer1', '?status=all'),
        (tasks) => JSON.stringify(sorted(tasks)) === JSON.stringify(sorted(before)),
      );
      expect(sorted(after)).toEqual(sorted(before));
    });

    it('shows a deadline counted on the provisional 2027 calendar as provisional, saying why in Chinese', async () => {
      // Resolved as the workflow's deadline activity does: 3 working days from Thursday 2026-12-31 run into 2027.
      const deadline = resolveDeadline({ period: { workingDays: 3 }, from: '2026-12-31T02:00:00.000Z', timeScale: 1 });
      const { dueAt, legalDueAt, dueAtCalendar, timeScale, provisional, calendarBasis } = deadline;
      const task = taskOf(caseOf());
      await producer.publish(
        Topic.TaskEvents,
        taskEvent(task, {
          ...opened(1, marketRegulation, dueAt),
          ...{ legalDueAt, dueAtCalendar, timeScale, provisional, calendarBasis },
        }),
      );
      const listed = async () => {
        const response = await gateway.get('/api/tasks', 'reg-officer1');
        return ((await response.json()) as InboxItem[]).filter(({ taskId }) => taskId === task.taskId);
      };
      expect(await eventually(listed, (tasks) => tasks.length === 1)).toEqual([
        expect.objectContaining({
          dueAtCalendar: '2027-01-06 24:00 北京时间',
          provisional: true,
          calendarBasis: expect.stringMatching(/^按法定节假日暂算.*2027年放假安排公布后以通知为准$/),
        }),
      ]);
    });
  });

  describe('the audit trail', () => {
    const caseId = randomUUID();
    const t0 = Date.now() - 60_000;
    const instant = (seconds: number) => new Date(t0 + seconds * 1000);
    const application = `application-${caseId}`;
    const submitted = envelope(
      application,
      1,
      'ApplicationSubmitted',
      { caseId },
      { correlationId: caseId },
      instant(0),
    );
    const review = { taskId: `${caseId}:review:1`, caseId, workflowId: `registration-${caseId}` };
    const reviewers = { role: 'registration-officer', department: 'market-regulation' } as const;
    const taskOpened = taskEvent(review, { ...opened(1, reviewers, due), at: instant(1).toISOString() });
    const license = envelope(application, 2, 'LicenseIssued', { caseId }, { correlationId: caseId }, instant(5));
    // Same instant on two topics, and two events of one stream at one instant: topic, then version decide.
    const taxOpened = envelope(
      `tax-${caseId}`,
      1,
      'TaxRecordOpened',
      { caseId },
      { correlationId: caseId },
      instant(5),
    );
    const permits = envelope(application, 3, 'PermitsDetermined', { caseId }, { correlationId: caseId }, instant(5));
    let decision: ReturnType<typeof taskEvent>;

    beforeAll(async () => {
      decision = taskEvent(review, {
        type: 'decided',
        sequence: 2,
        at: instant(2).toISOString(),
        actor: officer1,
        outcome: 'approve',
        reason: 'ok',
      });
      await producer.publish(Topic.TaxEvents, taxOpened);
      await producer.publish(Topic.RegistrationEvents, permits, license);
      await producer.publish(Topic.TaskEvents, decision, decision);
      await producer.publish(Topic.RegistrationEvents, submitted, taskOpened);
    });

    const trail = () => gateway.get(`/api/audit/cases/${caseId}/events`, 'admin');

    it('lists every event of the case across topics once, by occurredAt, then topic, then version', async () => {
      const events = await eventually(
        async () => (await (await trail()).json()) as { eventId: string }[],
        (list) => list.length === 6,
      );
      expect(events.map((e) => e.eventId)).toEqual(
        [submitted, taskOpened, decision, license, permits, taxOpened].map((e) => e.eventId),
      );
      expect(events[2]).toEqual({
        eventId: decision.eventId,
        type: 'TaskDecided',
        service: 'tasks',
        occurredAt: instant(2).toISOString(),
        actor: { ...officer1, username: 'reg-officer1' },
        reason: 'ok',
        streamId: `task-${caseId}:review:1`,
        version: 2,
        causationId: expect.any(String),
      });
      expect(events[0]).toMatchObject({
        type: 'ApplicationSubmitted',
        service: 'registration',
        actor: { id: 'registration-service', username: null, role: 'system', department: null },
        reason: null,
      });
      expect(events[5]).toMatchObject({ type: 'TaxRecordOpened', service: 'tax' });
    });

    it('answers 403 to anyone but an administrator, and 400 to a malformed case id', async () => {
      const forbidden = await gateway.get(`/api/audit/cases/${caseId}/events`, 'reg-officer1');
      expect(forbidden.status).toBe(403);
      expect(await forbidden.json()).toEqual({
        errors: [{ field: null, message: expect.stringMatching(/requires the role administrator/) }],
      });
      expect((await gateway.get('/api/audit/cases/not%20a%20case/events', 'admin')).status).toBe(400);
    });

    it('answers an empty trail for a case it has never seen', async () => {
      const response = await gateway.get(`/api/audit/cases/${randomUUID()}/events`, 'admin');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([]);
    });
  });
});
