import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { hashPassword } from '@govflow/auth';
import { InvalidConfiguration } from '@govflow/config';
import { PG_POOL } from '@govflow/platform';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { USERS_OPTIONS, type UsersOptions } from './users.options';
import { UserStore } from './user-store';
import { migrateUsersTable } from './users.migration';

/**
 * At boot: creates the users table, then seeds the demo users in local mode, or, in production, refuses to
 * start while any seeded user (whose password is public) is still there.
 */
@Injectable()
export class LocalUsersInitializer implements OnModuleInit {
  private readonly logger = new Logger('Users');

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly users: UserStore,
    @Inject(USERS_OPTIONS) private readonly options: UsersOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrateUsersTable(this.pool);
    if (this.options.seedDemoUsers) await this.seedDemoUsers();
    else await this.refuseSeededUsers();
  }

  private async seedDemoUsers(): Promise<void> {
    const existing = await this.users.usernames();
    const missing = DEMO_USERS.filter((user) => !existing.has(user.username));
    if (missing.length === 0) return;
    const hashed = await Promise.all(
      missing.map(async (user) => ({ ...user, passwordHash: await hashPassword(DEMO_PASSWORD) })),
    );
    await this.users.insertSeeded(hashed);
    this.logger.log(`seeded demo users ${missing.map((u) => u.username).join(', ')} (their password is in the README)`);
  }

  private async refuseSeededUsers(): Promise<void> {
    const seeded = await this.users.seededUsernames();
    if (seeded.length === 0) return;
    throw new InvalidConfiguration([
      {
        variable: 'DATABASE_URL',
        message:
          `the users table holds ${seeded.length} seeded demo user(s) with a public password (${seeded.join(', ')}); ` +
          'a production gateway refuses to start until they are deleted (DELETE FROM users WHERE seeded)',
      },
    ]);
  }
}
