import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { eventually, PortalClient } from './support/portal-client';
import { establishmentApplication } from './support/registration-fixtures';

interface Task {
  taskId: string;
  caseId: string;
  kind: string;
}
interface MakerSpace {
  status: string;
  refusal?: { type: string };
  recognition?: { recognisedAt: string; exemptionStartsOn: string; grantCaseId: string };
}
interface Grant {
  status: string;
  amount: string;
  notice?: { noticeId: string; open: boolean; due: { legalDueAt: string } };
  payment?: { amount: string; paidBy: { id: string } };
  steps: { name: string; status: string }[];
}

interface Published {
  caseId: string;
  amount: string;
  publication: string;
  withdrawnAt?: string;
}
interface ScienceRecord {
  makerSpaces: { caseId: string }[];
  grants: { caseId: string; recoveredAt: string | null; publicationWithdrawnAt: string | null }[];
  clawbacks: { grantCaseId: string }[];
  referrals: { grantCaseId: string }[];
}

const SCALE = 86_400; // a day a second: the 5-working-day 公示 lasts 5 to 9 seconds
const strong = {
  monthsInOperation: 24,
  floorAreaM2: 800,
  workstations: 60,
  residentTeams: 25,
  mentors: 8,
  eventsPerYear: 20,
};

// R4.1 and R4.3 through the running system (gateway, registration, tax, science commission, orchestrator).
describe('maker-space recognition and its one-off grant, end to end (GOVFLOW_TIME_SCALE=86400)', () => {
  let stack: PlatformStack;
  let registrant: PortalClient;
  let citizen: PortalClient;
  let regOfficer: PortalClient;
  let sciOfficer: PortalClient;
  let finOfficer: PortalClient;
  let admin: PortalClient;

  beforeAll(async () => {
    stack = await startPlatformStack('e2e-science', 3980, { GOVFLOW_TIME_SCALE: String(SCALE) });
    const users = ['registrant1', 'registrant2', 'reg-officer1', 'sci-officer1', 'fin-officer1', 'admin'];
    const clients = await Promise.all(users.map((user) => PortalClient.login(stack.gatewayUrl, user)));
    [registrant, citizen, regOfficer, sciOfficer, finOfficer, admin] = clients as [
      PortalClient,
      PortalClient,
      PortalClient,
      PortalClient,
      PortalClient,
      PortalClient,
    ];
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const taskOf = (officer: PortalClient, caseId: string, kind: string) =>
    eventually(`an open ${kind} task for ${caseId}`, async () => {
      const { body } = await officer.get<Task[]>('/api/tasks?status=open');
      return body.find((task) => task.caseId === caseId && task.kind === kind);
    });
  const approve = async (officer: PortalClient, task: Task, reason: string) => {
    expect((await officer.post(`/api/tasks/${task.taskId}/claim`)).status).toBe(200);
    expect((await officer.post(`/api/tasks/${task.taskId}/decision`, { outcome: 'approve', reason })).status).toBe(200);
  };
  const reaching = <T extends { status: string }>(path: string, status: string, timeoutMs = 30_000) =>
    eventually(
      `${path} ${status}`,
      async () => {
        const { body } = await registrant.get<T>(path);
        return body.status === status ? body : undefined;
      },
      timeoutMs,
    );

  async function licensedEnterprise(name: string): Promise<string> {
    const registered = await registrant.post<{ caseId: string }>('/api/registrations', establishmentApplication(name));
    expect(registered.status).toBe(202);
    await approve(regOfficer, await taskOf(regOfficer, registered.body.caseId, 'registration-review'), '材料齐全');
    const license = await eventually(`the license of ${name}`, async () => {
      const { body } = await registrant.get<{ status: string; license?: { creditCode: string } }>(
        `/api/registrations/${registered.body.caseId}`,
      );
      return body.status === 'completed' ? body.license : undefined;
    });
    return license.creditCode;
  }

  /** The science commission learns of the license by event: until it has, the application is refused as unknown. */
  const recognitionApplied = (creditCode: string) =>
    eventually('a recognition case the science commission accepts', async () => {
      const applied = await registrant.post<{ caseId: string }>('/api/maker-spaces', {
        creditCode,
        level: 'national',
        figures: strong,
      });
      expect(applied.status).toBe(202);
      const { caseId } = applied.body;
      const status = await eventually(`recognition ${caseId} to settle`, async () => {
        const { body } = await registrant.get<MakerSpace>(`/api/maker-spaces/${caseId}`);
        return body.status === 'applied' ? undefined : body;
      });
      return status.status === 'under-review' ? caseId : undefined;
    });

  it('recognises a maker space, starts its tax exemption next month, and walks its 500,000-yuan grant to paid, then claws it back', async () => {
    const walkStarted = Date.now();
    const creditCode = await licensedEnterprise('众创');
    const recognitionCaseId = await recognitionApplied(creditCode);

    await approve(sciOfficer, await taskOf(sciOfficer, recognitionCaseId, 'maker-space-review'), '符合国家级备案条件');
    const recognised = await reaching<MakerSpace>(`/api/maker-spaces/${recognitionCaseId}`, 'recognised');
    const { exemptionStartsOn, grantCaseId } = recognised.recognition!;
    expect(exemptionStartsOn).toMatch(/^\d{4}-\d{2}-01$/);

    // Tax starts the exemption from MakerSpaceRecognized, by event: both on the recognition case's audit trail.
    const started = await eventually('TaxExemptionStarted on the audit trail', async () => {
      const { body } = await admin.get<{ type: string; service: string }[]>(
        `/api/audit/cases/${recognitionCaseId}/events`,
      );
      return body.find((event) => event.type === 'TaxExemptionStarted');
    });
    expect(started.service).toBe('tax'); // its startsOn is the event's exemptionStartsOn (tax's own tests)

    // The one-off grant: officer review, then 公示 on the public page for 5 working days.
    const grantPath = `/api/grants/${grantCaseId}`;
    await approve(sciOfficer, await taskOf(sciOfficer, grantCaseId, 'grant-review'), '认定后一次性资金支持');
    const onNotice = await reaching<Grant>(grantPath, 'on-public-notice');
    expect(onNotice.amount).toBe('500000.00');
    const listed = await eventually('the grant on the public notice page', async () => {
      const { body } = await PortalClient.anonymous(stack.gatewayUrl).get<{ caseId: string; amount: string }[]>(
        '/api/public-notices',
      );
      return body.find((notice) => notice.caseId === grantCaseId);
    });
    expect(listed.amount).toBe('500000.00');
    const objection = { caseId: grantCaseId, reason: '公示期已过仍提出', anonymous: false };
    await reaching<Grant>(grantPath, 'awaiting-payment', 30_000);
    const late = await citizen.post(`/api/public-notices/${onNotice.notice!.noticeId}/objections`, objection);
    expect(late.status).toBe(409);

    // Payment: finance only; the science officer who reviewed is refused.
    const payment = await taskOf(finOfficer, grantCaseId, 'grant-payment');
    expect((await sciOfficer.post(`/api/tasks/${payment.taskId}/claim`)).status).toBe(403);
    await approve(finOfficer, payment, '已拨付');
    const paid = await eventually('the grant paid and published', async () => {
      const { body } = await registrant.get<Grant>(grantPath);
      return body.steps.find((s) => s.name === 'publication')?.status === 'done' ? body : undefined;
    });
    expect(paid).toMatchObject({ status: 'paid', payment: { amount: '500000.00' } });
    const published = await eventually('the paid grant published', async () => {
      const { body } = await PortalClient.anonymous(stack.gatewayUrl).get<Published[]>('/api/grants/published');
      return body.find((grant) => grant.caseId === grantCaseId);
    });
    expect(published).toMatchObject({ amount: '500000.00', publication: 'published' });

    // Clawback (R4.4): the rate within its ground's range, grant + fine computed, finance confirms, case referred.
    const clawbacks = `${grantPath}/clawbacks`;
    const outOfRange = await sciOfficer.post(clawbacks, { ground: 'misuse-of-funds', rate: '35', reason: '挪用资金' });
    expect(outOfRange.status).toBe(400);
    const opened = await sciOfficer.post<{ amountDue: string; fine: string }>(clawbacks, {
      ground: 'false-material-or-fraud',
      rate: '20',
      reason: '经查入驻团队名单系伪造',
    });
    expect([opened.status, opened.body]).toEqual([
      202,
      expect.objectContaining({ fine: '100000.00', amountDue: '600000.00' }),
    ]);
    await approve(finOfficer, await taskOf(finOfficer, grantCaseId, 'clawback-confirmation'), '已确认收回');
    const clawedBack = await eventually('the clawback confirmed on the grant', async () => {
      const { body } = await sciOfficer.get<{ clawbacks: { status: string; referredAt?: string }[] }>(grantPath);
      return body.clawbacks.find((c) => c.status === 'confirmed');
    });
    expect(clawedBack.referredAt).toEqual(expect.any(String));

    // The enterprise's science record (科技计划项目信用记录) shows all of it, to the owner as to the commission.
    const recordPath = `/api/science/enterprises/${creditCode}/record`;
    const record = await eventually('the referral on the science record', async () => {
      const { body } = await registrant.get<ScienceRecord>(recordPath);
      return body.referrals?.length === 1 ? body : undefined;
    });
    expect(record.makerSpaces).toEqual([
      expect.objectContaining({
        caseId: recognitionCaseId,
        level: 'national',
        status: 'recognised',
        exemptionStartsOn,
      }),
    ]);
    expect(record.grants).toEqual([
      expect.objectContaining({ caseId: grantCaseId, status: 'recovered', paidAmount: '500000.00' }),
    ]);
    const recoveredAt = record.grants[0]!.recoveredAt;
    expect(record.grants[0]!.publicationWithdrawnAt).toBe(recoveredAt);
    expect(record.clawbacks).toEqual([
      expect.objectContaining({ grantCaseId, rate: '20', fine: '100000.00', amountDue: '600000.00', recoveredAt }),
    ]);
    expect(record.referrals).toEqual([expect.objectContaining({ grantCaseId, amountDue: '600000.00' })]);
    expect((await finOfficer.get(recordPath)).status).toBe(200);
    expect((await regOfficer.get(recordPath)).status).toBe(403);
    expect((await citizen.get(recordPath)).status).toBe(404);

    // The published results keep the entry, its publication withdrawn (撤销公示) on the day of the recovery.
    const { body: results } = await PortalClient.anonymous(stack.gatewayUrl).get<Published[]>('/api/grants/published');
    expect(results.find((grant) => grant.caseId === grantCaseId)).toMatchObject({
      publication: 'withdrawn',
      withdrawnAt: recoveredAt,
      withdrawalReason: expect.stringContaining('已追回'),
    });
    console.log(
      `science walk from license to paid grant and its clawback: ${Math.round((Date.now() - walkStarted) / 1000)} s`,
    );
  });
});
