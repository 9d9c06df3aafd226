// PostgreSQL SQLSTATEs that say the server is down, starting or stopping, not that the request is wrong: class 08
// (connection exception) and 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now: "the database system
// is starting up").
const unavailableStates = /^(08...|57P0[123])$/;
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/**
 * True for an error that means a server the gateway depends on (its database) cannot be reached right now: the
 * request may well succeed when retried, so the client is told 503, not 500 (a fault of ours).
 */
export function isDependencyUnavailable(error: unknown): boolean {
  // Duck-typed: errors from Node's sockets need not be instances of this realm's Error.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (unavailableStates.test(code) || unreachableCodes.has(code))) return true;
  // node-postgres ends a query whose connection dropped with this plain Error, without a code.
  return (
    typeof message === 'string' && /^Connection terminated( unexpectedly| due to connection timeout)?$/.test(message)
  );
}
