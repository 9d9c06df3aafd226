import { startPlatformStack, type PlatformStack } from './support/platform-stack';
import { eventually, PortalClient } from './support/portal-client';
import { establishmentApplication } from './support/registration-fixtures';
import { countedProvisionally, lastDayInBeijing, reviewDeadlinesBetween } from './support/review-deadline';

interface Task {
  taskId: string;
  caseId: string;
  dueAt: string;
  legalDueAt: string;
  dueAtCalendar: string | null;
  timeScale: number;
  clockAccelerated: boolean;
  provisional: boolean;
  calendarBasis: string | null;
  escalated: boolean;
}
interface Due {
  dueAt: string;
  legalDueAt: string;
  dueAtCalendar: string | null;
  timeScale: number;
  clockAccelerated: boolean;
  provisional: boolean;
  calendarBasis: string | null;
}
interface CaseView {
  status: string;
  clock: { timeScale: number; accelerated: boolean; note?: string };
  steps: { name: string; round?: number; status: string; due?: Due }[];
}

const SCALE = 86_400; // a day a second

// GOVFLOW_TIME_SCALE for local runs: the calendar still decides the deadline, only the wait for it is shorter.
describe('the accelerated clock (GOVFLOW_TIME_SCALE=86400), end to end', () => {
  let stack: PlatformStack;
  let registrant: PortalClient;
  let officer: PortalClient;

  beforeAll(async () => {
    stack = await startPlatformStack('e2e-clock', 3925, { GOVFLOW_TIME_SCALE: String(SCALE) });
    [registrant, officer] = (await Promise.all(
      ['registrant1', 'reg-officer1'].map((user) => PortalClient.login(stack.gatewayUrl, user)),
    )) as [PortalClient, PortalClient];
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('makes the review due seconds after submission, states the real deadline, and escalates then', async () => {
    const before = new Date();
    const submitted = await registrant.post<{ caseId: string }>('/api/registrations', establishmentApplication('星河'));
    const after = new Date();
    expect(submitted.status).toBe(202);
    const { caseId } = submitted.body;

    const task = await eventually('the open review task', async () => {
      const { body } = await officer.get<Task[]>('/api/tasks?status=open');
      return body.find((t) => t.caseId === caseId);
    });

    const realDeadline = task.legalDueAt;
    expect(reviewDeadlinesBetween(before, after)).toContain(realDeadline);
    expect(task).toMatchObject({
      dueAtCalendar: `${lastDayInBeijing(realDeadline)} 24:00 北京时间`,
      timeScale: SCALE,
      clockAccelerated: true,
      provisional: countedProvisionally(before, realDeadline),
    });
    // Three working days (ten days at most around the National Day week) are as many seconds.
    const timerGap = Date.parse(task.dueAt) - before.getTime();
    const realGap = Date.parse(realDeadline) - before.getTime();
    expect(timerGap).toBeGreaterThan(0);
    expect(timerGap).toBeLessThan(15_000);
    expect(Math.abs(timerGap - realGap / SCALE)).toBeLessThan(after.getTime() - before.getTime() + 1_000);

    const view = await registrant.get<CaseView>(`/api/registrations/${caseId}`);
    expect(view.body.clock).toMatchObject({
      timeScale: SCALE,
      accelerated: true,
      note: expect.stringContaining('86400'),
    });
    const review = view.body.steps.find((step) => step.name === 'officer-review' && step.round === 1);
    expect(review?.due).toEqual({
      dueAt: task.dueAt,
      legalDueAt: realDeadline,
      dueAtCalendar: task.dueAtCalendar,
      timeScale: SCALE,
      clockAccelerated: true,
      provisional: task.provisional,
      calendarBasis: task.calendarBasis,
    });

    const escalated = await eventually('the review escalated', async () => {
      const { body } = await officer.get<Task[]>('/api/tasks?status=open');
      return body.find((t) => t.caseId === caseId && t.escalated);
    });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(task.dueAt));
    expect(escalated.legalDueAt).toBe(realDeadline);
  });
});
