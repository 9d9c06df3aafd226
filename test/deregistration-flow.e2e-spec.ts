import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { eventually, PortalClient } from './support/portal-client';
import { establishmentApplication, residents } from './support/registration-fixtures';

interface Task {
  taskId: string;
  caseId: string;
  kind: string;
}
interface Deregistration {
  status: string;
  announcement?: { startedAt: string; due: { legalDueAt: string; dueAt: string }; open: boolean };
  taxAnswer?: { verdict: string };
  steps: { name: string; status: string }[];
}

const SCALE = 86_400; // a day a second: the 20-day announcement lasts about 20 seconds

// 简易注销 through the running system (gateway, registration, tax, orchestrator) on the accelerated clock.
describe('simplified deregistration, end to end (GOVFLOW_TIME_SCALE=86400)', () => {
  let stack: PlatformStack;
  let registrant: PortalClient;
  let creditor: PortalClient;
  let officer: PortalClient;

  beforeAll(async () => {
    stack = await startPlatformStack('e2e-deregistration', 3960, { GOVFLOW_TIME_SCALE: String(SCALE) });
    [registrant, creditor, officer] = (await Promise.all(
      ['registrant1', 'registrant2', 'reg-officer1'].map((user) => PortalClient.login(stack.gatewayUrl, user)),
    )) as [PortalClient, PortalClient, PortalClient];
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const taskOf = (caseId: string, kind: string) =>
    eventually(`an open ${kind} task for ${caseId}`, async () => {
      const { body } = await officer.get<Task[]>('/api/tasks?status=open');
      return body.find((task) => task.caseId === caseId && task.kind === kind);
    });
  const approve = async (taskId: string, reason: string) => {
    expect((await officer.post(`/api/tasks/${taskId}/claim`)).status).toBe(200);
    expect((await officer.post(`/api/tasks/${taskId}/decision`, { outcome: 'approve', reason })).status).toBe(200);
  };
  const deregistrationReaches = (caseId: string, status: string, timeoutMs = 30_000) =>
    eventually(
      `deregistration ${caseId} ${status}`,
      async () => {
        const { body } = await registrant.get<Deregistration>(`/api/deregistrations/${caseId}`);
        return body.status === status ? body : undefined;
      },
      timeoutMs,
    );

  it('licenses an enterprise, announces its deregistration publicly, hears tax by event, and closes objections at expiry', async () => {
    const walkStarted = Date.now();
    const registered = await registrant.post<{ caseId: string }>(
      '/api/registrations',
      establishmentApplication('星河'),
    );
    expect(registered.status).toBe(202);
    await approve((await taskOf(registered.body.caseId, 'registration-review')).taskId, 'materials complete');
    const licensed = await eventually('the license and the tax record', async () => {
      const { body } = await registrant.get<{ status: string; license?: { creditCode: string } }>(
        `/api/registrations/${registered.body.caseId}`,
      );
      return body.status === 'completed' ? body.license : undefined;
    });
    const creditCode = licensed.creditCode;

    const signedAt = new Date().toISOString();
    const commitments = [residents.zhangSan, residents.liSi].map((investor) => ({ ...investor, signedAt }));
    const applied = await registrant.post<{ caseId: string }>(
      '/api/deregistrations',
      { creditCode, declaration: { noDebts: true }, commitments },
      { 'Idempotency-Key': `dereg-${creditCode}` },
    );
    expect(applied.status).toBe(202);
    const { caseId } = applied.body;

    const announcing = await deregistrationReaches(caseId, 'announcing');
    const listed = await eventually('the public announcement', async () => {
      const { body } = await PortalClient.anonymous(stack.gatewayUrl).get<{ caseId: string; endsAt: string }[]>(
        '/api/announcements',
      );
      return body.find((a) => a.caseId === caseId);
    });
    expect(listed.endsAt).toBe(announcing.announcement!.due.legalDueAt);
    // Tax has nothing pending for a new enterprise: no objection, by event, before the period ends.
    await eventually('tax to raise no objection', async () => {
      const { body } = await registrant.get<Deregistration>(`/api/deregistrations/${caseId}`);
      return body.taxAnswer?.verdict === 'no-objection' ? true : undefined;
    });

    const early = await creditor.post(`/api/announcements/${caseId}/objections`, {
      reason: '尚欠货款',
      contact: '138',
    });
    expect(early.status).toBe(201);
    // About 20 seconds later the period has legally ended: the objection channel is closed.
    const closed = await eventually(
      'the announcement to close',
      async () => {
        const { body } = await registrant.get<Deregistration>(`/api/deregistrations/${caseId}`);
        return body.announcement?.open === false ? body : undefined;
      },
      45_000,
    );
    expect(closed.steps.find((s) => s.name === 'announcement')?.status).toBe('objected');
    const late = await creditor.post(`/api/announcements/${caseId}/objections`, { reason: '尚欠货款', contact: '138' });
    expect(late.status).toBe(409);
    console.log(
      `deregistration walked to the announcement's end in ${Math.round((Date.now() - walkStarted) / 1000)} s`,
    );
    // The confirmation window that follows (20 days after 2026-12-21) ends in 2027: the case waits for 2027's
    // working-day calendar in libs/policy (CalendarYearNotCovered) before it asks for confirmation. The steps after
    // it (confirmation, extension, lapse, the officer's decision) are covered by the workflow's time-skipping tests.
  }, 150_000);
});
