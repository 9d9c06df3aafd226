import type { PermitFact } from '../../libs/contracts/src/permits/permit-events';
import { lapseOpenTasks } from '../shared/human-task';
import type { EnterpriseDeregisteredNotice, PermitEnding, PermitStatusName } from './definitions';
import type { PermitProgress } from './permit-progress';

/** The statuses in which a case still runs: only these end when the enterprise is deregistered. */
const running: readonly PermitStatusName[] = ['applied', 'awaiting-materials', 'under-review', 'granted'];

export interface PermitEndingInput {
  progress: PermitProgress;
  base: { caseId: string; creditCode: string; permitCode: string };
  notice: EnterpriseDeregisteredNotice;
  /** Records PermitEnded once (idempotency key `<caseId>:end`), caused by the EnterpriseDeregistered event. */
  recordEnded: (fact: PermitFact, causationId: string) => Promise<void>;
}

/**
 * The enterprise was deregistered (R3.4): a running case ends. Open tasks lapse (recorded, with why), PermitEnded is
 * recorded, and the case moves to `ended`; the caller has already cancelled the case's timers.
 */
export async function endPermitCase({ progress, base, notice, recordEnded }: PermitEndingInput): Promise<void> {
  const endedFrom = progress.status;
  if (!running.includes(endedFrom)) return;
  await lapseOpenTasks('企业已注销，许可事项终止办理');
  const ending: PermitEnding = {
    reason: 'enterprise-deregistered',
    deregistrationCaseId: notice.deregistrationCaseId,
    endedFrom,
    effectiveAt: notice.deregisteredAt,
  };
  await recordEnded({ type: 'PermitEnded', ...base, ...ending }, notice.eventId);
  progress.ending = ending;
  progress.moveTo('ended');
}
