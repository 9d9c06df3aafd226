/** Temporal task queues: one per service that runs activities, one for the workflows. */
export const TaskQueue = {
  Orchestrator: 'orchestrator',
  Registration: 'registration',
  Tax: 'tax',
  ScienceCommission: 'science-commission',
  Permits: 'permits',
} as const;
export type TaskQueue = (typeof TaskQueue)[keyof typeof TaskQueue];
