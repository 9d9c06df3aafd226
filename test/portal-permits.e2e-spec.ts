import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, seriousA11yViolations } from './support/browser';
import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { eventually, PortalClient } from './support/portal-client';
import { establishmentApplication } from './support/registration-fixtures';

jest.setTimeout(240_000);

// 先照后证 in headless Chromium against the real stack: the registrant applies from the enterprise's page, the two
// authorities' officers decide from their own inboxes at the same time, and the page shows both permits granted. Then a
// third authority's case on the permit case page: 补正材料 after the one notice, the grant, and a renewal (延续) that
// the authority's officer approves from the inbox.
describe('the portal in Chromium: permits at two authorities', () => {
  let stack: PlatformStack;
  let browser: Browser;
  let creditCode: string;
  const violations: string[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startPlatformStack('e2e-portal-permits', 4270), launchChromium()]);
    creditCode = await licensedEnterprise();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function licensedEnterprise(): Promise<string> {
    const [registrant, officer] = await Promise.all(
      ['registrant1', 'reg-officer1'].map((user) => PortalClient.login(stack.gatewayUrl, user)),
    );
    const scope = ['技术开发', '餐饮服务', '道路普通货物运输', '网络文化经营'];
    const { body } = await registrant!.post<{ caseId: string }>(
      '/api/registrations',
      establishmentApplication(`证照${process.pid % 1000}`, scope),
    );
    const task = await eventually('the registration review', async () => {
      const tasks = (await officer!.get<{ taskId: string; caseId: string }[]>('/api/tasks')).body;
      return tasks.find((t) => t.caseId === body.caseId);
    });
    await officer!.post(`/api/tasks/${task.taskId}/claim`);
    await officer!.post(`/api/tasks/${task.taskId}/decision`, { outcome: 'approve', reason: '材料齐全' });
    const license = await eventually('the license', async () => {
      const view = (
        await registrant!.get<{ status: string; license?: { creditCode: string } }>(`/api/registrations/${body.caseId}`)
      ).body;
      return view.status === 'completed' ? view.license : undefined;
    });
    await eventually('the enterprise in the directory', async () => {
      const { status } = await registrant!.get(`/api/enterprises/${license.creditCode}`);
      return status === 200 ? true : undefined;
    });
    return license.creditCode;
  }

  const check = async (page: Page, name: string) => {
    await screenshot(page, name);
    violations.push(...(await seriousA11yViolations(page)));
  };
  const signIn = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${stack.gatewayUrl}/sign-in`);
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill('demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/portal\//);
    return page;
  };
  const expectText = (page: Page, selector: string, text: string, timeout = 10_000) =>
    page.locator(selector, { hasText: text }).first().waitFor({ timeout });

  /** The officer opens the case's task of `kind` from the inbox and approves it. */
  async function approveFromInbox(officer: Page, kindZh: string) {
    await officer.goto(`${stack.gatewayUrl}/portal/tasks`);
    const row = officer.locator('tr', { hasText: kindZh }).locator('a').first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await officer.getByRole('button', { name: '认领任务' }).click();
    await officer.getByLabel('核准').check();
    await officer.getByRole('button', { name: '提交审核结论' }).click();
    await expectText(officer, 'main', '已决定：核准');
  }

  /** The officer opens the case's task of `kind` from the inbox and asks for the missing materials (要求补正). */
  async function requestMaterialsFromInbox(officer: Page, missing: string) {
    await officer.goto(`${stack.gatewayUrl}/portal/tasks`);
    const row = officer.locator('tr', { hasText: '许可申请材料审查' }).locator('a').first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await officer.getByRole('button', { name: '认领任务' }).click();
    await officer.getByLabel('要求补正').check();
    await officer.getByLabel('审核意见').fill(missing);
    await officer.getByRole('button', { name: '提交审核结论' }).click();
    await expectText(officer, 'main', '已决定：要求补正');
  }

  it('applies from the enterprise page: the route, the 告知承诺 conditions and commitment, the materials', async () => {
    const registrant = await signIn('registrant1');
    await registrant.goto(`${stack.gatewayUrl}/portal/enterprises/${creditCode}`);
    await expectText(registrant, '[data-permit-notice]', '不得从事该项经营活动');
    await check(registrant, 'permits-01-enterprise');

    await registrant.getByRole('link', { name: '申请道路运输经营许可（普通货运）' }).click();
    await expectText(registrant, '[data-conditions]', '申请人承诺');
    await registrant.getByRole('radio', { name: '告知承诺' }).check();
    await registrant.getByRole('button', { name: '提交申请' }).click();
    await expectText(registrant, '.error-summary', '请阅读告知承诺书并勾选承诺');
    await check(registrant, 'permits-02-commitment-missing');
    await registrant.getByRole('radio', { name: '一般程序' }).check();
    await registrant.getByLabel('申请书').fill('道路运输经营申请表.pdf');
    await registrant.getByRole('button', { name: '提交申请' }).click();
    await registrant.waitForURL(/\/portal\/enterprises\/.*\?applied=road-freight-permit/);

    await registrant.getByRole('link', { name: '申请食品经营许可' }).click();
    await registrant.getByRole('radio', { name: '一般程序' }).check();
    await registrant.getByLabel('申请书').fill('食品经营许可申请书.pdf');
    await registrant.getByRole('button', { name: '提交申请' }).click();
    await registrant.waitForURL(/\?applied=food-business-permit/);
    await registrant.reload();
    expect(await registrant.locator('[data-permit]').count()).toBe(2);
    await check(registrant, 'permits-03-applied');
    await registrant.context().close();
  });

  it('has each authority decide its own case from its inbox, at the same time, and shows both granted', async () => {
    const [food, transport] = await Promise.all([signIn('food-officer1'), signIn('transport-officer1')]);
    await Promise.all([
      (async () => {
        await approveFromInbox(food, '许可申请材料审查');
        await approveFromInbox(food, '许可审查决定');
      })(),
      (async () => {
        await approveFromInbox(transport, '许可申请材料审查');
        await approveFromInbox(transport, '许可审查决定');
      })(),
    ]);
    await check(food, 'permits-04-food-officer-decided');

    const registrant = await signIn('registrant1');
    await eventually('both permits granted on the page', async () => {
      await registrant.goto(`${stack.gatewayUrl}/portal/enterprises/${creditCode}`);
      const granted = await registrant.locator('[data-permit][data-status="granted"]').count();
      return granted === 2 ? true : undefined;
    });
    await expectText(registrant, '[data-permit="food-business-permit"]', '市场监督管理局');
    await expectText(registrant, '[data-permit="road-freight-permit"]', '有效期至');
    await check(registrant, 'permits-05-both-granted');
    expect(violations).toEqual([]);
  });

  it('has the registrant supply the requested materials on the case page, then renew the permit once granted', async () => {
    const registrant = await signIn('registrant1');
    await registrant.goto(`${stack.gatewayUrl}/portal/enterprises/${creditCode}`);
    await registrant.getByRole('link', { name: '申请网络文化经营许可' }).click();
    await registrant.getByLabel('申请书').fill('网络文化经营许可申请表.pdf');
    await registrant.getByRole('button', { name: '提交申请' }).click();
    await registrant.waitForURL(/\?applied=network-culture-permit/);

    const culture = await signIn('culture-officer1');
    await requestMaterialsFromInbox(culture, '缺内容管理制度');
    await eventually('the notice on the case page', async () => {
      await registrant.goto(`${stack.gatewayUrl}/portal/enterprises/${creditCode}`);
      await registrant.getByRole('link', { name: '查看网络文化经营许可办件' }).click();
      await registrant.waitForURL(/\/portal\/permits\//);
      return (await registrant.locator('[data-missing]').count()) > 0 ? true : undefined;
    });
    await expectText(registrant, '[data-missing]', '缺内容管理制度');
    await expectText(registrant, '[data-permit-status]', '待补正材料');
    await registrant.getByRole('button', { name: '提交补正材料' }).click();
    await expectText(registrant, '.field.has-error', '请至少填写一项补正材料');
    await check(registrant, 'permits-06-materials-missing');
    await registrant.getByLabel('内容管理制度').fill('网络文化内容自审管理制度.pdf');
    await registrant.getByRole('button', { name: '提交补正材料' }).click();
    await registrant.waitForURL(/\?done=materials/);
    await expectText(registrant, '[data-done]', '补正材料已提交');
    await check(registrant, 'permits-07-materials-supplied');

    await approveFromInbox(culture, '许可审查决定');
    const caseUrl = registrant.url().replace(/\?.*$/, '');
    await eventually('the grant on the case page', async () => {
      await registrant.goto(caseUrl);
      return (await registrant.locator('[data-permit-status="granted"]').count()) > 0 ? true : undefined;
    });
    await expectText(registrant, '[data-decision="approve"]', '准予许可');
    await expectText(registrant, '[data-renewals]', '0');
    const lastDay = (await registrant.locator('[data-valid-until]').textContent())?.trim() ?? '';
    expect(lastDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // A second tab still shows the renewal form once the first has applied: its renewal is refused with the reason.
    const stale = await registrant.context().newPage();
    await stale.goto(caseUrl);
    await registrant.getByRole('button', { name: '申请延续' }).click();
    await registrant.waitForURL(/\?done=renewal/);
    await expectText(registrant, '[data-renewal-state="reviewing"]', '延续申请已提交');
    await stale.getByRole('button', { name: '申请延续' }).click();
    await expectText(stale, '[data-refusal]', '只有有效期内的许可可以申请延续');
    await check(stale, 'permits-08-renewal-twice');
    await stale.close();

    await approveFromInbox(culture, '许可延续审查');
    await eventually('the renewed validity on the case page', async () => {
      await registrant.goto(caseUrl);
      const renewals = (await registrant.locator('[data-renewals]').textContent())?.trim();
      return renewals === '1' ? true : undefined;
    });
    await expectText(registrant, '[data-validity]', '本次有效期起算');
    const renewedLastDay = (await registrant.locator('[data-valid-until]').textContent())?.trim() ?? '';
    expect(renewedLastDay >= lastDay).toBe(true);
    await expectText(registrant, '[data-step="renewal"]', '已完成');
    await check(registrant, 'permits-09-renewed');
    expect(violations).toEqual([]);
  });
});
