import { Client, Pool } from 'pg';
import { servers } from './servers';

export interface TestDatabase {
  name: string;
  url: string;
  pool: Pool;
  /** Ends the pool and drops the database (forcing out any connection left behind). */
  drop(): Promise<void>;
}

/** A throwaway database on the shared server, so tests and benchmarks can run side by side. */
export async function createTestDatabase(prefix: string, poolSize = 20): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = servers.databaseUrl(name);
  const pool = new Pool({ connectionString: url, max: poolSize });
  // pool.end() does not wait for backends to exit; DROP ... (FORCE) may then reach a closing idle client.
  pool.on('error', () => undefined);
  return {
    name,
    url,
    pool,
    async drop() {
      await pool.end();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: servers.databaseUrl('postgres') });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
