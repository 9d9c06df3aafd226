import { Client, DatabaseError } from 'pg';
import { isDependencyUnavailable } from './dependency-unavailable';
import { toApiError } from './to-api-error';

// Found by the fault suite: while PostgreSQL restarted after a crash, GET /api/tasks answered 500 ("the database
// system is starting up", ECONNREFUSED), as if the gateway were broken; it is a 503 the client may retry.
describe(isDependencyUnavailable.name, () => {
  const pgError = (code: string, message: string) => Object.assign(new DatabaseError(message, 0, 'error'), { code });

  it('answers 503 when the database refuses the connection', async () => {
    const client = new Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 2000 });
    const refused = await client.connect().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(toApiError(refused)).toEqual({
      status: 503,
      body: { errors: [{ field: null, message: 'temporarily unavailable; try again' }] },
    });
  });

  it.each([
    ['57P03', 'the database system is starting up'],
    ['57P03', 'the database system is not yet accepting connections'],
    ['57P01', 'terminating connection due to administrator command'],
    ['08006', 'connection failure'],
  ])('answers 503 for SQLSTATE %s (%s)', (code, message) => {
    expect(toApiError(pgError(code, message)).status).toBe(503);
  });

  it('answers 503 for a query whose connection dropped', () => {
    expect(toApiError(new Error('Connection terminated unexpectedly')).status).toBe(503);
  });

  it('keeps 500 for what is our fault: a bad query, a constraint, an unexpected error', () => {
    expect(toApiError(pgError('42P01', 'relation "nope" does not exist')).status).toBe(500);
    expect(toApiError(pgError('23505', 'duplicate key value violates unique constraint')).status).toBe(500);
    expect(toApiError(new TypeError('Cannot read properties of undefined')).status).toBe(500);
  });
});
