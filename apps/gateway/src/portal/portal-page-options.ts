export const PORTAL_PAGE_OPTIONS = Symbol('PORTAL_PAGE_OPTIONS');

export interface PortalPageOptions {
  /** Shown on the sign-in page in local mode only: their password is the well-known `demo`. */
  demoUsers: readonly { username: string; role: string }[];
}
