// npm run bench:registration — the 三证合一 slice under load through the real stack, with automated officers.
// Prints, last, one JSON line: {registrationsPerSec, approvalToTaxRecordP50Ms, approvalToTaxRecordP99Ms}.
import { startPlatformStack } from '../test/support/platform-stack';
import { eventually, PortalClient } from '../test/support/portal-client';
import { establishmentApplication, tradeName } from '../test/support/registration-fixtures';

const total = Number(process.env.BENCH_REGISTRATIONS ?? 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);

interface CaseView {
  status: string;
  taxRecord?: { openedAt: string };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function main() {
  const stack = await startPlatformStack('bench-registration', 3960);
  try {
    const base = stack.gatewayUrl;
    const registrants = await Promise.all(['registrant1', 'registrant2'].map((u) => PortalClient.login(base, u)));
    const officers = await Promise.all(['reg-officer1', 'reg-officer2'].map((u) => PortalClient.login(base, u)));
    const approvedAt = new Map<string, number>();
    const ownerOf = new Map<string, PortalClient>();
    let stop = false;

    // Each officer takes the tasks whose id hashes to them: claim, then approve.
    const officerLoops = officers.map(async (officer, index) => {
      const busy = new Set<string>();
      while (!stop) {
        const { body: tasks } =
          await officer.get<{ taskId: string; caseId: string; assignee: string | null }[]>('/api/tasks?status=open');
        const mine = tasks.filter((t) => !busy.has(t.taskId) && hash(t.taskId) % officers.length === index);
        await Promise.all(
          mine.map(async (task) => {
            busy.add(task.taskId);
            await officer.post(`/api/tasks/${task.taskId}/claim`);
            const sent = Date.now();
            const decision = await officer.post(`/api/tasks/${task.taskId}/decision`, {
              outcome: 'approve',
              reason: 'complete',
            });
            if (decision.status === 200) approvedAt.set(task.caseId, sent);
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    });

    const started = Date.now();
    let next = 0;
    const submitters = Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const registrant = registrants[i % registrants.length]!;
        const { status, body } = await registrant.post<{ caseId: string }>(
          '/api/registrations',
          establishmentApplication(tradeName(i + 1000)),
        );
        if (status !== 202) throw new Error(`submit ${i}: ${status} ${JSON.stringify(body)}`);
        ownerOf.set(body.caseId, registrant);
      }
    });
    await Promise.all(submitters);

    const latencies: number[] = [];
    const done = new Set<string>();
    await eventually(
      `all ${total} registrations completed`,
      async () => {
        for (const registrant of registrants) {
          const { body: cases } = await registrant.get<{ caseId: string; status: string }[]>('/api/registrations');
          for (const summary of cases.filter(
            (c) => c.status === 'completed' && ownerOf.has(c.caseId) && !done.has(c.caseId),
          )) {
            const { body } = await registrant.get<CaseView>(`/api/registrations/${summary.caseId}`);
            done.add(summary.caseId);
            latencies.push(Date.parse(body.taxRecord!.openedAt) - approvedAt.get(summary.caseId)!);
          }
        }
        return done.size === total ? true : undefined;
      },
      600_000,
    );
    const seconds = (Date.now() - started) / 1000;
    stop = true;
    await Promise.all(officerLoops);

    latencies.sort((a, b) => a - b);
    const result = {
      registrationsPerSec: Number((total / seconds).toFixed(1)),
      approvalToTaxRecordP50Ms: percentile(latencies, 50),
      approvalToTaxRecordP99Ms: percentile(latencies, 99),
    };
    console.error(`${total} registrations, concurrency ${concurrency}, ${seconds.toFixed(1)} s`);
    console.log(JSON.stringify(result));
  } finally {
    await stack.stop();
  }
}

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) >>> 0;
  return h;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
