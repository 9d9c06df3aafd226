import type { TaskEventRecord } from '@govflow/contracts';
import { uniqueId } from '../../../../test/support/servers';
import { taskEventId } from '../tasks/task-event-id';
import {
  applicant,
  application,
  approval,
  failureOf,
  officer,
  otherApplicant,
  type RegistrationTestApp,
  startRegistrationTestApp,
  submission,
  uniqueTradeName,
} from './registration-activities.fixtures';

jest.setTimeout(60000);

describe('task, name-check and permit activities against PostgreSQL', () => {
  let sut: RegistrationTestApp;
  const nameCheck = (tradeName: string, applicantId: string) => ({
    name: { division: '北京', tradeName, industry: '科技', organizationForm: '有限公司' },
    applicantId,
  });

  beforeAll(async () => (sut = await startRegistrationTestApp('reg_task_name')));
  afterAll(() => sut.close());

  describe('recordTaskEvent', () => {
    const caseId = uniqueId('case');
    const taskId = `${caseId}:review:1`;
    const record = (sequence: number, event: Partial<TaskEventRecord['event']>): TaskEventRecord =>
      ({
        eventId: `${taskId}#${sequence}`,
        taskId,
        caseId,
        kind: 'registration-review',
        event: { sequence, at: `2025-03-01T08:0${sequence}:00.000Z`, ...event },
        workflow: { workflowId: `registration-${caseId}`, runId: 'run-1' },
      }) as TaskEventRecord;
    const candidateGroup = { role: 'registration-officer', department: 'market-regulation' } as const;
    const opened = record(1, { type: 'opened', candidateGroup, dueAt: '2025-03-04T08:00:00.000Z' });
    const decided = record(2, { type: 'decided', actor: officer, outcome: 'approve', reason: 'materials complete' });

    it('stores each task event once, however often it is recorded', async () => {
      await sut.run(caseId, sut.activities.recordTaskEvent, opened);
      await sut.run(caseId, sut.activities.recordTaskEvent, opened);
      await Promise.all([1, 2].map(() => sut.run(caseId, sut.activities.recordTaskEvent, decided)));

      const events = await sut.store.readStream(`task-${taskId}`);
      expect(events.map((e) => [e.type, e.eventId])).toEqual([
        ['TaskOpened', taskEventId(opened.eventId)],
        ['TaskDecided', taskEventId(decided.eventId)],
      ]);
      expect(events[0]).toMatchObject({
        data: opened,
        metadata: { actor: { id: 'workflow', role: 'system' }, correlationId: caseId, causationId: opened.eventId },
        occurredAt: new Date(opened.event.at),
      });
      expect(events[1]?.metadata).toMatchObject({
        actor: officer,
        reason: 'materials complete',
        workflow: { workflowId: `registration-${caseId}`, runId: 'run-1' },
      });
    });
  });

  describe('checkName', () => {
    it('answers a free name as available, with its full name', async () => {
      const answer = await sut.run('name-check', sut.activities.checkName, nameCheck('飞鸿', otherApplicant.id));
      expect(answer).toEqual({ available: true, fullName: '北京飞鸿科技有限公司', problems: [] });
    });

    it('sees a name reserved by a submitted application as an identical trade name, for its applicant too', async () => {
      const caseId = uniqueId('case');
      const today = new Date().toISOString(); // a reservation lapses after 2 months
      await sut.run(caseId, sut.activities.submitApplication, submission(caseId, application('鼎盛'), today));

      const other = await sut.run(caseId, sut.activities.checkName, nameCheck('鼎盛', otherApplicant.id));
      const own = await sut.run(caseId, sut.activities.checkName, nameCheck('鼎盛', applicant.id));

      expect(other).toMatchObject({ available: false, problems: [{ code: 'identical-trade-name' }] });
      expect(other.problems[0]?.message).toMatch(/\d{4}-\d{2}-\d{2}已预留，保留至/);
      // One case holds a name: the applicant cannot file a second case under it while the first lives.
      expect(own).toMatchObject({ available: false, problems: [{ code: 'identical-trade-name' }] });
    });

    it('sees a licensed name as registered, for everyone', async () => {
      const caseId = uniqueId('case');
      await sut.run(caseId, sut.activities.submitApplication, submission(caseId, application('恒通')));
      await sut.run(caseId, sut.activities.issueLicense, approval(caseId));

      const own = await sut.run(caseId, sut.activities.checkName, nameCheck('恒通', applicant.id));

      expect(own).toMatchObject({ available: false, problems: [{ code: 'identical-trade-name' }] });
      expect(own.problems[0]?.message).toMatch(/已登记/);
    });
  });

  describe('determineRequiredPermits', () => {
    const licensed = async () => {
      const caseId = uniqueId('case');
      await sut.run(caseId, sut.activities.submitApplication, submission(caseId, application(uniqueTradeName())));
      const { creditCode } = await sut.run(caseId, sut.activities.issueLicense, approval(caseId));
      const input = { idempotencyKey: `${caseId}:determine-permits`, caseId, creditCode };
      return { ...input, businessScope: ['技术开发', '餐饮服务'], catalogueVersion: 'catalogue-v1' };
    };

    it('tells the registrant the food business permit for catering, from the case catalogue version', async () => {
      const input = await licensed();
      expect(await sut.run(input.caseId, sut.activities.determineRequiredPermits, input)).toEqual([
        { code: 'food-business-permit', name: 'Food business permit', authority: 'market-regulation' },
      ]);
    });

    it('uses the catalogue in force at issue for a version never published', async () => {
      const input = await licensed();
      const answer = await sut.run(input.caseId, sut.activities.determineRequiredPermits, {
        ...input,
        catalogueVersion: 'permit-catalogue.v1',
      });
      expect(answer.map((permit) => permit.code)).toEqual(['food-business-permit']);
    });

    it('refuses a credit code that is not the case’s own as non-retryable', async () => {
      const input = await licensed();
      const attempt = sut.run(input.caseId, sut.activities.determineRequiredPermits, {
        ...input,
        creditCode: '91110000600037341L',
      });
      expect(await failureOf(attempt)).toMatchObject({ type: 'CreditCodeMismatch', nonRetryable: true });
    });
  });
});
