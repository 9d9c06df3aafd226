import type { Logger } from '@nestjs/common';

const RETRY_MS = 2000;

/**
 * Starts something that needs a server (a Kafka consumer, a relay) and retries until the server answers, so a
 * service that boots before Kafka reports itself unhealthy instead of crashing. Resolves undefined if `givenUp`
 * turns true first (the service is shutting down).
 */
export async function startWhenReachable<T>(
  what: string,
  start: () => Promise<T>,
  givenUp: () => boolean,
  logger: Logger,
): Promise<T | undefined> {
  while (!givenUp()) {
    try {
      return await start();
    } catch (error) {
      logger.warn(`${what} not started: ${(error as Error).message}; retrying in ${RETRY_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  return undefined;
}
