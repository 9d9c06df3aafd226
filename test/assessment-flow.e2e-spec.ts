import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, seriousA11yViolations } from './support/browser';
import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { eventually, PortalClient } from './support/portal-client';
import { establishmentApplication } from './support/registration-fixtures';

interface Task {
  taskId: string;
  caseId: string;
  kind: string;
}
interface YearStatus {
  year: number;
  status: string;
  makerSpaces: { caseId: string; status: string; outcome?: string }[];
}
interface AuditEvent {
  type: string;
  service: string;
  data?: Record<string, unknown>;
}

const SCALE = 86_400; // a day a second: the 30-day reporting period lasts 30 seconds
const strong = {
  monthsInOperation: 24,
  floorAreaM2: 800,
  workstations: 60,
  residentTeams: 25,
  mentors: 8,
  eventsPerYear: 20,
};
// At the thresholds of the assessment policy in force for the assessed years (funds in yuan at the edge).
const passing = {
  fundsInvested: '500000.00',
  trainingSessions: 6,
  trainees: 100,
  teamsAdmitted: 10,
  teamsRegistered: 3,
  companiesRegisteredByGraduates: 1,
};

// R4.4 through the running system: gateway, registration, tax, science commission, orchestrator.
describe('the maker spaces’ annual assessment, end to end (GOVFLOW_TIME_SCALE=86400)', () => {
  let stack: PlatformStack;
  let registrant: PortalClient;
  let regOfficer: PortalClient;
  let sciOfficer: PortalClient;
  let admin: PortalClient;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startPlatformStack('e2e-assessment', 4310, { GOVFLOW_TIME_SCALE: String(SCALE) }),
      launchChromium(),
    ]);
    const users = ['registrant1', 'reg-officer1', 'sci-officer1', 'admin'];
    const clients = await Promise.all(users.map((user) => PortalClient.login(stack.gatewayUrl, user)));
    [registrant, regOfficer, sciOfficer, admin] = clients as [PortalClient, PortalClient, PortalClient, PortalClient];
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const taskOf = (officer: PortalClient, caseId: string, kind: string, timeoutMs = 30_000) =>
    eventually(
      `an open ${kind} task for ${caseId}`,
      async () => {
        const { body } = await officer.get<Task[]>('/api/tasks?status=open');
        return body.find((task) => task.caseId === caseId && task.kind === kind);
      },
      timeoutMs,
    );
  const decide = async (officer: PortalClient, task: Task, reason: string) => {
    expect((await officer.post(`/api/tasks/${task.taskId}/claim`)).status).toBe(200);
    expect((await officer.post(`/api/tasks/${task.taskId}/decision`, { outcome: 'approve', reason })).status).toBe(200);
  };

  async function recognisedMakerSpace(name: string): Promise<{ caseId: string; creditCode: string }> {
    const registered = await registrant.post<{ caseId: string }>('/api/registrations', establishmentApplication(name));
    expect(registered.status).toBe(202);
    await decide(regOfficer, await taskOf(regOfficer, registered.body.caseId, 'registration-review'), '材料齐全');
    const { creditCode } = await eventually(`the license of ${name}`, async () => {
      const { body } = await registrant.get<{ status: string; license?: { creditCode: string } }>(
        `/api/registrations/${registered.body.caseId}`,
      );
      return body.status === 'completed' ? body.license : undefined;
    });
    const caseId = await eventually('a recognition case the science commission accepts', async () => {
      const applied = await registrant.post<{ caseId: string }>('/api/maker-spaces', {
        creditCode,
        level: 'municipal',
        figures: strong,
      });
      const settled = await eventually(`recognition ${applied.body.caseId} to settle`, async () => {
        const { body } = await registrant.get<{ status: string }>(`/api/maker-spaces/${applied.body.caseId}`);
        return body.status === 'applied' ? undefined : body;
      });
      return settled.status === 'under-review' ? applied.body.caseId : undefined;
    });
    await decide(sciOfficer, await taskOf(sciOfficer, caseId, 'maker-space-review'), '符合市级备案条件');
    await eventually('TaxExemptionStarted', () => auditEvent(caseId, 'TaxExemptionStarted'));
    return { caseId, creditCode };
  }
  const auditEvent = async (caseId: string, type: string) => {
    const { body } = await admin.get<AuditEvent[]>(`/api/audit/cases/${caseId}/events`);
    return body.find((event) => event.type === type);
  };
  const yearDone = (year: number) =>
    eventually(
      `the ${year} assessment to complete`,
      async () => {
        const { body } = await admin.get<YearStatus>(`/api/assessments/${year}`);
        return body.status === 'completed' ? body : undefined;
      },
      90_000,
    );
  const reportOf = (caseId: string, year: number) =>
    registrant.post(`/api/maker-spaces/${caseId}/assessments/${year}/report`, { indicators: passing });
  const awaitingReport = (caseId: string, year: number) =>
    eventually(`the ${year} report task of ${caseId}`, async () => {
      const { body } = await admin.get<YearStatus>(`/api/assessments/${year}`);
      return body.makerSpaces.find((space) => space.caseId === caseId && space.status === 'awaiting-report');
    });

  const violations: string[] = [];
  const signIn = async (username: string): Promise<Page> => {
    const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
    await page.goto(`${stack.gatewayUrl}/sign-in`);
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill('demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/portal\//);
    return page;
  };
  const check = async (page: Page, name: string) => {
    await screenshot(page, `assessment-${name}`);
    violations.push(...(await seriousA11yViolations(page)));
  };

  it('passes a filed report, and revokes the space that failed two years running: tax ends its exemption next month', async () => {
    const { caseId: reporting } = await recognisedMakerSpace('考核合格');
    const { caseId: silent, creditCode: silentCode } = await recognisedMakerSpace('考核失败');

    expect((await admin.post('/api/assessments/1999/runs')).body).toMatchObject({
      errors: [{ field: 'year', message: 'must be 2018 or later' }],
    });
    expect((await registrant.post('/api/assessments/2024/runs')).status).toBe(403);
    // The administrator starts 2024 on the page (年度考核, linked from the admin pages) and sees its maker spaces.
    const adminPage = await signIn('admin');
    await adminPage.getByRole('link', { name: '年度考核' }).click();
    await adminPage.getByLabel('考核年度', { exact: true }).fill('2024');
    await check(adminPage, 'start');
    await adminPage.getByRole('button', { name: '发起年度考核' }).click();
    await adminPage.waitForURL(/\/portal\/admin\/assessments\?year=2024$/);
    await adminPage.locator(`tr[data-case="${reporting}"]`).waitFor();
    await adminPage.locator('[data-run-status]', { hasText: '进行中' }).waitFor();
    // Starting it again through the API finds the page's run.
    const started = await admin.post('/api/assessments/2024/runs');
    expect(started).toMatchObject({ status: 202, body: { year: 2024, workflowId: 'assessment-2024' } });
    expect(await admin.post('/api/assessments/2024/runs')).toMatchObject({ status: 202, body: started.body });

    await awaitingReport(reporting, 2024);
    const bad = await registrant.post(`/api/maker-spaces/${reporting}/assessments/2024/report`, {
      indicators: { ...passing, trainees: -1 },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('indicators.trainees');
    // The owner files the report on the page linked from the maker-space case: a bad figure is named on its field.
    const ownerPage = await signIn('registrant1');
    await ownerPage.goto(`${stack.gatewayUrl}/portal/maker-spaces/${reporting}`);
    await ownerPage.getByRole('link', { name: '填报年度绩效考核材料' }).click();
    await ownerPage.getByLabel('考核年度').fill('2024');
    const fill = async (trainees: string) => {
      await ownerPage.getByLabel('投入资金（元）').fill(passing.fundsInvested);
      await ownerPage.getByLabel('开展培训场次（场）').fill(String(passing.trainingSessions));
      await ownerPage.getByLabel('培训人数（人）').fill(trainees);
      await ownerPage.getByLabel('入驻创业团队数（个）').fill(String(passing.teamsAdmitted));
      await ownerPage.getByLabel('创业团队注册企业数（个）').fill(String(passing.teamsRegistered));
      await ownerPage.getByLabel('毕业团队注册企业数（家）').fill(String(passing.companiesRegisteredByGraduates));
    };
    await fill('-1');
    await ownerPage.getByRole('button', { name: '提交考核材料' }).click();
    await ownerPage.locator('#trainees-error').waitFor();
    await check(ownerPage, 'report-error');
    await fill(String(passing.trainees));
    await ownerPage.getByRole('button', { name: '提交考核材料' }).click();
    await ownerPage.locator('[data-report-filed]').waitFor();
    await check(ownerPage, 'report-filed');
    // The silent one misses its deadline: a fail, a warning and the guidance task for an officer.
    await decide(sciOfficer, await taskOf(sciOfficer, silent, 'assessment-guidance', 90_000), '已约谈并提出整改意见');
    const year2024 = await yearDone(2024);
    expect(year2024.makerSpaces).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ caseId: reporting, status: 'passed', outcome: 'passed' }),
        expect.objectContaining({ caseId: silent, status: 'failed', outcome: 'failed' }),
      ]),
    );

    expect((await admin.post('/api/assessments/2025/runs')).status).toBe(202);
    await awaitingReport(reporting, 2025);
    expect((await reportOf(reporting, 2025)).status).toBe(200);
    const year2025 = await yearDone(2025);
    expect(year2025.makerSpaces).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ caseId: reporting, status: 'passed' }),
        expect.objectContaining({ caseId: silent, status: 'revoked', outcome: 'failed' }),
      ]),
    );
    const revoked = await eventually('MakerSpaceRecognitionRevoked', () =>
      auditEvent(silent, 'MakerSpaceRecognitionRevoked'),
    );
    expect(revoked.service).toBe('science-commission');
    const ended = await eventually('TaxExemptionEnded', () => auditEvent(silent, 'TaxExemptionEnded'));
    expect(ended.service).toBe('tax');
    expect(await auditEvent(reporting, 'MakerSpaceRecognitionRevoked')).toBeUndefined();
    // The administrator's page shows the revoked space with its two failed years in a row.
    await adminPage.goto(`${stack.gatewayUrl}/portal/admin/assessments?year=2025`);
    const silentRow = adminPage.locator(`tr[data-case="${silent}"]`);
    expect(await silentRow.locator('[data-failed-in-a-row]').textContent()).toBe('2');
    expect(await silentRow.locator('[data-revoked]').textContent()).toBe('已撤销');
    expect(await adminPage.locator(`tr[data-case="${reporting}"] [data-outcome]`).textContent()).toBe('合格');
    await check(adminPage, 'results');
    expect(violations).toEqual([]);

    // The owner reads the tax record: the exemption's first day (as the recognition said) and its first day without,
    // the first day of a later month (R4.4).
    const recognition = await registrant.get<{ recognition?: { exemptionStartsOn: string } }>(
      `/api/maker-spaces/${silent}`,
    );
    const taxRecord = await eventually('the tax record to show the exemption ended', async () => {
      const { body } = await registrant.get<{ exemptions: { caseId: string; endsOn: string | null }[] }>(
        `/api/tax/records/${silentCode}`,
      );
      return body.exemptions?.find((exemption) => exemption.caseId === silent && exemption.endsOn) && body;
    });
    const startsOn = recognition.body.recognition?.exemptionStartsOn;
    expect(taxRecord).toMatchObject({
      creditCode: silentCode,
      status: 'open',
      exemptions: [
        {
          caseId: silent,
          kind: 'maker-space',
          startsOn,
          endsOn: expect.stringMatching(/^\d{4}-\d{2}-01$/),
          endedBecause: 'recognition-revoked',
        },
      ],
    });
    expect(taxRecord.exemptions[0]!.endsOn! > startsOn!).toBe(true);
    expect((await sciOfficer.get(`/api/tax/records/${silentCode}`)).status).toBe(403);
  }, 400_000);
});
