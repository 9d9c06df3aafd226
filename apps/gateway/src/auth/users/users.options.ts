export const USERS_OPTIONS = Symbol('USERS_OPTIONS');

export interface UsersOptions {
  /** Local mode (development, test): create the demo users. Otherwise refuse to start while they exist. */
  seedDemoUsers: boolean;
}
