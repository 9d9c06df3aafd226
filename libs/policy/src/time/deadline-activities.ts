import type { DeadlineActivities } from '@govflow/contracts';
import { resolveDeadline } from './deadline';
import { resolveReminder, resolveValidity } from './validity';

/**
 * The deadline activities for the worker that runs the workflows (as local activities). Pure: the answer depends only
 * on the request and the calendar data, and Temporal records it, so a later calendar never changes a running case.
 */
export const deadlineActivities: DeadlineActivities = {
  resolveDeadline: (request) => Promise.resolve().then(() => resolveDeadline(request)),
  resolveValidity: (request) => Promise.resolve().then(() => resolveValidity(request)),
  resolveReminder: (request) => Promise.resolve().then(() => resolveReminder(request)),
};
