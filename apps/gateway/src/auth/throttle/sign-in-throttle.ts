import { Inject, Injectable, Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@govflow/platform';

/** Failures allowed before each further one blocks the account or address for a while. */
export const FREE_FAILURES = 5;
const MAX_BLOCK_SECONDS = 15 * 60;

/** The block after the n-th failure in a row: none for the first 5, then 1 s, 2 s, 4 s … up to 15 minutes. */
export function blockSecondsAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_BLOCK_SECONDS);
}

export interface SignInAttempt {
  username: string;
  address: string;
}

const keysOf = ({ username, address }: SignInAttempt) => [`account:${username.toLowerCase()}`, `address:${address}`];

/**
 * Sign-in throttling per account and per client address (ASVS 6.3.1): after 5 failures in a row each further
 * failure blocks the next attempt for an exponentially growing time, kept in `sign_in_failures` so it holds
 * across gateway instances and restarts. A success clears its account's count, not its address's, so signing
 * in to one's own account does not reset a guessing run from the same address. Every block is logged.
 */
@Injectable()
export class SignInThrottle {
  private readonly logger = new Logger('SignIn');

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Seconds until this attempt may be made, 0 when it may be made now. */
  async retryAfter(attempt: SignInAttempt): Promise<number> {
    const { rows } = await this.pool.query<{ wait: number | null }>(
      `SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::int AS wait
         FROM sign_in_failures WHERE key = ANY($1) AND blocked_until > now()`,
      [keysOf(attempt)],
    );
    return Math.max(rows[0]?.wait ?? 0, 0);
  }

  async recordFailure(attempt: SignInAttempt): Promise<void> {
    for (const key of keysOf(attempt)) {
      const { rows } = await this.pool.query<{ failures: number }>(
        `INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET failures = sign_in_failures.failures + 1, last_failure_at = now()
         RETURNING failures`,
        [key],
      );
      const failures = rows[0]!.failures;
      const block = blockSecondsAfter(failures);
      if (block === 0) continue;
      await this.pool.query(
        `UPDATE sign_in_failures SET blocked_until = now() + make_interval(secs => $2) WHERE key = $1`,
        [key, block],
      );
      this.logger.warn(`sign-in blocked for ${block} s: ${failures} failures in a row for ${key}`);
    }
  }

  async recordSuccess(attempt: SignInAttempt): Promise<void> {
    await this.pool.query('DELETE FROM sign_in_failures WHERE key = $1', [keysOf(attempt)[0]]);
  }
}
