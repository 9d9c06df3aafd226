// npm run bench:registration — the 三证合一 slice through the real stack, driven by registrants and automated
// officers. Prints, last, one JSON line: registrationsPerSec and approval → tax record latency under load, and the
// same latency one registration at a time (…Unloaded), so queueing and the pipeline's own latency can be told apart.
import { startPlatformStack } from '../../test/support/platform-stack';
import { eventually, PortalClient } from '../../test/support/portal-client';
import { establishmentApplication, tradeName } from '../../test/support/registration-fixtures';
import { startAutomatedOfficers } from './automated-officers';

const total = Number(process.env.BENCH_REGISTRATIONS ?? 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);
const unloadedCount = 10;

interface CaseView {
  status: string;
  taxRecord?: { openedAt: string };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const rounded = (ms: number) => Math.round(ms);

async function main() {
  const stack = await startPlatformStack('bench-registration', 3960);
  const login = (user: string) => PortalClient.login(stack.gatewayUrl, user);
  const registrants = await Promise.all(['registrant1', 'registrant2'].map(login));
  const officers = startAutomatedOfficers(await Promise.all(['reg-officer1', 'reg-officer2'].map(login)));
  let nameIndex = 1000;

  // Submits `count` registrations, `parallel` at a time, and waits until every one is completed.
  async function phase(count: number, parallel: number) {
    const owners = new Map<string, PortalClient>();
    const started = Date.now();
    let submitted = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (submitted < count) {
          submitted++;
          const registrant = registrants[submitted % registrants.length]!;
          const application = establishmentApplication(tradeName(nameIndex++));
          const { status, body } = await registrant.post<{ caseId: string }>('/api/registrations', application);
          if (status !== 202) throw new Error(`submit: ${status} ${JSON.stringify(body)}`);
          owners.set(body.caseId, registrant);
          if (parallel === 1) await completed(body.caseId, registrant);
        }
      }),
    );
    const latencies = await Promise.all([...owners].map(([caseId, owner]) => completed(caseId, owner)));
    return { seconds: (Date.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
  }

  // Approval sent → tax record opened (by the tax service's clock, on the same machine).
  async function completed(caseId: string, owner: PortalClient): Promise<number> {
    const done = await eventually(
      `case ${caseId} completed`,
      async () => {
        const { body } = await owner.get<CaseView>(`/api/registrations/${caseId}`);
        return body.status === 'completed' ? body : undefined;
      },
      600_000,
      250,
    );
    return Date.parse(done.taxRecord!.openedAt) - officers.approvalSentAt.get(caseId)!;
  }

  try {
    await phase(3, 1); // warm-up: connections, JIT, workflow bundle caches
    const unloaded = await phase(unloadedCount, 1);
    const loaded = await phase(total, concurrency);
    console.error(`${total} registrations, ${concurrency} at a time, completed in ${loaded.seconds.toFixed(1)} s`);
    console.log(
      JSON.stringify({
        registrationsPerSec: Number((total / loaded.seconds).toFixed(1)),
        approvalToTaxRecordP50Ms: rounded(percentile(loaded.latencies, 50)),
        approvalToTaxRecordP99Ms: rounded(percentile(loaded.latencies, 99)),
        approvalToTaxRecordP50MsUnloaded: rounded(percentile(unloaded.latencies, 50)),
        approvalToTaxRecordP99MsUnloaded: rounded(percentile(unloaded.latencies, 99)),
      }),
    );
  } finally {
    await officers.stop();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
