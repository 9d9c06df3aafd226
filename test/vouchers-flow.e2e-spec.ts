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
interface Voucher {
  voucherId: string;
  status: string;
  amount: string;
  activityDue?: { legalDueAt: string };
  contract?: { validUntil: { legalDueAt: string } };
  payment?: { amount: string; paidBy: { id: string; role: string } };
  ended?: { because: string; returned: string };
}
type Refusal = { errors: { field: string | null; message: string; code?: string }[] };

const SCALE = 86_400; // a day a second: the 15 days to register the activity last 15 seconds
const PROGRAMME = 'TZ-INNOVATION-VOUCHER';

// Innovation vouchers (R4.2/R4.3) through the running system: gateway, registration, tax, science commission,
// orchestrator; ports 4300..4305.
describe('innovation vouchers, end to end (GOVFLOW_TIME_SCALE=86400)', () => {
  let stack: PlatformStack;
  let firm: PortalClient;
  let provider: PortalClient;
  let regOfficer: PortalClient;
  let sciOfficer: PortalClient;
  let finOfficer: PortalClient;
  let browser: Browser;
  let creditCode: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startPlatformStack('e2e-vouchers', 4300, { GOVFLOW_TIME_SCALE: String(SCALE) }),
      launchChromium(),
    ]);
    const users = ['registrant1', 'provider1', 'reg-officer1', 'sci-officer1', 'fin-officer1'];
    const clients = await Promise.all(users.map((user) => PortalClient.login(stack.gatewayUrl, user)));
    [firm, provider, regOfficer, sciOfficer, finOfficer] = clients as [
      PortalClient,
      PortalClient,
      PortalClient,
      PortalClient,
      PortalClient,
    ];
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
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
  const reaching = (voucherId: string, status: string, timeoutMs = 30_000) =>
    eventually(
      `voucher ${voucherId} ${status}`,
      async () => {
        const { body } = await firm.get<Voucher>(`/api/vouchers/${voucherId}`);
        return body.status === status ? body : undefined;
      },
      timeoutMs,
    );

  async function licensedEnterprise(name: string): Promise<string> {
    const registered = await firm.post<{ caseId: string }>('/api/registrations', establishmentApplication(name));
    expect(registered.status).toBe(202);
    await approve(regOfficer, await taskOf(regOfficer, registered.body.caseId, 'registration-review'), '材料齐全');
    const license = await eventually(`the license of ${name}`, async () => {
      const { body } = await firm.get<{ status: string; license?: { creditCode: string } }>(
        `/api/registrations/${registered.body.caseId}`,
      );
      return body.status === 'completed' ? body.license : undefined;
    });
    return license.creditCode;
  }

  /** The science commission learns of the license by event: until it has, the claim is refused naming creditCode. */
  const claimed = (creditCode: string, amount: string) =>
    eventually('a voucher the science commission holds', async () => {
      const answer = await firm.post<{ voucherId: string } & Refusal>('/api/vouchers', {
        programmeCode: PROGRAMME,
        creditCode,
        amount,
      });
      if (answer.status === 202) return answer.body.voucherId;
      expect(answer.body.errors[0]).toMatchObject({ field: 'creditCode', code: 'NotALiveEnterprise' });
      return undefined;
    });

  it('lapses a voucher without an activity after 15 days, then walks the next one to paid and published', async () => {
    creditCode = await licensedEnterprise('创新券');
    const refused = await firm.post<Refusal>('/api/vouchers', { programmeCode: PROGRAMME, creditCode, amount: '1e5' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]?.field).toBe('amount');
    const overCap = await firm.post<Refusal>('/api/vouchers', {
      programmeCode: PROGRAMME,
      creditCode,
      amount: '200000.01',
    });
    expect(overCap.body.errors[0]?.field).toBe('amount');

    // Lapse: 15 days (seconds) without an activity; the amount returns to the budget and the firm may claim again.
    const lapsing = await claimed(creditCode, '50000.00');
    const lapsed = await reaching(lapsing, 'lapsed', 40_000);
    expect(lapsed.ended).toEqual({ because: 'lapsed', returned: '50000.00', at: expect.any(String) as string });
    const late = await firm.post(`/api/vouchers/${lapsing}/activity`, { providerId: 'provider1', description: '检测' });
    expect(late.status).toBe(409);

    // The walk, with an Idempotency-Key: a repeat answers the same voucher.
    const key = `voucher-${creditCode}`;
    const claim = { programmeCode: PROGRAMME, creditCode, amount: '80000.00' };
    const first = await firm.post<{ voucherId: string }>('/api/vouchers', claim, { 'Idempotency-Key': key });
    expect(first.status).toBe(202);
    const again = await firm.post<{ voucherId: string }>('/api/vouchers', claim, { 'Idempotency-Key': key });
    expect(again.body.voucherId).toBe(first.body.voucherId);
    const { voucherId } = first.body;

    const notProvider = await firm.post<Refusal>(`/api/vouchers/${voucherId}/activity`, {
      providerId: 'sci-officer1',
      description: '新材料性能检测',
    });
    expect(notProvider.status).toBe(422);
    expect(notProvider.body.errors[0]?.field).toBe('providerId');
    const activity = { providerId: 'provider1', description: '新材料性能检测' };
    expect((await firm.post(`/api/vouchers/${voucherId}/activity`, activity)).status).toBe(200);
    expect((await firm.post(`/api/vouchers/${voucherId}/contract`)).status).toBe(403);
    const contracted = await provider.post<Voucher>(`/api/vouchers/${voucherId}/contract`, {
      note: '已签订技术服务合同',
    });
    expect(contracted.status).toBe(200);
    expect(contracted.body.contract?.validUntil.legalDueAt).toBeDefined();
    const delivered = await provider.post(`/api/vouchers/${voucherId}/delivery`, {
      summary: '检测完成，出具检测报告',
      amount: '60000.00',
    });
    expect(delivered.status).toBe(200);
    expect((await provider.post(`/api/vouchers/${voucherId}/redemption`)).status).toBe(200);

    await approve(sciOfficer, await taskOf(sciOfficer, voucherId, 'voucher-redemption-review'), '合同与检测报告相符');
    await approve(finOfficer, await taskOf(finOfficer, voucherId, 'voucher-payment'), '已拨付服务机构');
    const paid = await reaching(voucherId, 'paid');
    expect(paid.payment).toMatchObject({ amount: '60000.00', paidBy: { role: 'finance-officer' } });
    const published = await eventually('the voucher on the public list', async () => {
      const { body } = await PortalClient.anonymous(stack.gatewayUrl).get<{ voucherId: string; amount: string }[]>(
        '/api/vouchers/published',
      );
      return body.find((v) => v.voucherId === voucherId);
    });
    expect(published.amount).toBe('60000.00');
  }, 240_000);

  it('walks a voucher in Chromium: the firm claims and registers, the provider confirms, delivers and asks, officers decide', async () => {
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
      await screenshot(page, `vouchers-${name}`);
      violations.push(...(await seriousA11yViolations(page)));
    };
    const decideFromInbox = async (officer: Page, voucherId: string, kindLabel: string, outcome: string) => {
      const row = officer.locator(`tr[data-task-id^="${voucherId}"] a`, { hasText: kindLabel });
      await eventually(`${kindLabel} in the inbox`, async () => {
        await officer.goto(`${stack.gatewayUrl}/portal/tasks`);
        return (await row.count()) > 0 ? true : undefined;
      });
      await row.first().click();
      await officer.getByRole('button', { name: '认领任务' }).click();
      await officer.getByLabel(outcome, { exact: true }).check();
      await officer.getByLabel('审核意见').fill('材料相符');
      await check(officer, kindLabel);
      await officer.getByRole('button', { name: '提交审核结论' }).click();
      await officer.locator('main', { hasText: `已决定：${outcome}` }).waitFor();
    };

    const firmPage = await signIn('registrant1');
    await firmPage.goto(`${stack.gatewayUrl}/portal/vouchers`);
    await firmPage.getByLabel('申领金额（元）').fill('30000');
    await check(firmPage, 'claim');
    await firmPage.getByRole('button', { name: '申领创新券' }).click();
    await firmPage.waitForURL(/\/portal\/vouchers\/[0-9a-f-]{36}$/);
    const voucherId = firmPage.url().split('/').at(-1)!;
    await firmPage.getByLabel('服务机构账号').fill('provider1');
    await firmPage.getByLabel('研发服务内容').fill('电磁兼容测试');
    await firmPage.getByRole('button', { name: '登记服务活动' }).click();
    await firmPage.locator('[data-status]', { hasText: '待服务机构确认合同' }).waitFor();

    const providerPage = await signIn('provider1');
    await providerPage.goto(`${stack.gatewayUrl}/portal/vouchers`);
    await providerPage.locator(`a[href="/portal/vouchers/${voucherId}"]`).click();
    await providerPage.getByRole('button', { name: '确认合同' }).click();
    await providerPage.getByLabel('服务完成情况').fill('测试完成，出具报告');
    await check(providerPage, 'delivery');
    await providerPage.getByRole('button', { name: '登记服务完成' }).click();
    await providerPage.getByRole('button', { name: '申请兑付' }).click();
    await providerPage.locator('[data-status]', { hasText: '科委审核中' }).waitFor();

    await decideFromInbox(await signIn('sci-officer1'), voucherId, '创新券兑付审核', '审核通过');
    await decideFromInbox(await signIn('fin-officer1'), voucherId, '创新券兑付拨付', '拨付');
    await firmPage.goto(`${stack.gatewayUrl}/portal/vouchers/${voucherId}`);
    await firmPage.locator('[data-paid]').waitFor();
    await check(firmPage, 'paid');
    expect(violations).toEqual([]);
  }, 240_000);
});
