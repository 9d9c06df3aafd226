import { Pool } from 'pg';

// Written on refused requests on purpose: failed sign-ins are counted for throttling, revoked tokens are kept.
const BOOKKEEPING = new Set(['sign_in_failures', 'revoked_tokens']);

/** Row counts of every table of the stack's databases: what a refused request must leave as it was. */
export class StateFingerprint {
  private readonly pools: Pool[];
  private tables?: { pool: Pool; name: string }[];

  constructor(databaseUrls: string[]) {
    this.pools = databaseUrls.map((connectionString) => new Pool({ connectionString, max: 1 }));
  }

  async take(): Promise<string> {
    this.tables ??= (
      await Promise.all(
        this.pools.map(async (pool) => {
          const { rows } = await pool.query<{ name: string }>(
            `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
              WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
          );
          return rows
            .filter((row) => !BOOKKEEPING.has(row.name.split('.')[1]!))
            .map((row) => ({ pool, name: row.name }));
        }),
      )
    ).flat();
    const counts = await Promise.all(
      this.pools.map(async (pool) => {
        const mine = this.tables!.filter((table) => table.pool === pool);
        if (mine.length === 0) return '';
        const { rows } = await pool.query<Record<string, string>>(
          `SELECT ${mine.map((table, i) => `(SELECT count(*) FROM ${table.name}) AS c${i}`).join(', ')}`,
        );
        return mine.map((table, i) => `${table.name}=${rows[0]![`c${i}`]}`).join(',');
      }),
    );
    return counts.join(';');
  }

  async close(): Promise<void> {
    await Promise.all(this.pools.map((pool) => pool.end()));
  }
}
