import type { DeadlineActivities } from '@govflow/contracts';
import { resolveDeadline } from './deadline';

/**
 * The deadline activities for the worker that runs the workflows (as local activities). Pure: the answer depends only
 * on the request and the calendar data, and Temporal records it, so a later calendar never changes a running case.
 */
export const deadlineActivities: DeadlineActivities = {
  resolveDeadline: (request) => Promise.resolve().then(() => resolveDeadline(request)),
};
