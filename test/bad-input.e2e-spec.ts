import { appendFileSync, writeFileSync } from 'node:fs';
import { DEMO_USERS } from '../apps/gateway/src/auth/users/demo-users';
import { signedClientAddress } from '../apps/gateway/src/auth/throttle/client-address';
import { DEVELOPMENT_SIGNING_SECRET } from '../apps/gateway/src/config/env.schema';
import { runBadInput } from './fuzz/run-bad-input';
import { scanLogs } from './fuzz/log-scan';
import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { establishmentApplication, tradeName } from './support/registration-fixtures';

// `npm test` runs a short seeded run; `npm run test:fuzz` the full one (GOVFLOW_FUZZ_REQUESTS=10000).
const REQUESTS = Number(process.env.GOVFLOW_FUZZ_REQUESTS ?? 600);
const TRACE = process.env.GOVFLOW_FUZZ_TRACE;
// Where npm run test:fuzz reads the report from, to print it as its last line.
const REPORT = process.env.GOVFLOW_FUZZ_REPORT;
const SEED = Number(process.env.GOVFLOW_FUZZ_SEED ?? Date.now() % 2 ** 31);
jest.setTimeout(120_000 + REQUESTS * 300);

describe('generated bad input over the whole API (from its OpenAPI document)', () => {
  let stack: PlatformStack;
  let address = 0;

  beforeAll(async () => {
    stack = await startPlatformStack('fuzz', 4500);
  });
  afterAll(() => stack?.stop());

  // Each helper sign-in comes from an address of its own (signed as the portal would), so the suite's own
  // failed sign-ins, which throttle 127.0.0.1, never lock the suite out.
  const tokenOf = async (username: string) => {
    const response = await fetch(`${stack.gatewayUrl}/api/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-govflow-client-address': signedClientAddress(`198.51.100.${address++ % 250}`, DEVELOPMENT_SIGNING_SECRET),
      },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    if (!response.ok) throw new Error(`${username} cannot sign in: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  };

  it('answers every request below 500, in the error shape naming the field, and changes nothing it refuses', async () => {
    // One accepted application first, so the logs hold what a real case writes (and the scan below means something).
    const registrant = await tokenOf('registrant1');
    const filed = await fetch(`${stack.gatewayUrl}/api/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${registrant}` },
      body: JSON.stringify(establishmentApplication(tradeName(SEED % 10_000))),
    });
    if (filed.status !== 202)
      throw new Error(`${filed.status} ${await filed.text()}\n${stack.outputs().gateway?.slice(-3000)}`);

    const { report, findings } = await runBadInput({
      baseUrl: stack.gatewayUrl,
      databaseUrls: Object.values(stack.databaseUrls),
      requests: REQUESTS,
      seed: SEED,
      tokenOf,
      usernames: DEMO_USERS.map((user) => user.username),
      trace: TRACE ? (line) => appendFileSync(TRACE, `${line}\n`) : undefined,
    });
    const leaks = scanLogs(stack.outputs());
    process.stdout.write(`${findings.map((f) => JSON.stringify(f)).join('\n')}\n`);
    process.stdout.write(`${leaks.map((l) => JSON.stringify(l)).join('\n')}\n`);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    if (REPORT) writeFileSync(REPORT, JSON.stringify(report));
    expect(report.requests).toBeGreaterThanOrEqual(REQUESTS);
    expect(findings).toEqual([]);
    expect(leaks).toEqual([]);
  });
});
