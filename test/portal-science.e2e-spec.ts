import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, seriousA11yViolations } from './support/browser';
import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { eventually, PortalClient } from './support/portal-client';
import { establishmentApplication } from './support/registration-fixtures';

jest.setTimeout(300_000);

// Six hours a second: the 5-working-day 公示 lasts 20 to 36 seconds, long enough to click an objection on a loaded
// machine (at a day a second it lasted 5 to 9 seconds, and a slow page missed it).
const SCALE = 21_600;
const strong: Record<string, string> = {
  运营时间: '24',
  场地面积: '800',
  工位数: '60',
  入驻创业团队和初创企业: '25',
  专兼职创业导师: '8',
  每年举办创新创业活动: '20',
};

// 众创空间认定 and its one-off grant as their users click them, in headless Chromium against the real stack on the
// accelerated clock: every page visited is checked with axe-core and photographed under .local/screenshots/.
describe('the portal in Chromium: maker-space recognition to the published grant (GOVFLOW_TIME_SCALE=21600)', () => {
  let stack: PlatformStack;
  let browser: Browser;
  const violations: string[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startPlatformStack('e2e-portal-science', 4280, { GOVFLOW_TIME_SCALE: String(SCALE) }),
      launchChromium(),
    ]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const check = async (page: Page, name: string) => {
    await screenshot(page, `science-${name}`);
    violations.push(...(await seriousA11yViolations(page)));
  };

  const newPage = async () => (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  const signIn = async (username: string): Promise<Page> => {
    const page = await newPage();
    await page.goto(`${stack.gatewayUrl}/sign-in`);
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill('demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/portal\//);
    return page;
  };
  /** Reloads until the selector shows: the public pages do not poll. */
  const reloadUntil = async (page: Page, url: string, selector: string, timeoutMs = 30_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      await page.goto(url);
      if ((await page.locator(selector).count()) > 0) return;
      if (Date.now() > until) throw new Error(`${selector} not on ${url} within ${timeoutMs} ms`);
      await page.waitForTimeout(1_000);
    }
  };
  /** The officer opens the task of the case from the inbox, claims it and decides. */
  const decideFromInbox = async (
    officer: Page,
    caseId: string,
    kindLabel: string,
    outcome: string,
    reason: string,
    shot: string,
  ) => {
    const row = officer.locator(`tr[data-task-id^="${caseId}"] a`, { hasText: kindLabel });
    const until = Date.now() + 30_000;
    for (;;) {
      await officer.goto(`${stack.gatewayUrl}/portal/tasks`);
      if ((await row.count()) > 0) break;
      if (Date.now() > until) throw new Error(`no ${kindLabel} task for ${caseId} in the inbox`);
      await officer.waitForTimeout(1_000);
    }
    await row.first().click();
    await officer.getByRole('button', { name: '认领任务' }).click();
    await officer.getByLabel(outcome, { exact: true }).check();
    await officer.getByLabel('审核意见').fill(reason);
    await check(officer, shot);
    await officer.getByRole('button', { name: '提交审核结论' }).click();
    await expectText(officer, 'main', `已决定：${outcome}`);
  };

  let creditCode: string;
  let enterpriseName: string;
  let recognitionCaseId: string;
  let grantCaseId: string;
  let registrant: Page;
  let sciOfficer: Page;

  it('has a licensed enterprise to start from (established through the API)', async () => {
    const owner = await PortalClient.login(stack.gatewayUrl, 'registrant1');
    const approver = await PortalClient.login(stack.gatewayUrl, 'reg-officer1');
    const registered = await owner.post<{ caseId: string }>('/api/registrations', establishmentApplication('众创'));
    expect(registered.status).toBe(202);
    const task = await eventually('the registration review', async () => {
      const { body } = await approver.get<{ taskId: string; caseId: string }[]>('/api/tasks?status=open');
      return body.find((t) => t.caseId === registered.body.caseId);
    });
    expect((await approver.post(`/api/tasks/${task.taskId}/claim`)).status).toBe(200);
    expect((await approver.post(`/api/tasks/${task.taskId}/decision`, { outcome: 'approve' })).status).toBe(200);
    const license = await eventually('the license', async () => {
      const { body } = await owner.get<{ status: string; license?: { creditCode: string; enterpriseName: string } }>(
        `/api/registrations/${registered.body.caseId}`,
      );
      return body.status === 'completed' ? body.license : undefined;
    });
    ({ creditCode, enterpriseName } = license);
  });

  it('lets the owner apply for recognition: each figure’s error on its field, then the case under review', async () => {
    registrant = await signIn('registrant1');
    await registrant.getByRole('link', { name: '我的办件' }).click();
    await registrant.getByRole('link', { name: '科技创新服务' }).first().click();
    await check(registrant, '01-science-hub');
    await registrant.getByRole('link', { name: '申请众创空间认定' }).click();
    await registrant.getByRole('button', { name: '提交认定申请' }).click();
    const summary = registrant.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('请选择认定级别');
    expect(await summary.locator('a[href="#floorAreaM2"]').textContent()).toContain('请填写场地面积');
    expect(await registrant.getByLabel('场地面积（平方米）').getAttribute('aria-invalid')).toBe('true');
    await check(registrant, '02-recognition-errors');

    // The science commission learns of the license by event: until it has, the case is refused as unknown.
    const until = Date.now() + 60_000;
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) await registrant.goto(`${stack.gatewayUrl}/portal/maker-spaces/apply`);
      await registrant.getByLabel('运营主体').selectOption(creditCode);
      await registrant.getByLabel('国家级众创空间').check();
      for (const [label, value] of Object.entries(strong)) {
        await registrant.getByLabel(new RegExp(`^${label}（`)).fill(value);
      }
      await registrant.getByRole('button', { name: '提交认定申请' }).click();
      await registrant.waitForURL(/\/portal\/maker-spaces\/[0-9a-f-]{36}$/);
      const status = registrant.locator('[data-status]');
      await registrant.locator('[data-status]', { hasText: /认定审核中|不予受理/ }).waitFor({ timeout: 15_000 });
      if ((await status.textContent()) === '认定审核中') break;
      if (Date.now() > until) throw new Error(`recognition still ${await status.textContent()}`);
      await registrant.waitForTimeout(1_000);
    }
    recognitionCaseId = registrant.url().split('/').pop()!;
    expect(await registrant.locator('[data-criteria-met]').count()).toBe(1);
    expect(await registrant.locator('[data-review-due]').textContent()).toMatch(/北京时间/);
    await check(registrant, '03-recognition-under-review');
  });

  it('lets the science officer recognise it from the inbox, and the one-off grant follows', async () => {
    sciOfficer = await signIn('sci-officer1');
    await decideFromInbox(
      sciOfficer,
      recognitionCaseId,
      '众创空间认定审核',
      '认定',
      '符合国家级认定条件',
      '04-recognition-review',
    );
    await registrant.locator('[data-recognised]').waitFor({ timeout: 30_000 });
    await check(registrant, '05-recognised');
    await registrant.locator('[data-grant-link]').click();
    await registrant.waitForURL(/\/portal\/grants\/[0-9a-f-]{36}$/);
    grantCaseId = registrant.url().split('/').pop()!;
    expect(await registrant.locator('[data-amount]').textContent()).toBe('500,000.00 元');
    await check(registrant, '06-grant-case');
  });

  it('reviews the grant and puts it on 公示: shown without sign-in, a signed-in objection handled from the inbox', async () => {
    const citizen = await signIn('registrant2'); // signed in first: the 公示 lasts only 20 to 36 seconds here
    await decideFromInbox(
      sciOfficer,
      grantCaseId,
      '资金支持申请审核',
      '审核通过',
      '认定后一次性资金支持',
      '07-grant-review',
    );

    // Anonymous first: the page is loaded while the 公示 runs, checked with axe once the objection is in.
    const anonymous = await newPage();
    await reloadUntil(anonymous, `${stack.gatewayUrl}/public-notices`, `tr[data-notice="${grantCaseId}"]`);
    const row = anonymous.locator(`tr[data-notice="${grantCaseId}"]`);
    expect(await row.textContent()).toContain(enterpriseName);
    expect(await row.locator('[data-amount]').textContent()).toBe('500,000.00 元');
    expect(await row.getByRole('link', { name: /提出异议/ }).count()).toBe(0);
    expect(await anonymous.locator('[data-sign-in-to-object]').count()).toBe(1);

    // A signed-in citizen objects with the form: an empty reason is refused on its field, then it is lodged.
    await citizen.goto(`${stack.gatewayUrl}/public-notices`);
    await citizen
      .locator(`tr[data-notice="${grantCaseId}"]`)
      .getByRole('link', { name: /提出异议/ })
      .click();
    expect(await citizen.locator('main').textContent()).toContain('以您账户的实名提出');
    await citizen.getByLabel('证据材料').fill('入驻团队名单与实际不符的现场照片');
    await citizen.getByRole('button', { name: '提交异议' }).click();
    await citizen.locator('.error-summary a[href="#reason"]').waitFor();
    await citizen.getByLabel('异议理由').fill('入驻团队数量不实');
    await citizen.getByRole('button', { name: '提交异议' }).click();
    await expectText(citizen, '[data-objected]', '异议已提交');
    await check(citizen, '08-objection-lodged');

    await check(anonymous, '09-public-notice-anonymous');

    // The objection is dismissed from the inbox with its reason; payment waits until then.
    await decideFromInbox(
      sciOfficer,
      grantCaseId,
      '公示异议处理',
      '异议不成立（驳回异议）',
      '经核查入驻团队25个，属实',
      '10-objection-review',
    );
    await registrant.locator('[data-status]', { hasText: '待拨付' }).waitFor({ timeout: 60_000 });
    expect(await registrant.locator('[data-objections]').textContent()).toContain('异议不成立');

    // After the notice has closed, the form says so plainly (the API's 409).
    await citizen.goto(`${stack.gatewayUrl}/public-notices/${grantCaseId}/objection`);
    await expectText(citizen, '.error-summary', '公示期已届满，异议通道已关闭');
    await check(citizen, '11-objection-closed');
  });

  it('lets a finance officer pay from the inbox; the published results page shows it', async () => {
    const finance = await signIn('fin-officer1');
    await decideFromInbox(finance, grantCaseId, '资金拨付', '拨付', '已拨付', '12-payment');
    await registrant.locator('[data-payment]').waitFor({ timeout: 30_000 });
    expect(await registrant.locator('[data-status]').textContent()).toBe('已拨付');
    await check(registrant, '13-grant-paid');

    const anonymous = await newPage();
    await reloadUntil(anonymous, `${stack.gatewayUrl}/grants/published`, `tr[data-grant="${grantCaseId}"]`);
    expect(await anonymous.locator(`tr[data-grant="${grantCaseId}"] [data-amount]`).textContent()).toBe(
      '500,000.00 元',
    );
    await check(anonymous, '14-published');

    // 科技创新服务 lists both cases; a grant application's amount is checked on its field.
    await registrant.getByRole('link', { name: '科技创新服务' }).click();
    expect(await registrant.locator('[data-recognitions]').textContent()).toContain('已认定');
    expect(await registrant.locator('[data-grants]').textContent()).toContain('已拨付');
    await registrant.getByRole('link', { name: '申请资金支持' }).click();
    await registrant.getByLabel('申请金额（元）').fill('200000.005');
    await registrant.getByRole('button', { name: '提交资金支持申请' }).click();
    await registrant.locator('.error-summary a[href="#requestedAmount"]').waitFor();
    expect(await registrant.getByLabel('申请金额（元）').getAttribute('aria-invalid')).toBe('true');
    await check(registrant, '15-grant-apply-amount-error');
  });

  it('lets the science officer open a clawback from the grant page, a rate out of range shown on its field', async () => {
    await sciOfficer.goto(`${stack.gatewayUrl}/portal/grants/${grantCaseId}`);
    await sciOfficer.getByLabel(/截留、挪用资金/).check();
    await sciOfficer.getByLabel('罚款比例（%）').fill('35');
    await sciOfficer.getByLabel('收回理由').fill('挪用资金');
    await sciOfficer.getByRole('button', { name: '发起收回' }).click();
    await sciOfficer.locator('.error-summary a[href="#rate"]').waitFor();
    expect(await sciOfficer.getByLabel('罚款比例（%）').getAttribute('aria-invalid')).toBe('true');
    await check(sciOfficer, '16-clawback-rate-error');
    await sciOfficer.getByLabel(/提供虚假材料/).check();
    await sciOfficer.getByLabel('罚款比例（%）').fill('20');
    await sciOfficer.getByRole('button', { name: '发起收回' }).click();
    await sciOfficer.waitForURL(/clawback=opened/);
    expect(await sciOfficer.locator('[data-clawbacks]').textContent()).toContain('600,000.00 元');
    await check(sciOfficer, '17-clawback-opened');

    // The enterprise's science record (科技计划项目信用记录), reached from the enterprise page, shows it too.
    await registrant.goto(`${stack.gatewayUrl}/portal/enterprises/${creditCode}`);
    await registrant.getByRole('link', { name: '查看科技计划项目信用记录' }).click();
    await reloadUntil(registrant, registrant.url(), '[data-record-clawbacks] tr[data-clawback]');
    expect(await registrant.locator('[data-record-clawbacks] [data-amount-due]').textContent()).toBe('600,000.00 元');
    expect(await registrant.locator('[data-record-grants] [data-status]').getAttribute('data-status')).toBe('paid');
    await check(registrant, '18-science-record');
  });

  it('has no serious or critical axe violation on any page visited', () => {
    expect(violations).toEqual([]);
  });
});

async function expectText(page: Page, selector: string, text: string, timeout = 10_000): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout });
}
