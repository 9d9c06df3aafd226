import { Injectable } from '@nestjs/common';
import { type Actor, hashPassword, verifyPassword } from '@govflow/auth';
import { UserStore } from '../users/user-store';

export interface VerifiedUser {
  actor: Actor;
  passwordVersion: number;
}

/** Checks a username and password against the users table. */
@Injectable()
export class Credentials {
  // An unknown username still costs one scrypt, so response time does not reveal which usernames exist.
  private readonly decoyHash = hashPassword('decoy password for unknown usernames');

  constructor(private readonly users: UserStore) {}

  async verify(username: string, password: string): Promise<VerifiedUser | undefined> {
    const user = await this.users.findWithPasswordHash(username);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await this.decoyHash));
    return user && matches ? { actor: user.actor, passwordVersion: user.passwordVersion } : undefined;
  }
}
