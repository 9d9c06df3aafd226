import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { type AuditReceipt, ReceiptError, verifyReceipt } from '@govflow/event-store';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, seriousA11yViolations } from './support/browser';
import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { PortalClient } from './support/portal-client';
import { establishmentApplication } from './support/registration-fixtures';
import { lastDayInBeijing, reviewDeadlinesBetween } from './support/review-deadline';

jest.setTimeout(240_000);

// The portal as its three kinds of user work it, in real headless Chromium against the real stack: every page
// visited is checked with axe-core and photographed under .local/screenshots/.
describe('the portal in Chromium: 三证合一 by clicking only', () => {
  let stack: PlatformStack;
  let browser: Browser;
  const violations: string[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startPlatformStack('e2e-portal', 4260), launchChromium()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

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

  let caseId: string;
  let registrant: Page;
  let officer: Page;
  // The review's real deadline as the documents state it, from the calendar in libs/policy (not from the API).
  let reviewDue: string[];

  it('signs in with a form, and refuses a wrong password with an error summary', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${stack.gatewayUrl}/sign-in`);
    await check(page, '01-sign-in');
    await page.getByLabel('用户名', { exact: true }).fill('registrant1');
    await page.getByLabel('密码', { exact: true }).fill('wrong');
    await page.getByRole('button', { name: '登录' }).click();
    await expectText(page, '.error-summary', '用户名或密码不正确');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'govflow_session')).toBeUndefined();
    await page.context().close();
  });

  it('lets the registrant check a name as they type, and apply with an error summary and check-your-answers', async () => {
    registrant = await signIn('registrant1');
    const session = (await registrant.context().cookies()).find((c) => c.name === 'govflow_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await check(registrant, '02-my-cases-empty');

    await registrant.getByRole('link', { name: '开办新企业' }).click();
    await registrant.getByLabel('行政区划').selectOption('北京');
    await registrant.getByLabel('字号', { exact: true }).fill('海淀');
    await registrant.getByLabel('行业表述').fill('科技');
    await expectText(registrant, '#name-result', '字号不得使用县级以上行政区划名称');
    await registrant.getByLabel('字号', { exact: true }).fill('星河');
    await expectText(registrant, '#name-result', '名称可以申报');
    await check(registrant, '03-name-check');
    await registrant.getByRole('link', { name: '用此名称申请设立登记' }).click();

    await registrant.getByLabel('字号', { exact: true }).waitFor();
    await registrant.getByRole('button', { name: '继续：核对申请信息' }).click();
    const summary = registrant.locator('.error-summary');
    await summary.waitFor();
    expect(await registrant.evaluate('document.activeElement.classList.contains("error-summary")')).toBe(true);
    expect(await summary.textContent()).toContain('请填写住所');
    await check(registrant, '04-application-errors');

    await registrant.getByLabel('注册资本（人民币元）').fill('1000000');
    await registrant.getByLabel('住所', { exact: true }).fill('北京市海淀区中关村大街27号1101室');
    await registrant.getByLabel('技术开发').check();
    await registrant.getByLabel('餐饮服务').check();
    await registrant.getByLabel('法定代表人姓名').fill('张三');
    await registrant.getByLabel('法定代表人身份证号码').fill('11010519491231002X');
    await registrant.getByLabel('第1位股东姓名').fill('张三');
    await registrant.getByLabel('第1位股东身份证号码').fill('11010519491231002X');
    await registrant.getByLabel('第1位股东认缴出资额（元）').fill('600000');
    await registrant.getByLabel('第2位股东姓名').fill('李四');
    await registrant.getByLabel('第2位股东身份证号码').fill('110108199001011231');
    await registrant.getByLabel('第2位股东认缴出资额（元）').fill('400000');
    await registrant.getByRole('button', { name: '继续：核对申请信息' }).click();
    await registrant.getByRole('heading', { name: '核对申请信息' }).waitFor();
    expect(await registrant.locator('main').textContent()).toContain('北京星河科技有限公司');
    await check(registrant, '05-check-answers');

    const submittedFrom = new Date();
    await registrant.getByRole('button', { name: '确认并提交申请' }).dblclick();
    await registrant.waitForURL(/\/submitted$/);
    reviewDue = reviewDeadlinesBetween(submittedFrom, new Date()).map((d) => `${lastDayInBeijing(d)} 24:00 北京时间`);
    caseId = (await registrant.locator('[data-case-id]').textContent())!.trim();
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await registrant.locator('main').textContent()).toContain('法定时限为3个工作日');
    await check(registrant, '06-confirmation');

    await registrant.goto(`${stack.gatewayUrl}/portal/cases`);
    expect(await registrant.locator('tbody tr').count()).toBe(1);
    await registrant.getByRole('link', { name: '北京星河科技有限公司' }).click();
    // The review step states its real deadline, on the working-day calendar, and the period from the policy.
    const review = registrant.locator('[data-step="officer-review-1"]');
    await review.locator('[data-deadline]').waitFor();
    expect(reviewDue).toContain(
      (await review.locator('[data-deadline]').textContent())!.replace(/^[\s\S]*办理期限：/, '').trim(),
    );
    expect(await review.textContent()).toContain('3个工作日内作出决定');
    expect(await registrant.locator('[data-clock-banner]').count()).toBe(0);
    await check(registrant, '07-case-progress');
  });

  it("shows the task to the market-regulation officer, never to another department's", async () => {
    officer = await signIn('reg-officer1');
    const row = officer.locator(`tr[data-task-id="${caseId}:review:1"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(reviewDue).toContain((await row.locator('[data-deadline]').textContent())!.trim());
    await check(officer, '08-officer-inbox');

    const tax = await signIn('tax-officer1');
    await tax.waitForTimeout(1_000);
    expect(await tax.locator(`tr[data-task-id^="${caseId}"]`).count()).toBe(0);
    await tax.goto(`${stack.gatewayUrl}/portal/tasks/${encodeURIComponent(`${caseId}:review:1`)}`);
    expect(await tax.locator('h1').textContent()).toContain('没有办理此事项的权限');
    await check(tax, '09-other-department-refused');
    await tax.context().close();
  });

  it('lets the officer claim and request information; the registrant sees it live and supplements', async () => {
    const colleague = await signIn('reg-officer2');
    await colleague.goto(`${stack.gatewayUrl}/portal/tasks/${encodeURIComponent(`${caseId}:review:1`)}`);
    await officer.locator(`tr[data-task-id="${caseId}:review:1"] a`).click();
    // The task states the real deadline with its period, and the name as market regulation re-examines it now.
    const deadline = (await officer.locator('[data-deadline]').textContent())!;
    expect(reviewDue.map((due) => `${due}（3个工作日）`)).toContain(deadline.trim());
    const nameCheck = (await officer.locator('[data-name-check]').textContent())!;
    expect(nameCheck).toContain('可以核准');
    expect(nameCheck).toContain('北京星河科技有限公司');
    await check(officer, '09a-officer-task-name-check');
    await officer.getByRole('button', { name: '认领任务' }).click();
    await expectText(officer, '[data-assignee]', '我');
    await colleague.getByRole('button', { name: '认领任务' }).click();
    await expectText(colleague, '[data-refusal]', '任务状态已变化');
    await check(colleague, '10a-officer-claim-refused');
    await colleague.context().close();
    await officer.getByLabel('要求补正').check();
    await officer.getByRole('button', { name: '提交审核结论' }).click();
    await expectText(officer, '.error-summary', '必须填写理由');
    await officer.getByLabel('审核意见').fill('住所门牌号不清楚，请补正为完整地址');
    await officer.getByLabel('要求补正').check();
    await officer.getByRole('button', { name: '提交审核结论' }).click();
    await expectText(officer, 'main', '已决定：要求补正');
    await check(officer, '10-officer-task-decided');

    // The registrant's case page has stayed open since it was submitted: it changes without a reload.
    await registrant.evaluate(() => ((globalThis as unknown as { stillHere: boolean }).stillHere = true));
    await expectText(registrant, '#case-progress', '需要补正材料', 15_000);
    await registrant.getByRole('link', { name: '补正申请材料' }).click();
    expect(await registrant.locator('[data-officer-reason]').textContent()).toContain('住所门牌号不清楚');
    await check(registrant, '11-supplement');
    // A supplement that renames to a refused name is refused like a submission: on the field, in the summary.
    await registrant.getByLabel('字号', { exact: true }).fill('海淀');
    await registrant.getByRole('button', { name: '提交补正' }).click();
    await expectText(registrant, '.error-summary a[href="#tradeName"]', '字号不得使用县级以上行政区划名称');
    await check(registrant, '11a-supplement-name-refused');
    await registrant.getByLabel('字号', { exact: true }).fill('星河');
    await registrant.getByLabel('住所', { exact: true }).fill('北京市海淀区中关村大街27号1102室');
    await registrant.getByLabel('补正说明').fill('已更正为完整门牌号');
    await registrant.getByRole('button', { name: '提交补正' }).click();
    await registrant.waitForURL(/supplemented=1/);
  });

  it('shows the license and the permits on the open case page, without a reload, once the officer approves', async () => {
    await registrant.evaluate(() => ((globalThis as unknown as { stillHere: boolean }).stillHere = true));
    await officer.goto(`${stack.gatewayUrl}/portal/tasks`);
    const second = officer.locator(`tr[data-task-id="${caseId}:review:2"] a`);
    await second.waitFor({ timeout: 30_000 });
    await second.click();
    await officer.getByRole('button', { name: '认领任务' }).click();
    await officer.getByLabel('核准').check();
    await officer.getByRole('button', { name: '提交审核结论' }).click();
    await expectText(officer, 'main', '已决定：核准');

    await expectText(registrant, '[data-permits]', '食品经营许可', 30_000);
    expect(await registrant.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await registrant.locator('[data-credit-code]').textContent()).toMatch(/^91[0-9A-Z]{16}$/);
    await check(registrant, '12-case-completed-live');

    await registrant.getByRole('link', { name: '查看电子营业执照' }).click();
    const license = await registrant.locator('.license').textContent();
    expect(license).toContain('北京星河科技有限公司');
    expect(license).toContain('张三');
    expect(license).toContain('1,000,000.00');
    expect(await registrant.locator('main').textContent()).toContain('食品经营许可');
    await check(registrant, '13-license');
  });

  it('lets the administrator find the case, read its timeline with names, verify integrity and see the read models', async () => {
    const admin = await signIn('admin');
    await admin.getByLabel('办件编号、统一社会信用代码或企业名称').fill('星河');
    await admin.getByRole('button', { name: '查询' }).click();
    await admin.getByRole('link', { name: '北京星河科技有限公司' }).click();
    await expectText(admin, '[data-timeline]', 'TaxRecordOpened', 30_000);
    const timeline = (await admin.locator('[data-timeline]').textContent())!;
    expect(timeline).toContain('reg-officer1（登记审核员 · 市场监督管理局）');
    expect(timeline).toContain('住所门牌号不清楚');
    // Refused: the colleague's late claim, and the decision first sent without its required reason.
    const refusals = (await admin.locator('[data-event-type="TaskRefused"]').allTextContents()).join('\n');
    expect(refusals).toContain('reg-officer2（登记审核员');
    expect(refusals).toContain('reg-officer1（登记审核员');
    await check(admin, '14-admin-timeline');

    const creditCode = (await admin.locator('main').textContent())!.match(/统一社会信用代码 (\w{18})/)?.[1];
    expect(creditCode).toMatch(/^91/);
    await admin.goto(`${stack.gatewayUrl}/portal/admin?q=${creditCode}`);
    expect(await admin.locator('[data-results]').textContent()).toContain('北京星河科技有限公司');
    await check(admin, '15-admin-search');

    await admin.getByRole('link', { name: '完整性校验' }).click();
    await admin.getByRole('button', { name: '运行完整性校验' }).click();
    await expectText(admin, '[data-integrity-result]', '全部完整');
    await check(admin, '16-admin-integrity');

    await admin.getByRole('link', { name: '读模型' }).click();
    await admin.getByRole('button', { name: '重建 待办任务（task-inbox）' }).click();
    await expectText(admin, 'main', '已开始重建');
    await check(admin, '17-admin-read-models');
    await admin.context().close();
  });

  it('shows the signed audit logs, the operations log and the time machine, and gives the registrant a receipt that verifies', async () => {
    const admin = await signIn('admin');
    await admin.goto(`${stack.gatewayUrl}/portal/admin/integrity`);
    await admin.getByRole('button', { name: '运行完整性校验' }).click();
    await expectText(admin, '[data-integrity-result]', '全部完整');
    const registrationRow = admin.locator('tr[data-service="registration"]');
    expect(Number(await registrationRow.locator('[data-tree-size]').textContent())).toBeGreaterThan(0);
    expect(await admin.locator('[data-problem-kind]').count()).toBe(0);

    await admin.getByRole('link', { name: '管理员操作记录' }).click();
    await expectText(admin, 'tr[data-action="audit.verify"]', 'admin');
    await check(admin, '16a-admin-operations');

    await admin.goto(`${stack.gatewayUrl}/portal/admin/cases/${caseId}`);
    await admin.getByRole('link', { name: /办件时光机/ }).click();
    await expectText(admin, '[data-state]', 'LicenseIssued');
    // Now: the establishment case licensed, its review task decided, the rows of the read models it fed.
    await expectText(admin, '[data-aggregate="establishment-case"] [data-status]', '已核发营业执照');
    await expectText(admin, '[data-tasks]', '已作出决定');
    await expectText(admin, '[data-read-model="enterprise-directory"]', 'licensed');
    // Before the application nothing existed; from then to now the application and the license arrived.
    const beijing = (date: Date) => new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
    await admin.getByLabel('查看时刻').fill('2020-01-01T00:00');
    await admin.getByLabel('起始时刻').fill('2020-01-01T00:00');
    await admin.getByLabel('结束时刻').fill(beijing(new Date(Date.now() + 60_000)));
    await admin.getByRole('button', { name: '查询' }).click();
    await expectText(admin, '[data-event-count]', '共 0 个事件');
    const diff = (await admin.locator('[data-diff]').textContent())!;
    expect(diff).toContain('ApplicationSubmitted');
    expect(diff).toContain('LicenseIssued');
    // Field by field, before → after: the case's status appeared with the application and ended licensed.
    const changes = (await admin.locator('[data-changes-kind="establishment-case"]').textContent())!;
    expect(changes).toContain('已核发营业执照');
    await check(admin, '16b-admin-time-machine');
    const refused = await admin.goto(`${stack.gatewayUrl}/portal/admin/cases/${caseId}/time-machine?at=yesterday`);
    expect(refused?.status()).toBe(400);
    await expectText(admin, '.error-summary', '请填写有效的日期和时间');
    await admin.goto(`${stack.gatewayUrl}/portal/admin/operations`);
    await expectText(admin, 'tr[data-action="audit.time-machine-diff"]', caseId);
    await admin.context().close();

    const owner = await signIn('registrant1');
    const download = await eventually(async () => {
      await owner.goto(`${stack.gatewayUrl}/portal/cases/${caseId}`);
      const link = owner.locator('[data-receipt-download]');
      if (!(await link.count())) {
        expect(await owner.locator('[data-receipt-pending]').textContent()).toContain('待检查点覆盖');
        return undefined;
      }
      await check(owner, '16c-case-receipt');
      const [file] = await Promise.all([owner.waitForEvent('download'), link.click()]);
      return file;
    });
    const receipt = JSON.parse(readFileSync(await download.path(), 'utf8')) as AuditReceipt;
    const keys = await (await fetch(`${stack.gatewayUrl}/api/audit/public-keys`)).json();
    const key = (keys as { service: string; verifierKey: string }[]).find((k) => k.service === 'registration')!;
    expect(verifyReceipt(receipt, key.verifierKey)).toMatchObject({ eventId: receipt.leaf.event_id });
    expect(receipt.leaf).toMatchObject({ kind: 'event', event_type: 'ApplicationSubmitted' });
    const forged = { ...receipt, leaf: { ...receipt.leaf, stream_version: 2 } };
    expect(() => verifyReceipt(forged, key.verifierKey)).toThrow(ReceiptError);
    await owner.context().close();
  });

  it('has the officer confirm a declared investment link before approving a name shared with the linked enterprise', async () => {
    const owner = await PortalClient.login(stack.gatewayUrl, 'registrant1');
    const { body: licensed } = await owner.get<{ license: { creditCode: string } }>(`/api/registrations/${caseId}`);
    const creditCode = licensed.license.creditCode;
    const linked = await (
      await PortalClient.login(stack.gatewayUrl, 'registrant2')
    ).post<{ caseId: string }>('/api/registrations', {
      ...establishmentApplication('星河'),
      investmentLink: { creditCode },
    });
    expect(linked.status).toBe(202);

    await officer.goto(`${stack.gatewayUrl}/portal/tasks`);
    const row = officer.locator(`tr[data-task-id="${linked.body.caseId}:review:1"] a`);
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    expect(await officer.locator('[data-name-check]').textContent()).toContain(creditCode);
    await officer.getByRole('button', { name: '认领任务' }).click();
    await officer.getByLabel('核准').check();
    await officer.getByRole('button', { name: '提交审核结论' }).click();
    // The API's 400 ConfirmationRequired, said plainly and linked to the checkbox.
    const summary = officer.locator('.error-summary a[href="#confirms"]');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('核准前须确认');
    expect(await summary.textContent()).not.toContain('confirms:');
    await check(officer, '12a-officer-investment-link-required');
    await officer.getByLabel(`已核实本企业与统一社会信用代码为 ${creditCode} 的企业存在投资关联关系`).check();
    await officer.getByLabel('核准').check();
    await officer.getByRole('button', { name: '提交审核结论' }).click();
    await expectText(officer, 'main', '已决定：核准');
  });

  it('shows a submission refused for its name in the error summary, and lists the case as 不予受理 with why', async () => {
    const page = await signIn('registrant2');
    await page.goto(`${stack.gatewayUrl}/portal/apply`);
    await page.getByLabel('行政区划').selectOption('北京');
    await page.getByLabel('字号', { exact: true }).fill('海淀');
    await page.getByLabel('行业表述').fill('科技');
    await page.getByLabel('注册资本（人民币元）').fill('300000');
    await page.getByLabel('住所', { exact: true }).fill('北京市海淀区中关村大街1号');
    await page.getByLabel('软件开发').check();
    await page.getByLabel('法定代表人姓名').fill('王五');
    await page.getByLabel('法定代表人身份证号码').fill('110108199001011231');
    await page.getByLabel('第1位股东姓名').fill('王五');
    await page.getByLabel('第1位股东身份证号码').fill('110108199001011231');
    await page.getByLabel('第1位股东认缴出资额（元）').fill('300000');
    await page.getByRole('button', { name: '继续：核对申请信息' }).click();
    await page.getByRole('button', { name: '确认并提交申请' }).click();

    // Back on the application, the name's problems lead the page, each linking to its field; never a raw error.
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await page.evaluate('document.activeElement.classList.contains("error-summary")')).toBe(true);
    const link = summary.locator('a[href="#tradeName"]');
    expect(await link.textContent()).toContain('字号不得使用县级以上行政区划名称');
    expect(await link.textContent()).toContain('海淀');
    expect(await page.getByLabel('字号', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-name-refused]').textContent()).toContain('不予受理');
    await check(page, '04b-application-name-refused');

    await page.goto(`${stack.gatewayUrl}/portal/cases`);
    const row = page.locator('tbody tr', { hasText: '北京海淀科技有限公司' });
    expect(await row.locator('[data-case-status="refused"]').textContent()).toContain('不予受理');
    expect(await row.locator('[data-refusal-reasons]').textContent()).toContain('字号不得使用县级以上行政区划名称');
    await check(page, '04c-my-cases-refused');
    await row.getByRole('link').click();
    await expectText(page, '[data-refusal]', '申请不予受理');
    expect(await page.locator('[data-step="submit-application"]').textContent()).toContain('不予受理');
    await check(page, '04d-case-refused');
    await page.context().close();
  });

  it('takes a whole application by keyboard alone, with the focus always visible', async () => {
    const page = await signIn('registrant2');
    await page.goto(`${stack.gatewayUrl}/portal/apply`);
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(`document.activeElement.matches(${JSON.stringify(selector)})`)) {
          const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
          expect(outline).not.toBe('none');
          return;
        }
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    const typeInto = async (selector: string, text: string) => {
      await tabTo(selector);
      await page.keyboard.type(text);
    };
    await tabTo('#division');
    for (let i = 0; i < 5 && (await page.locator('#division').inputValue()) !== '北京'; i++) {
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.locator('#division').inputValue()).toBe('北京');
    await typeInto('#tradeName', '明远');
    await typeInto('#industry', '科技');
    await typeInto('#capitalAmount', '500000');
    await typeInto('#domicile', '北京市通州区新华大街1号');
    await tabTo('input[value="软件开发"]');
    await page.keyboard.press('Space');
    await typeInto('#lrName', '李四');
    await typeInto('#lrIdNumber', '110108199001011231');
    await typeInto('#sh0Name', '李四');
    await typeInto('#sh0IdNumber', '110108199001011231');
    await typeInto('#sh0Amount', '500000');
    await tabTo('button[value="review"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '核对申请信息' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('北京明远科技有限公司');
    await tabTo('form[action="/portal/apply/submit"] button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/submitted$/);
    await page.context().close();
  });

  it('signs out, and the session no longer opens a page', async () => {
    await registrant.getByRole('button', { name: '退出登录' }).click();
    await registrant.waitForURL(/sign-in\?signedOut=1/);
    await registrant.goto(`${stack.gatewayUrl}/portal/cases`);
    await registrant.waitForURL(/sign-in/);
  });

  it('has no serious or critical axe violation on any page visited', () => {
    expect(violations).toEqual([]);
  });

  // What the pages rely on, as any API client sees it.
  describe('the API behind the pages', () => {
    let registrantApi: PortalClient;
    let admin: PortalClient;

    beforeAll(async () => {
      [registrantApi, admin] = (await Promise.all(
        ['registrant1', 'admin'].map((user) => PortalClient.login(stack.gatewayUrl, user)),
      )) as [PortalClient, PortalClient];
    });

    it('answers the case with the permits under their official Chinese names, and the application as supplemented', async () => {
      const { body: view } = await registrantApi.get<{ requiredPermits: { code: string; nameZh: string }[] }>(
        `/api/registrations/${caseId}`,
      );
      expect(view.requiredPermits).toContainEqual(
        expect.objectContaining({ code: 'food-business-permit', nameZh: '食品经营许可' }),
      );
      const { status, body } = await registrantApi.get<{ domicile: string; shareholders: unknown[] }>(
        `/api/registrations/${caseId}/application`,
      );
      expect(status).toBe(200);
      expect(body.domicile).toBe('北京市海淀区中关村大街27号1102室');
      expect(body.shareholders).toHaveLength(2);
      const other = await PortalClient.login(stack.gatewayUrl, 'registrant2');
      expect((await other.get(`/api/registrations/${caseId}/application`)).status).toBe(404);
    });

    it("streams the case's events with arrival positions as ids, and resumes after Last-Event-ID", async () => {
      const login = await PortalClient.anonymous(stack.gatewayUrl).post<{ accessToken: string }>('/api/auth/login', {
        username: 'registrant1',
        password: 'demo',
      });
      const token = login.body.accessToken;
      const read = async (lastEventId?: string) => {
        const stop = new AbortController();
        const response = await fetch(`${stack.gatewayUrl}/api/registrations/${caseId}/progress`, {
          headers: { authorization: `Bearer ${token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
          signal: stop.signal,
        });
        expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
        let text = '';
        const decoder = new TextDecoder();
        const timer = setTimeout(() => stop.abort(), 2_500);
        try {
          for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
            text += decoder.decode(chunk, { stream: true });
          }
        } catch (error) {
          if (!stop.signal.aborted) throw error;
        } finally {
          clearTimeout(timer);
        }
        return [...text.matchAll(/^id: (\d+)\nevent: case-event\ndata: (.*)$/gm)].map(([, id, data]) => ({
          id: Number(id),
          type: (JSON.parse(data!) as { type: string }).type,
        }));
      };
      const all = await read();
      expect(all.map((e) => e.type)).toEqual(expect.arrayContaining(['ApplicationSubmitted', 'LicenseIssued']));
      expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => a - b));
      const resumed = await read(String(all[2]!.id));
      expect(resumed).toEqual(all.slice(3));
    });

    it('refuses an unknown division as a 400 naming name.division', async () => {
      const application = establishmentApplication('天明');
      const { status, body } = await registrantApi.post<{ errors: { field: string }[] }>('/api/registrations', {
        ...application,
        name: { ...application.name, division: '110112' },
      });
      expect(status).toBe(400);
      expect(body.errors.map((e) => e.field)).toEqual(['name.division']);
    });

    it('shows a task with its history and usernames to its department only', async () => {
      const taskId = encodeURIComponent(`${caseId}:review:1`);
      const officer = await PortalClient.login(stack.gatewayUrl, 'reg-officer1');
      const { status, body } = await officer.get<{ history: { type: string; actor?: { username: string } }[] }>(
        `/api/tasks/${taskId}`,
      );
      expect(status).toBe(200);
      expect(body.history.map((h) => h.type)).toEqual(['opened', 'claimed', 'refused', 'refused', 'decided']);
      expect(body.history[1]!.actor!.username).toBe('reg-officer1');
      const tax = await PortalClient.login(stack.gatewayUrl, 'tax-officer1');
      expect((await tax.get(`/api/tasks/${taskId}`)).status).toBe(403);
    });

    it('finds cases, verifies every store and reports read-model lag, for administrators only', async () => {
      const found = await admin.get<{ caseId: string }[]>(`/api/admin/cases?q=${encodeURIComponent('星河')}`);
      expect(found.body.map((c) => c.caseId)).toContain(caseId);
      const integrity =
        await admin.post<{ service: string; intact: boolean; eventsChecked: number }[]>('/api/admin/integrity');
      expect(integrity.body).toEqual([
        expect.objectContaining({ service: 'registration', reachable: true, intact: true }),
        expect.objectContaining({ service: 'tax', reachable: true, intact: true }),
        expect.objectContaining({ service: 'permits', reachable: true, intact: true }),
        expect.objectContaining({ service: 'science-commission', reachable: true, intact: true }),
      ]);
      expect(integrity.body[0]!.eventsChecked).toBeGreaterThan(0);
      const models = await admin.get<{ readModel: string; lag: number | null }[]>('/api/admin/read-models');
      expect(models.body.map((m) => m.readModel)).toEqual([
        'task-inbox',
        'audit-trail',
        'enterprise-directory',
        'enterprise-permits',
        'science-record',
        'tax-record',
      ]);
      expect(models.body.every((m) => typeof m.lag === 'number')).toBe(true);
      expect((await registrantApi.post('/api/admin/integrity')).status).toBe(403);
      expect((await registrantApi.get('/api/admin/cases?q=x')).status).toBe(403);
    });
  });

  it("shows the administrator the stream and position where a service's store was tampered with", async () => {
    const store = new Pool({ connectionString: stack.databaseUrls.registration, max: 1 });
    const client = await store.connect();
    try {
      // What someone with write access to the database could do, past the append-only trigger.
      await client.query('SET session_replication_role = replica');
      await client.query(
        `UPDATE event_store.events SET data = jsonb_set(data, '{domicile}', '"北京市朝阳区某处"')
         WHERE stream_id = $1 AND version = 1`,
        [`registration-case-${caseId}`],
      );
    } finally {
      await client.query('RESET session_replication_role');
      client.release();
      await store.end();
    }
    const admin = await signIn('admin');
    await admin.goto(`${stack.gatewayUrl}/portal/admin/integrity`);
    await admin.getByRole('button', { name: '运行完整性校验' }).click();
    await expectText(admin, '[data-integrity-result]', '发现问题');
    const row = (await admin.locator('tbody tr', { hasText: '市场监管' }).textContent())!;
    expect(row).toContain('不完整');
    expect(row).toContain(`registration-case-${caseId} 第1版`);
    expect(row).toMatch(/全局位置 \d+/);
    expect((await admin.locator('tbody tr', { hasText: '税务' }).textContent())!).toContain('完整');
    await check(admin, '18-admin-integrity-broken');
    await admin.context().close();
    expect(violations).toEqual([]);
  });
});

/** Asks again every half second until the answer is defined (a checkpoint is signed every few seconds). */
async function eventually<T>(ask: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ask();
    if (answer !== undefined) return answer;
    if (Date.now() > until) throw new Error(`still undefined after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function expectText(page: Page, selector: string, text: string, timeout = 10_000): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout });
}
