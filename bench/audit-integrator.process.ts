// The audit integrator alone in a process of its own, for bench/audit.ts: runs until SIGTERM.
import { Pool } from 'pg';
import { AuditIntegrator, generateSigningKey } from '@govflow/event-store';

const pool = new Pool({ connectionString: process.argv[2], max: 2 });
const origin = 'govflow.bench/audit';
const integrator = new AuditIntegrator(pool, {
  origin,
  signer: { name: origin, privateKey: generateSigningKey() },
  idlePollMs: 50,
});
integrator.start();
process.stdout.write('started\n');
process.on('SIGTERM', () => {
  void integrator
    .stop()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
