import { z } from 'zod';

const due = z.object({
  dueAt: z.string(),
  legalDueAt: z.string().describe('the real deadline: 24:00 Beijing time of the period’s last day'),
  dueAtCalendar: z.string().optional(),
  timeScale: z.number(),
});

/** GET /api/deregistrations/:caseId: the workflow's own account of the case. */
export const deregistrationView = z.object({
  caseId: z.string(),
  applicantId: z.string(),
  status: z.enum([
    'applied',
    'refused',
    'announcing',
    'awaiting-confirmation',
    'lapsed',
    'under-review',
    'rejected',
    'deregistered',
  ]),
  policyVersion: z.string(),
  timeScale: z.number(),
  steps: z.array(z.object({ name: z.string(), status: z.string(), at: z.string(), due: due.optional() })),
  enterprise: z.object({ creditCode: z.string(), enterpriseName: z.string(), entityType: z.string() }).optional(),
  announcement: z.object({ startedAt: z.string(), due, open: z.boolean() }).optional(),
  objections: z.array(
    z.object({ objectionId: z.string(), name: z.string(), reason: z.string(), lodgedAt: z.string() }),
  ),
  taxAnswer: z
    .object({ verdict: z.enum(['no-objection', 'objection']), reason: z.string().optional(), at: z.string() })
    .optional(),
  confirmation: z.object({ due, extended: z.boolean(), confirmedAt: z.string().optional() }).optional(),
  refusal: z.object({ type: z.string(), message: z.string() }).optional(),
});

/** One of the applicant's own deregistrations (GET /api/deregistrations). */
export const deregistrationSummary = z.object({
  caseId: z.string(),
  status: deregistrationView.shape.status,
  appliedAt: z.string().describe('ISO instant of the application'),
  creditCode: z.string().optional().describe('absent when the application was refused before the register answered'),
  enterpriseName: z.string().optional(),
});
export type DeregistrationSummary = z.infer<typeof deregistrationSummary>;

/** One entry of the public announcement list (简易注销公告). */
export const announcementView = z.object({
  caseId: z.string(),
  creditCode: z.string(),
  enterpriseName: z.string(),
  startedAt: z.string(),
  endsAt: z.string().describe('ISO instant: 24:00 Beijing time of the period’s last day'),
  endsAtCalendar: z.string().optional(),
  objections: z.number().describe('how many objections were lodged so far'),
});
export type AnnouncementView = z.infer<typeof announcementView>;
