import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, seriousA11yViolations } from './support/browser';
import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { eventually, PortalClient } from './support/portal-client';
import { establishmentApplication, residents } from './support/registration-fixtures';

jest.setTimeout(240_000);

const SCALE = 86_400; // a day a second: the 20-day announcement lasts about 20 seconds

interface AuditedEvent {
  eventId: string;
  type: string;
  service: string;
  occurredAt: string;
  causationId: string | null;
}

// 简易注销 as its users click it, in headless Chromium against the real stack on the accelerated clock: every page
// visited is checked with axe-core and photographed under .local/screenshots/.
describe('the portal in Chromium: 简易注销 by clicking only (GOVFLOW_TIME_SCALE=86400)', () => {
  let stack: PlatformStack;
  let browser: Browser;
  const violations: string[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startPlatformStack('e2e-portal-dereg', 4290, { GOVFLOW_TIME_SCALE: String(SCALE) }),
      launchChromium(),
    ]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const check = async (page: Page, name: string) => {
    await screenshot(page, `dereg-${name}`);
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

  let creditCode: string;
  let caseId: string;
  let registrant: Page;
  let officer: Page;
  let creditor: Page;
  let appliedAt: number;
  let owner: PortalClient;
  // A second enterprise, applied for through the API: a creditor objects to it with the form, so it can only be refused.
  let objectedCode: string;
  let objectedCaseId: string;

  it('has two licensed enterprises to start from (established through the API, as the registration test clicks it)', async () => {
    owner = await PortalClient.login(stack.gatewayUrl, 'registrant1');
    const approver = await PortalClient.login(stack.gatewayUrl, 'reg-officer1');
    const licensed = async (name: string) => {
      const registered = await owner.post<{ caseId: string }>('/api/registrations', establishmentApplication(name));
      expect(registered.status).toBe(202);
      const task = await eventually(`the registration review of ${name}`, async () => {
        const { body } = await approver.get<{ taskId: string; caseId: string }[]>('/api/tasks?status=open');
        return body.find((t) => t.caseId === registered.body.caseId);
      });
      expect((await approver.post(`/api/tasks/${task.taskId}/claim`)).status).toBe(200);
      expect((await approver.post(`/api/tasks/${task.taskId}/decision`, { outcome: 'approve' })).status).toBe(200);
      const license = await eventually(`the license of ${name}`, async () => {
        const { body } = await owner.get<{ status: string; license?: { creditCode: string } }>(
          `/api/registrations/${registered.body.caseId}`,
        );
        return body.status === 'completed' ? body.license : undefined;
      });
      return license.creditCode;
    };
    [creditCode, objectedCode] = await Promise.all([licensed('星河'), licensed('云帆')]);
  });

  it("lets the officer record a supervision decision on the enterprise page, each field's error shown on it", async () => {
    officer = await signIn('reg-officer1');
    await officer.getByRole('link', { name: '企业查询' }).click();
    await officer.getByLabel('统一社会信用代码').fill(creditCode.toLowerCase());
    await officer.getByRole('button', { name: '查询' }).click();
    await officer.waitForURL(new RegExp(`/portal/enterprises/${creditCode}$`));
    expect(await officer.locator('[data-register-status]').textContent()).toBe('存续');
    await officer.getByRole('button', { name: '记录决定' }).click();
    const summary = officer.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('请选择监管事项');
    expect(await summary.textContent()).toContain('请填写决定的理由');
    await check(officer, '01-officer-supervision-errors');
    await officer.getByLabel('监管事项').selectOption('abnormal-operations');
    await officer.getByLabel(/列入 \/ 开启/).check();
    await officer.getByLabel('理由').fill('未按规定期限公示年度报告');
    await officer.getByRole('button', { name: '记录决定' }).click();
    await officer.waitForURL(/recorded=1/);
    expect(await officer.locator('[data-open-matters]').textContent()).toContain('列入经营异常名录');
    expect(await officer.locator('[data-supervision-entries]').textContent()).toContain('未按规定期限公示年度报告');
    await check(officer, '02-officer-supervision-recorded');
  });

  it('lets the owner apply from the enterprise page: per-field errors, then every reason it is not eligible (409)', async () => {
    registrant = await signIn('registrant1');
    await registrant.getByRole('link', { name: '我的企业' }).click();
    await check(registrant, '03-my-enterprises');
    await registrant.getByRole('link', { name: '北京星河科技有限公司' }).click();
    await registrant.getByRole('link', { name: '申请简易注销' }).click();
    // Every investor on the register is listed with the ID number, to be ticked as signed.
    const commitments = (await registrant.locator('[data-commitments]').textContent())!;
    expect(commitments).toContain('张三（身份证号码 11010519491231002X）');
    expect(commitments).toContain('李四（身份证号码 110108199001011231）');

    await registrant.getByRole('button', { name: '提交简易注销申请' }).click();
    const summary = registrant.locator('.error-summary');
    await summary.waitFor();
    expect(await registrant.evaluate('document.activeElement.classList.contains("error-summary")')).toBe(true);
    expect(await summary.locator('a[href="#declaration-noDebts"]').textContent()).toContain('请选择一项承诺');
    await check(registrant, '04-apply-errors');

    // One investor's commitment missing: market regulation's 400 names who, on that investor's checkbox.
    await registrant.getByLabel(/本企业无债权债务/).check();
    await registrant.getByLabel(/张三（身份证号码/).check();
    await registrant.getByRole('button', { name: '提交简易注销申请' }).click();
    const missing = registrant.locator('.error-summary a[href="#commitment-1"]');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('缺少投资人 李四');
    expect(await registrant.getByLabel(/李四（身份证号码/).getAttribute('aria-invalid')).toBe('true');
    await check(registrant, '05-apply-commitment-missing');

    // Complete, but on the abnormal-operations list: 409 with every reason.
    await registrant.getByLabel(/李四（身份证号码/).check();
    await registrant.getByRole('button', { name: '提交简易注销申请' }).click();
    const notEligible = registrant.locator('[data-not-eligible]');
    await notEligible.waitFor();
    expect(await notEligible.textContent()).toContain('经营异常名录');
    await check(registrant, '06-apply-not-eligible');
  });

  it('takes the application once the officer closes the matter, and announces it publicly to anyone', async () => {
    await officer.getByLabel('监管事项').selectOption('abnormal-operations');
    await officer.getByLabel(/移出 \/ 关闭/).check();
    await officer.getByLabel('理由').fill('已补报年度报告并公示');
    await officer.getByRole('button', { name: '记录决定' }).click();
    await officer.waitForURL(/recorded=1/);
    expect(await officer.locator('[data-open-matters]').textContent()).toBe('无');

    // The form kept what was ticked; sent again it is accepted, and the case page follows it live.
    expect(await registrant.getByLabel(/李四（身份证号码/).isChecked()).toBe(true);
    creditor = await signIn('registrant2');
    appliedAt = Date.now();
    await registrant.getByRole('button', { name: '提交简易注销申请' }).click();
    const signedAt = new Date().toISOString();
    const objected = await owner.post<{ caseId: string }>('/api/deregistrations', {
      creditCode: objectedCode,
      declaration: { noDebts: true },
      commitments: Object.values(residents).map((investor) => ({ ...investor, signedAt })),
    });
    expect(objected.status).toBe(202);
    objectedCaseId = objected.body.caseId;
    await registrant.waitForURL(/\/portal\/deregistrations\/[0-9a-f-]{36}$/);
    caseId = registrant.url().split('/').pop()!;
    await registrant.locator('[data-deregistration-status="announcing"]').waitFor({ timeout: 15_000 });
    expect(await registrant.locator('[data-countdown]').textContent()).toMatch(/还有 \d+/);
    expect(await registrant.locator('[data-announcement-end]').textContent()).toMatch(
      /\d{4}-\d{2}-\d{2} 24:00 北京时间/,
    );
    await check(registrant, '07-case-announcing');

    const anonymous = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await anonymous.goto(`${stack.gatewayUrl}/announcements`);
    const row = anonymous.locator(`[data-announcement="${caseId}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('北京星河科技有限公司');
    expect(await row.textContent()).toContain(creditCode);
    expect(await row.locator('[data-ends]').textContent()).toMatch(/24:00 北京时间/);
    expect(await anonymous.locator('[data-sign-in-to-object]').count()).toBe(1);
    await check(anonymous, '08-public-announcements');
    await anonymous.context().close();

    // A creditor objects to the other enterprise while its announcement runs: the name is the account's.
    await creditor.goto(`${stack.gatewayUrl}/announcements`);
    await creditor.locator(`[data-announcement="${objectedCaseId}"] a`).click();
    await creditor.getByLabel('异议理由').fill('尚欠货款 12,000.00 元');
    await creditor.getByLabel('联系方式').fill('13800000000');
    await creditor.getByRole('button', { name: '提交异议' }).click();
    await expectText(creditor, '[data-objected]', '北京云帆科技有限公司');
    expect(await creditor.locator(`[data-announcement="${objectedCaseId}"]`).textContent()).toContain('1 件');
    await check(creditor, '08a-objection-lodged');
  });

  it('shows a signed-in user the objection form, errors on its fields, and says plainly once the period closed (409)', async () => {
    await creditor.getByRole('link', { name: '简易注销公告' }).click();
    await creditor.locator(`[data-announcement="${caseId}"] a`).click();
    await creditor.getByRole('button', { name: '提交异议' }).click();
    const summary = creditor.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('请填写异议理由');
    expect(await summary.textContent()).toContain('请填写联系方式');
    await check(creditor, '09-objection-errors');

    // The registrant's page, open since the application, offers confirmation once the period is over (~20 s).
    await registrant.evaluate(() => ((globalThis as unknown as { stillHere: boolean }).stillHere = true));
    await registrant.locator('[data-confirm]').waitFor({ timeout: 60_000 });
    expect(await registrant.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await registrant.locator('[data-countdown]').textContent()).toContain('异议通道已关闭');
    expect(await registrant.locator('[data-objections-none]').count()).toBe(1);
    expect(await registrant.locator('[data-tax-clearance]').getAttribute('data-tax-clearance')).toBe('no-objection');
    await check(registrant, '10-case-awaiting-confirmation');

    await creditor.getByLabel('异议理由').fill('尚欠货款 12,000.00 元');
    await creditor.getByLabel('联系方式').fill('13800000000');
    await creditor.getByRole('button', { name: '提交异议' }).click();
    await expectText(creditor, '.error-summary', '公告期已届满，异议通道已关闭');
    await check(creditor, '11-objection-closed');
    await creditor.context().close();
  });

  it('lets the owner confirm, the officer approve from the inbox, and the enterprise page then says 注销', async () => {
    await registrant.getByRole('button', { name: '确认申请简易注销' }).click();
    await registrant.waitForURL(/done=confirm/);
    await expectText(registrant, '[role=status]', '已确认简易注销申请');

    await officer.getByRole('link', { name: '待办任务' }).click();
    const row = officer.locator(`tr[data-task-id^="${caseId}"] a`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toBe('简易注销审核');
    await row.click();
    expect(await officer.locator('[data-deregistration]').textContent()).toContain('税务机关无异议');
    expect(await officer.locator('[data-objections-none]').count()).toBe(1);
    await officer.getByRole('button', { name: '认领任务' }).click();
    await officer.getByLabel('准予注销').check();
    await officer.getByLabel('审核意见').fill('公告期满无异议，清税完毕');
    await check(officer, '12-officer-review');
    await officer.getByRole('button', { name: '提交审核结论' }).click();
    await expectText(officer, 'main', '已决定：准予注销');

    await registrant.goto(`${stack.gatewayUrl}/portal/deregistrations/${caseId}`);
    await registrant.locator('[data-deregistration-status="deregistered"]').waitFor({ timeout: 30_000 });
    await check(registrant, '13-case-deregistered');
    await registrant.getByRole('link', { name: '查看企业信息' }).click();
    expect(await registrant.locator('[data-register-status]').textContent()).toBe('注销');
    expect(await registrant.locator('[data-deregistered]').textContent()).toContain('企业已注销');
    expect(await registrant.getByRole('link', { name: '申请简易注销' }).count()).toBe(0);
    await check(registrant, '14-enterprise-deregistered');
    await registrant.getByRole('link', { name: '我的办件' }).click();
    const listed = registrant.locator('[data-my-deregistrations] tr', { hasText: '北京星河科技有限公司' });
    expect(await listed.locator('[data-deregistration-status]').textContent()).toBe('已注销');
    await check(registrant, '14a-my-cases-with-deregistrations');
  });

  it('offers the officer only 驳回 for the objected enterprise, listing the objection, and the owner sees it refused', async () => {
    await eventually('the objected case to await confirmation', async () => {
      const { body } = await owner.get<{ status: string }>(`/api/deregistrations/${objectedCaseId}`);
      return body.status === 'awaiting-confirmation' ? body : undefined;
    });
    expect((await owner.post(`/api/deregistrations/${objectedCaseId}/confirm`)).status).toBe(200);
    await officer.getByRole('link', { name: '待办任务' }).click();
    const row = officer.locator(`tr[data-task-id^="${objectedCaseId}"] a`);
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await officer.getByRole('button', { name: '认领任务' }).click();
    expect(await officer.locator('[data-objected]').textContent()).toContain('registrant2：尚欠货款 12,000.00 元');
    expect(await officer.getByRole('radio', { name: '准予注销' }).count()).toBe(0);
    await officer.getByRole('radio', { name: '驳回' }).check();
    await officer.getByLabel('审核意见').fill('公告期内有债权人提出异议');
    await check(officer, '15-officer-review-objected');
    await officer.getByRole('button', { name: '提交审核结论' }).click();
    await expectText(officer, 'main', '已决定：驳回');

    await registrant.goto(`${stack.gatewayUrl}/portal/deregistrations/${objectedCaseId}`);
    await expectText(registrant, '[data-outcome]', '简易注销申请被驳回', 30_000);
    expect(await registrant.locator('[data-objections]').textContent()).toContain('尚欠货款');
    await check(registrant, '16-case-rejected');
  });

  it('told tax by event when the announcement started, and tax answered the same day (R3.3)', async () => {
    const admin = await PortalClient.login(stack.gatewayUrl, 'admin');
    const events = await eventually('tax to close the record', async () => {
      const { body } = await admin.get<AuditedEvent[]>(`/api/audit/cases/${caseId}/events`);
      return body.some((e) => e.type === 'TaxRecordClosed') ? body : undefined;
    });
    const started = events.find((e) => e.type === 'DeregistrationAnnouncementStarted')!;
    const notice = events.find((e) => e.type === 'DeregistrationNoticeReceived')!;
    expect([started.service, notice.service]).toEqual(['registration', 'tax']);
    // By event: tax's notice is caused by registration's announcement event. Within one working day: tax recorded it
    // within a minute of real time after the application was sent (the announcement's own time is on the case's
    // accelerated clock, so it is not compared).
    expect(notice.causationId).toBe(started.eventId);
    const noticeAfterMs = Date.parse(notice.occurredAt) - appliedAt;
    expect(noticeAfterMs).toBeGreaterThanOrEqual(0);
    expect(noticeAfterMs).toBeLessThan(60_000);
    expect(events.find((e) => e.type === 'TaxNoObjectionRaised')?.service).toBe('tax');
  });

  it('has no serious or critical axe violation on any page visited', () => {
    expect(violations).toEqual([]);
  });
});

async function expectText(page: Page, selector: string, text: string, timeout = 10_000): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout });
}
