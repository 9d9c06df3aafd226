import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import type { TokenRevocations, VerifiedAccessToken } from '@govflow/auth';
import { PG_POOL } from '@govflow/platform';
import { migrateUsersTable } from '../users/users.migration';

const REFRESH_MS = 2_000;

/**
 * Revoked tokens and password versions, kept in memory so every token check stays synchronous, and in step
 * with the `revoked_tokens` and `users` tables: this gateway's own revocations apply at once, another
 * instance's within REFRESH_MS. A token whose user is unknown here (deleted) is refused.
 */
@Injectable()
export class TokenRevocationStore implements TokenRevocations, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Auth');
  private revoked = new Set<string>();
  private passwordVersions = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await migrateUsersTable(this.pool);
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) => this.logger.warn(`could not refresh revocations: ${String(error)}`));
    }, REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  isRevoked(token: VerifiedAccessToken): boolean {
    const current = this.passwordVersions.get(token.actor.id);
    return this.revoked.has(token.tokenId) || current === undefined || current !== token.passwordVersion;
  }

  async revoke(token: VerifiedAccessToken): Promise<void> {
    await this.pool.query(
      `INSERT INTO revoked_tokens (token_id, user_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [token.tokenId, token.actor.id, token.expiresAt],
    );
    this.revoked.add(token.tokenId);
  }

  /** At sign-in: the version just read with the password, so a user seeded since the last refresh is known. */
  noteVersion(userId: string, passwordVersion: number): void {
    this.passwordVersions.set(userId, passwordVersion);
  }

  /** After a password change (or a new user): what this instance knows of the user's version, at once. */
  async refreshUser(userId: string): Promise<void> {
    const { rows } = await this.pool.query<{ password_version: number }>(
      'SELECT password_version FROM users WHERE id = $1',
      [userId],
    );
    if (rows[0]) this.passwordVersions.set(userId, rows[0].password_version);
    else this.passwordVersions.delete(userId);
  }

  private async refresh(): Promise<void> {
    const [revoked, users] = await Promise.all([
      this.pool.query<{ token_id: string }>('SELECT token_id FROM revoked_tokens WHERE expires_at > now()'),
      this.pool.query<{ id: string; password_version: number }>('SELECT id, password_version FROM users'),
    ]);
    this.revoked = new Set(revoked.rows.map((row) => row.token_id));
    this.passwordVersions = new Map(users.rows.map((row) => [row.id, row.password_version]));
  }
}
