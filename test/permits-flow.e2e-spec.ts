import { Client, Connection } from '@temporalio/client';
import { permitWorkflowId } from '../workflows/permit/definitions';
import { servers } from './support/servers';
import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { eventually, PortalClient } from './support/portal-client';
import { establishmentApplication } from './support/registration-fixtures';

interface Task {
  taskId: string;
  caseId: string;
  kind: string;
  status: string;
}
interface Permit {
  status: string;
  route: string;
  authority: string;
  catalogueVersion: string;
  steps: { name: string; status: string; due?: { legalDueAt: string; dueAtCalendar?: string } }[];
  validity?: { validUntil: string; lastDay: string };
  spotCheck?: { selected: boolean; sharePercent: number };
}
interface Enterprise {
  creditCode: string;
  name: string;
  notice: string;
  permits: { permitCaseId: string; code: string; nameZh: string; authority: string; route: string; status: string }[];
}
interface ErrorBody {
  errors: { field: string | null; message: string; code?: string }[];
}

const SCALE = 86_400; // a day a second: the 5 working days of the materials notice pass in under 10 seconds

// 先照后证 through the running system (gateway, registration, tax, permits, orchestrator) on the accelerated clock.
describe('permits after the license, end to end (GOVFLOW_TIME_SCALE=86400)', () => {
  let stack: PlatformStack;
  let registrant: PortalClient;
  let regOfficer: PortalClient;
  let foodOfficer: PortalClient;
  let transportOfficer: PortalClient;
  let creditCode: string;

  beforeAll(async () => {
    stack = await startPlatformStack('e2e-permits', 3970, { GOVFLOW_TIME_SCALE: String(SCALE) });
    [registrant, regOfficer, foodOfficer, transportOfficer] = (await Promise.all(
      ['registrant1', 'reg-officer1', 'food-officer1', 'transport-officer1'].map((user) =>
        PortalClient.login(stack.gatewayUrl, user),
      ),
    )) as [PortalClient, PortalClient, PortalClient, PortalClient];
    creditCode = await licensedEnterprise(`许可${process.pid % 1000}`);
  }, 180_000);
  afterAll(async () => {
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
  const decide = async (officer: PortalClient, taskId: string, outcome: string, reason: string) => {
    expect((await officer.post(`/api/tasks/${taskId}/claim`)).status).toBe(200);
    expect((await officer.post(`/api/tasks/${taskId}/decision`, { outcome, reason })).status).toBe(200);
  };
  const permitReaches = (permitCaseId: string, status: string, timeoutMs = 30_000) =>
    eventually(
      `permit ${permitCaseId} ${status}`,
      async () => {
        const { body } = await registrant.get<Permit>(`/api/permits/${permitCaseId}`);
        return body.status === status ? body : undefined;
      },
      timeoutMs,
    );
  async function licensedEnterprise(tradeName: string): Promise<string> {
    const scope = ['技术开发', '餐饮服务', '道路普通货物运输'];
    const registered = await registrant.post<{ caseId: string }>(
      '/api/registrations',
      establishmentApplication(tradeName, scope),
    );
    expect(registered.status).toBe(202);
    const review = await taskOf(regOfficer, registered.body.caseId, 'registration-review');
    await decide(regOfficer, review.taskId, 'approve', 'materials complete');
    const license = await eventually(`the license of ${tradeName}`, async () => {
      const { body } = await registrant.get<{ status: string; license?: { creditCode: string } }>(
        `/api/registrations/${registered.body.caseId}`,
      );
      return body.status === 'completed' ? body.license : undefined;
    });
    return license.creditCode;
  }
  const apply = (body: object, key: string) =>
    registrant.post<{ permitCaseId: string } & ErrorBody>('/api/permits', body, { 'Idempotency-Key': key });

  it('runs the standard route to the grant, the application deemed accepted when no notice came in 5 working days', async () => {
    const enterprise = await eventually('the enterprise in the directory', async () => {
      const { status, body } = await registrant.get<Enterprise>(`/api/enterprises/${creditCode}`);
      return status === 200 ? body : undefined;
    });
    expect(enterprise).toMatchObject({ creditCode, permits: [] });
    expect(enterprise.notice).toContain('不得从事');

    const stranger = await PortalClient.login(stack.gatewayUrl, 'registrant2');
    expect((await stranger.get(`/api/enterprises/${creditCode}`)).status).toBe(404);
    const notTheirs = await stranger.post('/api/permits', {
      creditCode,
      permitCode: 'food-business-permit',
      route: 'standard',
    });
    expect(notTheirs.status).toBe(403);
    expect((await foodOfficer.get(`/api/enterprises/${creditCode}`)).status).toBe(200);

    const bad = await apply({ creditCode, permitCode: 'food-business-permit', route: 'fast' }, `bad-${creditCode}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['route']);

    const body = {
      creditCode,
      permitCode: 'food-business-permit',
      route: 'standard',
      materials: { applicationForm: 'a.pdf' },
    };
    const applied = await apply(body, `food-${creditCode}`);
    expect(applied.status).toBe(202);
    const repeated = await apply(body, `food-${creditCode}`);
    expect(repeated.body.permitCaseId).toBe(applied.body.permitCaseId);
    const twice = await apply(body, `food-again-${creditCode}`);
    expect([twice.status, twice.body.errors[0]?.code]).toEqual([409, 'PermitCaseOpen']);

    const id = applied.body.permitCaseId;
    const materials = await taskOf(foodOfficer, id, 'permit-materials');
    const others = (await transportOfficer.get<Task[]>('/api/tasks?status=open')).body;
    expect(others.some((task) => task.caseId === id)).toBe(false); // only the competent authority's inbox
    expect(materials.status).toBe('open');

    // No notice: after 5 working days (seconds here) the application counts as accepted and the review opens.
    const review = await taskOf(foodOfficer, id, 'permit-review', 30_000);
    const underReview = await permitReaches(id, 'under-review');
    expect(underReview.steps.find((s) => s.name === 'materials')?.status).toBe('deemed-accepted');
    await decide(foodOfficer, review.taskId, 'approve', '经审查符合条件');
    const granted = await permitReaches(id, 'granted');
    expect(granted).toMatchObject({
      route: 'standard',
      authority: 'market-regulation',
      catalogueVersion: 'catalogue-v2',
    });
    expect(granted.validity?.lastDay).toMatch(/^20(3[01])-/);

    const shown = await eventually('the grant on the enterprise page', async () => {
      const { body: view } = await registrant.get<Enterprise>(`/api/enterprises/${creditCode}`);
      return view.permits.find((p) => p.permitCaseId === id && p.status === 'granted');
    });
    expect(shown).toMatchObject({ code: 'food-business-permit', nameZh: '食品经营许可', route: 'standard' });
  }, 120_000);

  it('grants the 告知承诺 route at once, in parallel with a standard case at another authority', async () => {
    const conditions = 'road-freight-commitment-2026-11';
    const wrongVersion = await apply(
      {
        creditCode,
        permitCode: 'road-freight-permit',
        route: 'commitment',
        commitment: { conditionsVersion: 'old', accepted: true },
      },
      `freight-old-${creditCode}`,
    );
    expect([wrongVersion.status, wrongVersion.body.errors[0]?.field]).toEqual([400, 'commitment.conditionsVersion']);

    const [committed, notOffered] = await Promise.all([
      apply(
        {
          creditCode,
          permitCode: 'road-freight-permit',
          route: 'commitment',
          commitment: { conditionsVersion: conditions, accepted: true },
        },
        `freight-${creditCode}`,
      ),
      apply({ creditCode, permitCode: 'road-freight-permit', route: 'filing' }, `freight-filing-${creditCode}`),
    ]);
    expect([notOffered.status, notOffered.body.errors[0]?.code]).toEqual([409, 'RouteNotOffered']);
    expect(committed.status).toBe(202);
    const granted = await permitReaches(committed.body.permitCaseId, 'granted', 5_000);
    expect(granted).toMatchObject({ route: 'commitment', authority: 'transport', spotCheck: { sharePercent: 20 } });

    const view = await eventually('both permits on the enterprise page', async () => {
      const { body } = await registrant.get<Enterprise>(`/api/enterprises/${creditCode}`);
      return body.permits.length === 2 && body.permits.every((p) => p.status === 'granted') ? body : undefined;
    });
    expect(view.permits.map((p) => [p.code, p.authority, p.route]).sort()).toEqual([
      ['food-business-permit', 'market-regulation', 'standard'],
      ['road-freight-permit', 'transport', 'commitment'],
    ]);
  }, 60_000);
  it('refuses a standard application on review, and the permit case closes (its workflow completes)', async () => {
    const refusedCode = await licensedEnterprise(`驳回${process.pid % 1000}`);
    await eventually('the second enterprise in the directory', async () => {
      const { status } = await registrant.get(`/api/enterprises/${refusedCode}`);
      return status === 200 ? true : undefined;
    });
    const applied = await apply(
      {
        creditCode: refusedCode,
        permitCode: 'food-business-permit',
        route: 'standard',
        materials: { applicationForm: 'a.pdf' },
      },
      `food-refused-${refusedCode}`,
    );
    expect(applied.status).toBe(202);
    const id = applied.body.permitCaseId;
    const review = await taskOf(foodOfficer, id, 'permit-review', 30_000);
    await decide(foodOfficer, review.taskId, 'reject', '经营场所不符合食品安全要求');
    const refused = await permitReaches(id, 'refused');
    expect(refused.validity).toBeUndefined();
    const connection = await Connection.connect({ address: servers.temporalAddress });
    try {
      const handle = new Client({ connection, namespace: stack.namespace }).workflow.getHandle(permitWorkflowId(id));
      const closed = await eventually('the permit workflow completed', async () => {
        const description = await handle.describe();
        return description.status.name === 'COMPLETED' ? description : undefined;
      });
      expect(closed.type).toBe('permitWorkflow');
    } finally {
      await connection.close();
    }
  }, 90_000);
});
