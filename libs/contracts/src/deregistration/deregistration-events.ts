import type { Actor } from '../actors';

/**
 * Facts of a simplified deregistration (简易注销, R3) market regulation publishes on `registration.events`
 * (schemaVersion 1, correlated by the deregistration case id).
 */
export const DeregistrationEventType = {
  DeregistrationAnnouncementStarted: 'DeregistrationAnnouncementStarted',
} as const;

/**
 * The public announcement (简易注销公告) has started: tax is told by this event (R3.3, within 1 working day). The
 * period ends at `legalEndsAt` (24:00 Beijing time of its last day); the case's clock (`timeScale`, 1 in production)
 * says when that moment comes on an accelerated local run: `startedAt + (legalEndsAt − startedAt) / timeScale`.
 */
export interface DeregistrationAnnouncementStartedV1 {
  caseId: string;
  creditCode: string;
  enterpriseName: string;
  startedAt: string;
  legalEndsAt: string;
  /** The same end as the documents state it, e.g. `2026-10-10 24:00 北京时间`. */
  endsAtCalendar: string;
  timeScale: number;
  /** The deregistration policy version the case started under. */
  policyVersion: string;
}

/**
 * The enterprise is deregistered (R3.4): its license is revoked, its credit code retired for ever, its name blocked for
 * the cooling-off period; tax closes its record from this event. Published on `registration.events`, schemaVersion 1.
 */
export interface EnterpriseDeregisteredV1 {
  caseId: string;
  creditCode: string;
  enterpriseName: string;
  decidedBy: Actor;
  reason: string;
  deregisteredAt: string;
}
