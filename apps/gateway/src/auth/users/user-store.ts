import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { type Actor, actorSchema } from '@govflow/auth';
import { PG_POOL } from '@govflow/platform';

interface UserRow {
  id: string;
  username: string;
  role: string;
  department: string | null;
  password_hash: string;
  password_version: number;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Actor['role'];
  department: Actor['department'];
}

/** The gateway's local user accounts (table `users`, see users.migration.ts). */
@Injectable()
export class UserStore {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async findWithPasswordHash(
    username: string,
  ): Promise<{ actor: Actor; passwordHash: string; passwordVersion: number } | undefined> {
    const { rows } = await this.pool.query<UserRow>(
      'SELECT id, username, role, department, password_hash, password_version FROM users WHERE username = $1',
      [username],
    );
    const row = rows[0];
    return row && { actor: toActor(row), passwordHash: row.password_hash, passwordVersion: row.password_version };
  }

  /** Sets a new password and bumps the version every token carries, which revokes all issued before. */
  async changePassword(userId: string, passwordHash: string): Promise<void> {
    await this.pool.query(
      'UPDATE users SET password_hash = $2, password_version = password_version + 1, seeded = false WHERE id = $1',
      [userId, passwordHash],
    );
  }

  /** The user a colleague names by username or by user id. */
  async findByUsernameOrId(usernameOrId: string): Promise<Actor | undefined> {
    const { rows } = await this.pool.query<UserRow>(
      'SELECT id, username, role, department FROM users WHERE username = $1 OR id::text = $1',
      [usernameOrId],
    );
    return rows[0] && toActor(rows[0]);
  }

  async list(): Promise<Actor[]> {
    const { rows } = await this.pool.query<UserRow>(
      'SELECT id, username, role, department FROM users ORDER BY username',
    );
    return rows.map(toActor);
  }

  async usernames(): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ username: string }>('SELECT username FROM users');
    return new Set(rows.map((row) => row.username));
  }

  async seededUsernames(): Promise<string[]> {
    const { rows } = await this.pool.query<{ username: string }>(
      'SELECT username FROM users WHERE seeded ORDER BY username',
    );
    return rows.map((row) => row.username);
  }

  /** Inserts demo users, leaving any that already exist untouched. */
  async insertSeeded(users: NewUser[]): Promise<void> {
    for (const user of users) {
      await this.pool.query(
        `INSERT INTO users (username, password_hash, role, department, seeded) VALUES ($1, $2, $3, $4, true)
         ON CONFLICT (username) DO NOTHING`,
        [user.username, user.passwordHash, user.role, user.department],
      );
    }
  }
}

// A row the code cannot read as an actor (a role renamed by hand, say) is a bug to hear about, not to guess around.
const toActor = (row: UserRow): Actor =>
  actorSchema.parse({ id: row.id, username: row.username, role: row.role, department: row.department });
