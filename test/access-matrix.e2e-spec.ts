import { roles } from '@govflow/contracts';
import { signedClientAddress } from '../apps/gateway/src/auth/throttle/client-address';
import { DEVELOPMENT_SIGNING_SECRET } from '../apps/gateway/src/config/env.schema';
import { accessMatrix, type AccessRow, type Caller, callers, type Outcome } from './access/access-matrix';
import { operationsOf } from './fuzz/openapi-operations';
import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { eventually } from './support/portal-client';
import { establishmentApplication, tradeName } from './support/registration-fixtures';

jest.setTimeout(300_000);

const officerOf = {
  'market-regulation': 'reg-officer1',
  tax: 'tax-officer1',
  'science-commission': 'sci-officer1',
  finance: 'fin-officer1',
  permits: 'food-officer1',
};
const NOBODYS_CREDIT_CODE = '91110108MA01234567';
const NOBODYS_CASE_ID = '00000000-0000-4000-8000-000000000000';

/** Who plays each caller for a row; undefined for anonymous and for callers that are not roles yet. */
function usernameOf(caller: Caller, row: AccessRow): string | undefined {
  switch (caller) {
    case 'owner':
      return 'registrant1';
    case 'otherRegistrant':
      return 'registrant2';
    case 'rightOfficer':
      return officerOf[row.dept];
    case 'wrongOfficer':
      return row.dept === 'permits' ? 'transport-officer1' : row.dept === 'tax' ? 'reg-officer1' : 'tax-officer1';
    case 'inspector':
      return 'inspector1';
    case 'finance':
      return 'fin-officer1';
    case 'expert':
      return 'expert1';
    case 'provider':
      return 'provider1';
    case 'admin':
      return 'admin';
    default:
      return undefined;
  }
}

const classOf = (status: number): Outcome | 'error' =>
  status >= 500 ? 'error' : status === 401 || status === 403 || status === 404 ? status : 'ok';

describe('the access matrix (test/access/access-matrix.ts), every cell through HTTP', () => {
  let stack: PlatformStack;
  let address = 0;
  const tokens = new Map<string, string>();
  const fixtures: Record<string, string> = {
    creditCode: NOBODYS_CREDIT_CODE,
    permitCaseId: NOBODYS_CASE_ID,
    voucherId: NOBODYS_CASE_ID,
  };

  const signIn = async (username: string) => {
    const response = await fetch(`${stack.gatewayUrl}/api/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-govflow-client-address': signedClientAddress(`192.0.2.${address++ % 250}`, DEVELOPMENT_SIGNING_SECRET),
      },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    if (!response.ok) throw new Error(`${username} cannot sign in: ${response.status}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  };
  const tokenOf = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await signIn(username));
    return tokens.get(username)!;
  };
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${stack.gatewayUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    // Streams (server-sent events) answer with their status at once and never end.
    const text = response.headers.get('content-type')?.startsWith('text/event-stream')
      ? (await response.body?.cancel(), '')
      : await response.text();
    return { status: response.status, text };
  };

  beforeAll(async () => {
    stack = await startPlatformStack('access', 4010);
    const owner = await tokenOf('registrant1');
    const filed = await call(
      'POST',
      '/api/registrations',
      owner,
      establishmentApplication(tradeName(Date.now() % 10_000)),
    );
    expect(filed.status).toBe(202);
    fixtures.caseId = (JSON.parse(filed.text) as { caseId: string }).caseId;
    const officer = await tokenOf('reg-officer1');
    fixtures.taskId = await eventually('the review task of the case', async () => {
      const { text } = await call('GET', '/api/tasks?status=open', officer);
      return (JSON.parse(text) as { taskId: string; caseId: string }[]).find((t) => t.caseId === fixtures.caseId)
        ?.taskId;
    });
    fixtures.eventId = await eventually('an audited event of the case', async () => {
      const { text } = await call('GET', `/api/audit/cases/${fixtures.caseId}/events`, await tokenOf('admin'));
      return (JSON.parse(text) as { eventId: string }[])[0]?.eventId;
    });
    const { text } = await call('GET', '/api/admin/read-models', await tokenOf('admin'));
    fixtures.readModel = (JSON.parse(text) as { readModel?: string; name?: string }[]).map(
      (m) => m.readModel ?? m.name,
    )[0]!;
  });
  afterAll(() => stack?.stop());

  it('has a row for every operation of the OpenAPI document, and none for an operation that is gone', async () => {
    const document = (await (await fetch(`${stack.gatewayUrl}/api/docs-json`)).json()) as Parameters<
      typeof operationsOf
    >[0];
    const documented = operationsOf(document)
      .map((operation) => operation.id)
      .sort();
    expect(documented.filter((id) => !accessMatrix[id])).toEqual([]);
    expect(Object.keys(accessMatrix).filter((id) => !documented.includes(id) && id !== 'GET /health')).toEqual([]);
  });

  it("has 'n/a' only for callers that are not roles of the system", () => {
    const notRoles = callers.filter((caller) => Object.values(accessMatrix).some((row) => row.cells[caller] === 'n/a'));
    expect(notRoles).toEqual([]);
    expect(roles).toContain('provider'); // the voucher's service provider, a role since innovation vouchers
  });

  it('gives every caller what the matrix says, for every endpoint', async () => {
    const differences: string[] = [];
    for (const [id, row] of Object.entries(accessMatrix)) {
      const [method, template] = id.split(' ') as [string, string];
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(fixtures[name] ?? 'x'));
      for (const caller of callers) {
        const expected = row.cells[caller];
        if (expected === 'n/a') continue;
        const username = usernameOf(caller, row);
        if (caller !== 'anonymous' && !username) throw new Error(`no user plays ${caller}`);
        const token = username ? (row.spendsToken ? await signIn(username) : await tokenOf(username)) : undefined;
        const answer = await call(
          method,
          `${path}${row.query ? `?${row.query}` : ''}`,
          token,
          method === 'GET' ? undefined : (row.body ?? {}),
        );
        const got = classOf(answer.status);
        if (got !== expected)
          differences.push(
            `${id} as ${caller} (${username ?? '-'}): expected ${expected}, got ${answer.status} ${answer.text.slice(0, 160)}`,
          );
      }
    }
    expect(differences).toEqual([]);
  });
});
