import { CreditCode } from '../apps/registration/src/enterprise/domain/credit-code';
import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { eventually, PortalClient } from './support/portal-client';
import { establishmentApplication } from './support/registration-fixtures';
import { countedProvisionally, lastDayInBeijing, reviewDeadlinesBetween } from './support/review-deadline';

interface Task {
  taskId: string;
  caseId: string;
  kind: string;
  assignee: string | null;
  dueAt: string;
  legalDueAt: string;
  dueAtCalendar: string | null;
  timeScale: number;
  clockAccelerated: boolean;
  provisional: boolean;
  calendarBasis: string | null;
  escalated: boolean;
  nameCheck?: { available: boolean; fullName: string; investmentLinkToConfirm?: string; checkedAt: string };
}
interface CaseView {
  caseId: string;
  status: string;
  clock: { timeScale: number; accelerated: boolean };
  steps: { name: string; status: string; due?: { legalDueAt: string; dueAt: string } }[];
  license?: { creditCode: string; enterpriseName: string; issuedAt: string };
  taxRecord?: { taxpayerId: string; openedAt: string };
  requiredPermits: { code: string; name: string; authority: string }[];
}
interface Refusal {
  errors: { field: string | null; code?: string; message: string }[];
}
interface AuditEvent {
  type: string;
  service: string;
  actor: { id: string; role: string };
  reason?: string | null;
}

// 三证合一 through the real stack: HTTP → Temporal → registration → Kafka → tax → orchestrator → read models.
describe('establishment registration, end to end', () => {
  let stack: PlatformStack;
  let registrant: PortalClient;
  let officer: PortalClient;
  let colleague: PortalClient;

  beforeAll(async () => {
    stack = await startPlatformStack('e2e-registration', 3940);
    [registrant, officer, colleague] = (await Promise.all(
      ['registrant1', 'reg-officer1', 'reg-officer2'].map((user) => PortalClient.login(stack.gatewayUrl, user)),
    )) as [PortalClient, PortalClient, PortalClient];
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const submit = async (tradeName: string) => {
    const response = await registrant.post<{ caseId: string }>(
      '/api/registrations',
      establishmentApplication(tradeName),
    );
    expect(response.status).toBe(202);
    return response.body.caseId;
  };
  const openTaskOf = (caseId: string) =>
    eventually(`an open review task for ${caseId}`, async () => {
      const { body } = await officer.get<Task[]>('/api/tasks?status=open');
      return body.find((task) => task.caseId === caseId);
    });
  const caseReaches = (caseId: string, status: string) =>
    eventually(`case ${caseId} ${status}`, async () => {
      const { body } = await registrant.get<CaseView>(`/api/registrations/${caseId}`);
      return body.status === status ? body : undefined;
    });
  const decide = (who: PortalClient, taskId: string, outcome: string, reason: string) =>
    who.post(`/api/tasks/${taskId}/decision`, { outcome, reason });

  it('approves: one application, one license with a valid credit code, the tax record opened by event', async () => {
    const before = new Date();
    const caseId = await submit('星河');
    const task = await openTaskOf(caseId);
    // R1.5a on real time: due at 24:00 Beijing time of the 3rd working day after the submission.
    expect(reviewDeadlinesBetween(before, new Date())).toContain(task.legalDueAt);
    expect(task).toMatchObject({ dueAt: task.legalDueAt, timeScale: 1, clockAccelerated: false });
    // From late December 2026 the deadline runs into 2027, counted provisionally until its notice is in the calendar.
    expect(task.provisional).toBe(countedProvisionally(before, task.legalDueAt));
    expect(task.dueAtCalendar).toBe(`${lastDayInBeijing(task.legalDueAt)} 24:00 北京时间`);
    const underReview = await registrant.get<CaseView>(`/api/registrations/${caseId}`);
    expect(underReview.body.clock).toEqual({ timeScale: 1, accelerated: false });

    expect(task.nameCheck).toMatchObject({ available: true, fullName: '北京星河科技有限公司' });
    expect(await officer.post(`/api/tasks/${task.taskId}/claim`)).toMatchObject({
      status: 200,
      body: { nameCheck: { available: true } },
    });
    expect(await decide(officer, task.taskId, 'approve', 'materials complete')).toMatchObject({ status: 200 });

    const done = await caseReaches(caseId, 'completed');
    const code = CreditCode.parse(done.license!.creditCode);
    expect(done.license!.enterpriseName).toBe('北京星河科技有限公司');
    expect(done.taxRecord!.taxpayerId).toBe(code.value);
    expect(done.requiredPermits.map((p) => p.name)).toContainEqual(expect.stringMatching(/food/i));

    const admin = await PortalClient.login(stack.gatewayUrl, 'admin');
    const audit = await eventually('the whole case in the audit trail', async () => {
      const { body } = await admin.get<AuditEvent[]>(`/api/audit/cases/${caseId}/events`);
      return body.some((e) => e.type === 'TaxRecordOpened') ? body : undefined;
    });
    const types = audit.map((e) => e.type);
    expect(types.indexOf('ApplicationSubmitted')).toBeLessThan(types.indexOf('TaskDecided'));
    expect(types.indexOf('LicenseIssued')).toBeLessThan(types.indexOf('TaxRecordOpened'));
    expect(audit.find((e) => e.type === 'TaskDecided')).toMatchObject({
      actor: { id: expect.any(String), role: 'registration-officer' },
      reason: 'materials complete',
    });
  });

  it('rejects with a reason, and the case ends rejected without a license', async () => {
    const caseId = await submit('云帆');
    const task = await openTaskOf(caseId);
    await officer.post(`/api/tasks/${task.taskId}/claim`);
    expect(await decide(officer, task.taskId, 'reject', '')).toMatchObject({ status: 400 });
    expect(await decide(officer, task.taskId, 'reject', 'domicile is not a legal address')).toMatchObject({
      status: 200,
    });

    const rejected = await caseReaches(caseId, 'rejected');
    expect(rejected.license).toBeUndefined();
    const another = await PortalClient.login(stack.gatewayUrl, 'registrant2');
    const freed = await another.post('/api/registrations', establishmentApplication('云帆'));
    expect(freed.status).toBe(202); // the rejection released the name
  });

  it.each([
    ['海淀', 'trade-name-is-place-name'],
    ['星', 'trade-name-too-short'],
    ['中华人民共和国', 'prohibited-content'],
  ])('refuses the name %s with 400 and its rule, before any officer sees it (issue 17)', async (name, code) => {
    const { status, body } = await registrant.post<Refusal>('/api/registrations', establishmentApplication(name));
    expect(status).toBe(400);
    expect(body.errors).toContainEqual({ field: 'name.tradeName', code, message: expect.any(String) });
  });

  it('lets only one of two simultaneous applications for one name through; the other is told who holds it', async () => {
    const other = await PortalClient.login(stack.gatewayUrl, 'registrant2');
    const answers = await Promise.all(
      [registrant, other].map((who) => who.post<Refusal>('/api/registrations', establishmentApplication('曜石'))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body.errors).toEqual([
      { field: 'name.tradeName', code: 'identical-trade-name', message: expect.stringMatching(/已预留/) },
    ]);
  });

  it('refuses a supplement renaming to 海淀 with 400, and takes the next one', async () => {
    const caseId = await submit('远启');
    const task = await openTaskOf(caseId);
    await officer.post(`/api/tasks/${task.taskId}/claim`);
    await decide(officer, task.taskId, 'request-info', '名称需更正');
    await caseReaches(caseId, 'information-requested');
    const rename = (tradeName: string) =>
      registrant.post<Refusal>(`/api/registrations/${caseId}/supplement`, {
        changes: { name: establishmentApplication(tradeName).name },
        note: '更名',
      });

    const refused = await rename('海淀');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toContainEqual(
      expect.objectContaining({ field: 'changes.name.tradeName', code: 'trade-name-is-place-name' }),
    );
    expect((await rename('远航')).status).toBe(200);
  });

  it('asks for more information, takes the supplement, and approves on the second round', async () => {
    const caseId = await submit('青松');
    const first = await openTaskOf(caseId);
    await officer.post(`/api/tasks/${first.taskId}/claim`);
    expect(await decide(officer, first.taskId, 'request-info', 'shareholder 李四 id copy unreadable')).toMatchObject({
      status: 200,
    });
    await caseReaches(caseId, 'information-requested');

    const supplement = await registrant.post(`/api/registrations/${caseId}/supplement`, {
      changes: { domicile: '北京市海淀区中关村大街27号1102室' },
      note: 'clear copy attached; corrected room number',
    });
    expect(supplement.status).toBe(200);

    const second = await eventually('a second review task', async () => {
      const task = await openTaskOf(caseId);
      return task.taskId !== first.taskId ? task : undefined;
    });
    await officer.post(`/api/tasks/${second.taskId}/claim`);
    await decide(officer, second.taskId, 'approve', 'supplement accepted');
    await caseReaches(caseId, 'completed');
  });

  it('refuses four-eyes, wrong-department and other-claimant decisions, and records the refusals', async () => {
    const caseId = await submit('明远');
    const task = await openTaskOf(caseId);
    const taxOfficer = await PortalClient.login(stack.gatewayUrl, 'tax-officer1');

    expect(await decide(registrant, task.taskId, 'approve', 'my own case')).toMatchObject({ status: 403 });
    expect(await taxOfficer.post(`/api/tasks/${task.taskId}/claim`)).toMatchObject({ status: 403 });
    expect(await officer.post(`/api/tasks/${task.taskId}/claim`)).toMatchObject({ status: 200 });
    expect(await colleague.post(`/api/tasks/${task.taskId}/claim`)).toMatchObject({ status: 409 });

    const admin = await PortalClient.login(stack.gatewayUrl, 'admin');
    const refusals = await eventually('the refusals in the audit trail', async () => {
      const { body } = await admin.get<AuditEvent[]>(`/api/audit/cases/${caseId}/events`);
      const refused = body.filter((e) => e.type === 'TaskRefused');
      return refused.length >= 3 ? refused : undefined;
    });
    expect(refusals.map((e) => e.actor.role).sort()).toEqual(['registrant', 'registration-officer', 'tax-officer']);
  });

  it('licenses a name shared with an enterprise linked by investment once the officer confirms the link', async () => {
    const parentCase = await submit('同源');
    const parentTask = await openTaskOf(parentCase);
    await officer.post(`/api/tasks/${parentTask.taskId}/claim`);
    await decide(officer, parentTask.taskId, 'approve', '');
    const { creditCode } = (await caseReaches(parentCase, 'completed')).license!;

    const child = await PortalClient.login(stack.gatewayUrl, 'registrant2');
    const unlinked = await child.post<Refusal>('/api/registrations', establishmentApplication('同源'));
    expect(unlinked.status).toBe(409);
    const linked = await child.post<{ caseId: string }>('/api/registrations', {
      ...establishmentApplication('同源'),
      investmentLink: { creditCode },
    });
    expect(linked.status).toBe(202);
    const task = await openTaskOf(linked.body.caseId);
    expect(task.nameCheck).toMatchObject({ available: true, investmentLinkToConfirm: creditCode });

    await officer.post(`/api/tasks/${task.taskId}/claim`);
    const unconfirmed = await officer.post<Refusal>(`/api/tasks/${task.taskId}/decision`, { outcome: 'approve' });
    expect(unconfirmed).toMatchObject({ status: 400, body: { errors: [{ field: 'confirms' }] } });
    const confirms = [`investment-link:${creditCode}`];
    const approved = await officer.post(`/api/tasks/${task.taskId}/decision`, { outcome: 'approve', confirms });
    expect(approved).toMatchObject({ status: 200, body: { decision: { outcome: 'approve', confirms } } });
    const licensed = await eventually('the linked case completed', async () => {
      const { body } = await child.get<CaseView>(`/api/registrations/${linked.body.caseId}`);
      return body.status === 'completed' ? body : undefined;
    });
    expect(licensed.license?.enterpriseName).toBe('北京同源科技有限公司');
  });

  it('answers a bad body with 400 naming each field, never a 500', async () => {
    const { status, body } = await registrant.post<{ errors: { field: string; message: string }[] }>(
      '/api/registrations',
      { ...establishmentApplication('嘉禾'), businessScope: [], entityType: 'partnership' },
    );
    expect(status).toBe(400);
    expect(body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['businessScope', 'entityType']));
  });
});
