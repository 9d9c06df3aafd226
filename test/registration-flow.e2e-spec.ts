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

    expect(await officer.post(`/api/tasks/${task.taskId}/claim`)).toMatchObject({ status: 200 });
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

  it('answers a bad body with 400 naming each field, never a 500', async () => {
    const { status, body } = await registrant.post<{ errors: { field: string; message: string }[] }>(
      '/api/registrations',
      { ...establishmentApplication('嘉禾'), businessScope: [], entityType: 'partnership' },
    );
    expect(status).toBe(400);
    expect(body.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['businessScope', 'entityType']));
  });
});
