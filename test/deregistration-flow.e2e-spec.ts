import { chinaIsoDate, chinaWorkingDayCalendar } from '@govflow/policy';
import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { eventually, PortalClient } from './support/portal-client';
import { establishmentApplication, residents } from './support/registration-fixtures';

interface Task {
  taskId: string;
  caseId: string;
  kind: string;
  dueAt: string;
  legalDueAt: string;
  dueAtCalendar: string | null;
  timeScale: number;
  clockAccelerated: boolean;
  provisional: boolean;
}
interface Deregistration {
  status: string;
  announcement?: { startedAt: string; due: { legalDueAt: string; dueAt: string }; open: boolean };
  taxAnswer?: { verdict: string };
  steps: { name: string; status: string; due?: { legalDueAt: string } }[];
}

interface Permit {
  status: string;
  ending?: { reason: string; deregistrationCaseId: string; endedFrom: string };
}
interface Enterprise {
  status: string;
  permits: { permitCaseId: string; status: string }[];
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

  const licensedEnterprise = async (name: string) => {
    const registered = await registrant.post<{ caseId: string }>('/api/registrations', establishmentApplication(name));
    expect([registered.status, registered.body]).toEqual([202, expect.anything()]);
    await approve((await taskOf(registered.body.caseId, 'registration-review')).taskId, 'materials complete');
    const license = await eventually(`the license of ${name}`, async () => {
      const { body } = await registrant.get<{ status: string; license?: { creditCode: string } }>(
        `/api/registrations/${registered.body.caseId}`,
      );
      return body.status === 'completed' ? body.license : undefined;
    });
    return license.creditCode;
  };
  const applyToDeregister = async (creditCode: string) => {
    const signedAt = new Date().toISOString();
    const commitments = [residents.zhangSan, residents.liSi].map((investor) => ({ ...investor, signedAt }));
    const applied = await registrant.post<{ caseId: string }>(
      '/api/deregistrations',
      { creditCode, declaration: { noDebts: true }, commitments },
      { 'Idempotency-Key': `dereg-${creditCode}` },
    );
    expect(applied.status).toBe(202);
    return applied.body.caseId;
  };
  const announcementCloses = (caseId: string) =>
    eventually(
      `the announcement of ${caseId} to close`,
      async () => {
        const { body } = await registrant.get<Deregistration>(`/api/deregistrations/${caseId}`);
        return body.announcement?.open === false ? body : undefined;
      },
      45_000,
    );
  const objection = { reason: '尚欠货款', contact: '138' };
  /** A food business permit applied for on the standard route: its case runs (materials, then review) meanwhile. */
  const applyForFoodPermit = async (creditCode: string) => {
    const body = { creditCode, permitCode: 'food-business-permit', route: 'standard', materials: { form: 'a.pdf' } };
    // The gateway learns of the license by event: until then the enterprise is unknown there (404).
    const applied = await eventually(`the permit application of ${creditCode}`, async () => {
      const answer = await registrant.post<{ permitCaseId: string }>('/api/permits', body, {
        'Idempotency-Key': `food-${creditCode}`,
      });
      return answer.status === 404 ? undefined : answer;
    });
    expect(applied.status).toBe(202);
    return applied.body.permitCaseId;
  };

  it('walks two enterprises from license to the end of deregistration: the objected one can only be refused, the other is deregistered, its name blocked, its tax record closed and its permit case ended', async () => {
    const walkStarted = Date.now();
    const [objectedCode, cleanCode] = await Promise.all([licensedEnterprise('星河'), licensedEnterprise('云帆')]);
    const permitCaseId = await applyForFoodPermit(cleanCode);
    const [objected, clean] = await Promise.all([applyToDeregister(objectedCode), applyToDeregister(cleanCode)]);

    const announcing = await deregistrationReaches(objected, 'announcing');
    const listed = await eventually('the public announcement', async () => {
      const { body } = await PortalClient.anonymous(stack.gatewayUrl).get<{ caseId: string; endsAt: string }[]>(
        '/api/announcements',
      );
      return body.find((a) => a.caseId === objected);
    });
    expect(listed.endsAt).toBe(announcing.announcement!.due.legalDueAt);
    // Tax has nothing pending for a new enterprise: no objection, by event, before the period ends.
    await eventually('tax to raise no objection', async () => {
      const views = await Promise.all(
        [objected, clean].map((id) => registrant.get<Deregistration>(`/api/deregistrations/${id}`)),
      );
      return views.every(({ body }) => body.taxAnswer?.verdict === 'no-objection') ? true : undefined;
    });
    expect((await creditor.post(`/api/announcements/${objected}/objections`, objection)).status).toBe(201);

    // About 20 seconds later the period has legally ended: the objection channel is closed.
    const [closed] = await Promise.all([announcementCloses(objected), announcementCloses(clean)]);
    expect(closed.steps.find((s) => s.name === 'announcement')?.status).toBe('objected');
    expect((await creditor.post(`/api/announcements/${objected}/objections`, objection)).status).toBe(409);
    const announcementEnded = Date.now();

    // The confirmation window (20 days from the period's end, running into 2027 on the provisional calendar) opens.
    for (const caseId of [objected, clean]) {
      await deregistrationReaches(caseId, 'awaiting-confirmation');
      const confirmed = await registrant.post<Deregistration>(`/api/deregistrations/${caseId}/confirm`);
      expect(confirmed.status).toBe(200);
    }

    // Objected: the officer may only refuse, and the refusal is recorded.
    const objectedReview = await taskOf(objected, 'deregistration-review');
    expect((await officer.post(`/api/tasks/${objectedReview.taskId}/claim`)).status).toBe(200);
    const approveObjected = await officer.post(`/api/tasks/${objectedReview.taskId}/decision`, {
      outcome: 'approve',
      reason: '材料齐全',
    });
    expect(approveObjected.status).toBe(409);
    const rejectObjected = await officer.post(`/api/tasks/${objectedReview.taskId}/decision`, {
      outcome: 'reject',
      reason: '公告期内有债权人提出异议',
    });
    expect(rejectObjected.status).toBe(200);
    await deregistrationReaches(objected, 'rejected');

    // Not objected: a deregistration-review task due in 3 working days by the calendar, escalating sooner here.
    const review = await taskOf(clean, 'deregistration-review');
    const underReview = await deregistrationReaches(clean, 'under-review');
    const reviewStep = underReview.steps.find((s) => s.name === 'officer-review');
    expect(review).toMatchObject({
      kind: 'deregistration-review',
      legalDueAt: reviewStep?.due?.legalDueAt,
      timeScale: SCALE,
      clockAccelerated: true,
    });
    const lastDay = chinaIsoDate(new Date(Date.parse(review.legalDueAt) - 1));
    expect(review.dueAtCalendar).toBe(`${lastDay} 24:00 北京时间`);
    expect(chinaWorkingDayCalendar.isWorkingDay(lastDay)).toBe(true);
    expect(Date.parse(review.dueAt)).toBeLessThan(Date.parse(review.legalDueAt));
    expect(review.provisional).toBe(lastDay >= '2027-01-01');
    await approve(review.taskId, '公告期满无异议，清税完毕');
    const deregistered = await deregistrationReaches(clean, 'deregistered');
    const stepStatus = (name: string) => deregistered.steps.find((s) => s.name === name)?.status;
    expect([stepStatus('confirmation'), stepStatus('officer-review'), stepStatus('deregister')]).toEqual([
      'done',
      'done',
      'done',
    ]);

    // R1.3: the trade name stays unavailable for a year from deregistration, to anyone.
    const nameCheck = await creditor.get<{ available: boolean; problems: { code: string; message: string }[] }>(
      `/api/names/check?${new URLSearchParams({ division: '北京', tradeName: '云帆', industry: '科技', organizationForm: '有限公司' }).toString()}`,
    );
    expect(nameCheck.status).toBe(200);
    expect(nameCheck.body.available).toBe(false);
    expect(nameCheck.body.problems).toContainEqual({
      code: 'identical-trade-name',
      message: expect.stringMatching(/注销，未满一年/),
    });

    // Tax closes the taxpayer's record by event (TaxRecordClosed on the case's audit trail).
    const admin = await PortalClient.login(stack.gatewayUrl, 'admin');
    const closedRecord = await eventually('the tax record to close', async () => {
      const { body } = await admin.get<{ type: string; service: string }[]>(`/api/audit/cases/${clean}/events`);
      return body.find((event) => event.type === 'TaxRecordClosed');
    });
    expect(closedRecord.service).toBe('tax');

    // R3.4: the running permit case ends by event; the enterprise page lists it as ended.
    const ended = await eventually('the permit case to end', async () => {
      const { body } = await registrant.get<Permit>(`/api/permits/${permitCaseId}`);
      return body.status === 'ended' ? body : undefined;
    });
    expect(ended.ending).toMatchObject({ reason: 'enterprise-deregistered', deregistrationCaseId: clean });
    expect(['applied', 'awaiting-materials', 'under-review']).toContain(ended.ending?.endedFrom);
    const enterprise = await eventually('the enterprise page to show the permit ended', async () => {
      const { body } = await registrant.get<Enterprise>(`/api/enterprises/${cleanCode}`);
      return body.permits.some((p) => p.permitCaseId === permitCaseId && p.status === 'ended') ? body : undefined;
    });
    expect(enterprise.status).toBe('deregistered');
    console.log(
      `deregistration walked to the announcement's end in ${Math.round((announcementEnded - walkStarted) / 1000)} s, ` +
        `to the tax record's closing in ${Math.round((Date.now() - walkStarted) / 1000)} s`,
    );
  }, 150_000);
});
