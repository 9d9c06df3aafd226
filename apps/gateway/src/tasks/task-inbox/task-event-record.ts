import { z } from 'zod';
import { taskEventType } from '@govflow/contracts';

const actor = z.object({ id: z.string().min(1), role: z.string().min(1), department: z.string().optional() });
const group = z.object({ role: z.string().min(1), department: z.string().min(1) });
const stamp = { sequence: z.number().int().positive(), at: z.iso.datetime({ offset: true }) };

/** The TaskEventRecord of a task event's data, as far as the inbox needs it. */
export const taskEventRecord = z.object({
  taskId: z.string().min(1),
  caseId: z.string().min(1),
  kind: z.string().min(1),
  workflow: z.object({ workflowId: z.string().min(1), runId: z.string() }),
  event: z.discriminatedUnion('type', [
    z.object({
      type: z.literal('opened'),
      candidateGroup: group,
      dueAt: z.iso.datetime({ offset: true }),
      // Since the working-day calendar; older events lack them.
      legalDueAt: z.iso.datetime({ offset: true }).optional(),
      dueAtCalendar: z.string().optional(),
      timeScale: z.number().int().min(1).optional(),
      // Since the provisional calendar year (2027 until its notice): only on deadlines counted on one.
      provisional: z.literal(true).optional(),
      calendarBasis: z.string().optional(),
      ...stamp,
    }),
    z.object({ type: z.literal('escalated'), escalateTo: group.optional(), ...stamp }),
    z.object({ type: z.literal('lapsed'), reason: z.string(), ...stamp }),
    z.object({ type: z.literal('claimed'), actor, ...stamp }),
    z.object({ type: z.literal('unclaimed'), actor, ...stamp }),
    z.object({ type: z.literal('reassigned'), actor, to: actor, ...stamp }),
    z.object({ type: z.literal('decided'), actor, outcome: z.string(), reason: z.string().optional(), ...stamp }),
    z.object({ type: z.literal('refused'), ...stamp }),
  ]),
});
export type TaskEventRecordData = z.infer<typeof taskEventRecord>;

const taskEventTypes = [
  'opened',
  'escalated',
  'lapsed',
  'claimed',
  'unclaimed',
  'reassigned',
  'decided',
  'refused',
] as const;

/** Envelope types of task events (`TaskOpened` …), whichever topic carries them. */
export const TASK_EVENT_TYPES: ReadonlySet<string> = new Set(taskEventTypes.map(taskEventType));
