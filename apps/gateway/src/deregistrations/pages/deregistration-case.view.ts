import type { DeregistrationStatus } from '../../../../../workflows/deregistration/definitions';
import { type DeadlineLine, deadlineLineOf } from '../../portal/deadline-view';
import { toTaskDueView } from '../../tasks/task-due';
import { DEREGISTRATION_STEPS, deregistrationStatusZh, STEP_STATUSES } from './deregistration-labels';

type Due = Parameters<typeof toTaskDueView>[0];

/** Time left as the countdown says it: 3天4小时, 5小时12分, or 40秒 on an accelerated clock's last minute. */
export function remainingZh(until: string, now: number): string {
  const seconds = Math.max(0, Math.floor((Date.parse(until) - now) / 1000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days}天${hours}小时`;
  if (hours > 0) return `${hours}小时${minutes}分`;
  if (minutes > 0) return `${minutes}分${seconds % 60}秒`;
  return `${seconds}秒`;
}

const deadlineOf = (due: Due, now: number): DeadlineLine => deadlineLineOf(toTaskDueView(due), now);

/** What the registrant's case page shows of a deregistration; the live stream re-renders the same. */
export function deregistrationCaseContext(view: DeregistrationStatus, now = Date.now()) {
  const { announcement, confirmation, taxAnswer } = view;
  return {
    view,
    caseId: view.caseId,
    statusLabel: deregistrationStatusZh(view.status),
    accelerated: view.timeScale > 1,
    steps: view.steps.map((step) => ({
      ...step,
      title: DEREGISTRATION_STEPS[step.name] ?? step.name,
      state: STEP_STATUSES[step.status] ?? { label: step.status, kind: 'waiting' },
      deadline: step.due && step.status === 'in-progress' ? deadlineOf(step.due, now) : undefined,
    })),
    announcement: announcement && {
      ...announcement,
      end: deadlineOf(announcement.due, now),
      remaining: announcement.open ? remainingZh(announcement.due.dueAt, now) : '',
    },
    tax: taxAnswer
      ? { verdict: taxAnswer.verdict, reason: taxAnswer.reason, at: taxAnswer.at }
      : { verdict: view.status === 'announcing' || view.status === 'applied' ? 'pending' : 'none' },
    confirmation: confirmation && {
      ...confirmation,
      end: deadlineOf(confirmation.due, now),
      remaining: remainingZh(confirmation.due.dueAt, now),
    },
    mayConfirm: view.status === 'awaiting-confirmation',
    mayExtend: view.status === 'awaiting-confirmation' && confirmation?.extended !== true,
    objected: view.objections.length > 0 || taxAnswer?.verdict === 'objection',
  };
}
