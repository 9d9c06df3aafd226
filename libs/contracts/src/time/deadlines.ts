/** A period as policy documents state it: "20 days", "2 months", "5 years", "3 working days". One unit each. */
export type PolicyPeriod =
  | { readonly days: number }
  | { readonly months: number }
  | { readonly years: number }
  | { readonly workingDays: number };

/** What a workflow asks: the deadline of `period` started at `from` (ISO 8601, workflow time), on its case's clock. */
export interface DeadlineRequest {
  period: PolicyPeriod;
  from: string;
  /** The case's clock: 1 is real time; N > 1 (local runs only) makes the timer N times shorter. */
  timeScale: number;
}

/** A resolved deadline: the real one by the calendar, and the instant the case's timer fires for it. */
export interface Deadline {
  period: PolicyPeriod;
  from: string;
  /** ISO 8601 instant: 24:00 Beijing time of the period's last day (Civil Code counting, working-day calendar). */
  legalDueAt: string;
  /** The same deadline as the documents state it, e.g. `2026-10-10 24:00 北京时间`. */
  dueAtCalendar: string;
  /** ISO 8601 instant the timer fires: `legalDueAt` at scale 1, else `from + (legalDueAt − from) / timeScale`. */
  dueAt: string;
  timeScale: number;
  /**
   * Present (true) when the counting touched a year whose notice is not yet published, counted on the statutory days
   * off alone: the deadline may change once the notice is in the calendar. Absent in deadlines resolved before.
   */
  provisional?: true;
  /** With `provisional`: why, in Chinese, e.g. "按法定节假日暂算…2027年放假安排公布后以通知为准". */
  calendarBasis?: string;
}

/**
 * Registered by the orchestrator's worker (libs/policy implements it) and called by workflows as a local activity,
 * so the calendar data never runs inside workflow code and each answer is recorded in the case's history.
 */
export interface DeadlineActivities {
  resolveDeadline(request: DeadlineRequest): Promise<Deadline>;
  resolveValidity(request: ValidityRequest): Promise<Validity>;
  /** Fails (and the case waits, retrying) while the calendar does not cover a year the counting runs through. */
  resolveReminder(request: ReminderRequest): Promise<Reminder>;
}

/** A permit's validity from its grant: a calendar period (no working-day moving), ending at 24:00 of its last day. */
export interface ValidityRequest {
  period: PolicyPeriod;
  from: string;
}

export interface Validity {
  /** The last day the permit is valid, Beijing calendar date, e.g. `2031-11-28`. */
  lastDay: string;
  /** ISO 8601 instant: 24:00 Beijing time of `lastDay`; the permit has expired from then. */
  validUntil: string;
}

/** When a reminder `workingDays` ahead of `lastDay` falls: 00:00 Beijing time of that working day. */
export interface ReminderRequest {
  lastDay: string;
  workingDays: number;
}

export interface Reminder {
  day: string;
  /** ISO 8601 instant: the start of `day` in Beijing. */
  at: string;
  provisional?: true;
  calendarBasis?: string;
}
