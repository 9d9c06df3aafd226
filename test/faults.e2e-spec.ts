import { killableKinds } from './faults/chaos-driver';
import { runFaultSuite } from './faults/run-faults';

// The short seeded form of `npm run test:faults`: each process kind SIGKILLed once while registrations run through
// the gateway. Servers are crashed only when infra started them for this run (GOVFLOW_FAULTS_SERVERS).
describe('fault suite (short, seeded)', () => {
  it('loses, duplicates and strands nothing while each kind of process is killed once', async () => {
    const seed = Number(process.env.FAULT_SEED ?? 20261129);
    const summary = await runFaultSuite({
      cases: 27,
      rounds: 1,
      seed,
      basePort: 4410,
      gapMs: [500, 3000],
      maxDownMs: 1000,
      settleMs: 120_000,
    });
    console.log(JSON.stringify(summary));
    expect(summary).toMatchObject({ cases: 27, lost: 0, duplicated: 0, stuck: 0, verified: true });
    for (const kind of killableKinds()) expect(summary.killsByKind[kind]).toBe(1);
  }, 600_000);
});
