export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  signingSecret: string;
  tokenTtlSeconds: number;
  /** Routes of controllers declared under this path need a bearer token (default `api`). */
  protectedPath?: string;
}
