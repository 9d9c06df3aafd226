import { Client } from 'pg';
import { servers } from './support/servers';

describe('service databases (real PostgreSQL)', () => {
  it.each(['registration', 'tax', 'science_commission', 'gateway', 'permits'])(
    '%s answers a query',
    async (database) => {
      const client = new Client({ connectionString: servers.databaseUrl(database) });
      await client.connect();
      try {
        const { rows } = await client.query<{ db: string; answer: number }>(
          'SELECT current_database() AS db, 6 * 7 AS answer',
        );
        expect(rows).toEqual([{ db: database, answer: 42 }]);
      } finally {
        await client.end();
      }
    },
  );
});
