import { uniqueId } from '../../../../test/support/servers';
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
} from '../activities/registration-activities.fixtures';

jest.setTimeout(60000);

describe('deregistration activities against PostgreSQL', () => {
  let sut: RegistrationTestApp;
  const commitment = { name: '张伟', idNumber: '110108199001011234', signedAt: '2026-11-28T10:00:00.000Z' };
  const at = '2026-11-29T02:00:00.000Z';

  /** A licensed enterprise whose only investor (no shareholders on file) is its legal representative 张伟. */
  const licensed = async (tradeName = uniqueTradeName('注销')) => {
    const caseId = uniqueId('case');
    const app = application(tradeName);
    await sut.run(caseId, sut.activities.submitApplication, submission(caseId, app));
    return (await sut.run(caseId, sut.activities.issueLicense, approval(caseId, app))).creditCode;
  };
  const apply = (creditCode: string, caseId = uniqueId('dereg'), commitments = [commitment]) =>
    sut.run(caseId, sut.activities.applyForDeregistration, {
      idempotencyKey: `${caseId}:apply`,
      caseId,
      applicant,
      application: { creditCode, declaration: { noDebts: true }, commitments },
      appliedAt: at,
    });
  const stream = (caseId: string) => sut.store.readStream(`deregistration-${caseId}`);
  const supervise = (creditCode: string, kind: 'abnormal-operations' | 'investigation') =>
    sut.run('supervision', sut.activities.recordSupervision, {
      idempotencyKey: uniqueId('sv'),
      creditCode,
      kind,
      action: 'open',
      reason: '测试',
      by: officer,
      at,
    });

  beforeAll(async () => (sut = await startRegistrationTestApp('reg_dereg')));
  afterAll(() => sut.close());

  it('accepts an application matching the register once, keeping the commitments, however often it runs', async () => {
    const creditCode = await licensed();
    const caseId = uniqueId('dereg');
    const answer = await apply(creditCode, caseId);
    expect(await apply(creditCode, caseId)).toEqual(answer);
    expect(answer).toMatchObject({
      creditCode,
      entityType: 'limited-company',
      enterpriseName: expect.stringContaining('注销'),
    });
    const events = await stream(caseId);
    expect(events.map((e) => e.type)).toEqual(['DeregistrationApplied']);
    expect(events[0]).toMatchObject({
      data: { caseId, creditCode, commitments: [commitment], applicant },
      metadata: { actor: applicant, correlationId: caseId, causationId: `${caseId}:apply` },
    });
  });

  it('refuses commitments that do not match the register, naming the unknown and the missing investor', async () => {
    const creditCode = await licensed();
    const stranger = { name: '王强', idNumber: '110108198003033456', signedAt: at };
    const refused = await failureOf(apply(creditCode, uniqueId('dereg'), [stranger]));
    expect(refused).toMatchObject({ type: 'CommitmentsMismatch', nonRetryable: true });
    expect(refused.message).toMatch(/王强.*张伟/);
  });

  it('refuses an ineligible enterprise with every reason at once, and an unknown credit code', async () => {
    const creditCode = await licensed();
    await apply(creditCode); // one in progress
    await supervise(creditCode, 'abnormal-operations');
    await supervise(creditCode, 'investigation');
    const refused = (await failureOf(apply(creditCode))) as {
      type?: string;
      details?: { reasons: { code: string }[] }[];
    };
    expect(refused.type).toBe('NotEligible');
    expect(refused.details?.[0]?.reasons.map((r) => r.code)).toEqual([
      'abnormal-operations',
      'investigation',
      'deregistration-in-progress',
    ]);
    expect(await failureOf(apply('91110108MA0000000X'))).toMatchObject({ type: 'EnterpriseNotFound' });
  });

  it("refuses anyone but the enterprise's registrant", async () => {
    const creditCode = await licensed();
    const caseId = uniqueId('dereg');
    const attempt = sut.run(caseId, sut.activities.applyForDeregistration, {
      idempotencyKey: `${caseId}:apply`,
      caseId,
      applicant: otherApplicant,
      application: { creditCode, declaration: { noDebts: true }, commitments: [commitment] },
      appliedAt: at,
    });
    expect(await failureOf(attempt)).toMatchObject({ type: 'NotEnterpriseOwner', nonRetryable: true });
  });

  it('records the announcement for tax, an objection, the confirmation, and deregisters: the name cools off for a year', async () => {
    const tradeName = uniqueTradeName('注销');
    const creditCode = await licensed(tradeName);
    const caseId = uniqueId('dereg');
    await apply(creditCode, caseId);
    const key = (step: string) => `${caseId}:${step}`;
    const announcement = {
      startedAt: at,
      legalEndsAt: '2026-12-21T16:00:00.000Z',
      endsAtCalendar: '2026-12-21 24:00 北京时间',
      timeScale: 1,
      policyVersion: 'deregistration-2022',
    };
    await sut.run(caseId, sut.activities.startDeregistrationAnnouncement, {
      idempotencyKey: key('announce'),
      caseId,
      ...announcement,
    });
    const objection = {
      objectionId: key('objection:1'),
      by: applicant,
      name: '王芳',
      reason: '尚欠货款',
      contact: '138',
      lodgedAt: at,
    };
    await sut.run(caseId, sut.activities.recordDeregistrationObjection, {
      idempotencyKey: objection.objectionId,
      caseId,
      objection,
    });
    await sut.run(caseId, sut.activities.recordDeregistrationConfirmed, {
      idempotencyKey: key('confirm'),
      caseId,
      by: applicant,
      reason: '确认',
      at,
      extended: false,
    });
    const deregistration = { idempotencyKey: key('deregister'), caseId, by: officer, reason: '准予简易注销', at };
    await sut.run(caseId, sut.activities.deregisterEnterprise, deregistration);
    await sut.run(caseId, sut.activities.deregisterEnterprise, deregistration);

    const events = await stream(caseId);
    expect(events.map((e) => e.type)).toEqual([
      'DeregistrationApplied',
      'DeregistrationAnnouncementStarted',
      'DeregistrationObjectionLodged',
      'DeregistrationConfirmed',
      'EnterpriseDeregistered',
    ]);
    expect(events[1]?.data).toEqual({ caseId, creditCode, enterpriseName: expect.any(String), ...announcement });
    expect(events[4]).toMatchObject({
      data: { creditCode, decidedBy: officer },
      metadata: { actor: officer, reason: '准予简易注销' },
    });

    const check = await sut.run('check', sut.activities.checkName, {
      name: application(tradeName).name,
      applicantId: 'someone-else',
    });
    expect(check.available).toBe(false);
    const again = (await failureOf(apply(creditCode))) as {
      type?: string;
      details?: { reasons: { code: string }[] }[];
    };
    expect(again.details?.[0]?.reasons.map((r) => r.code)).toEqual(['already-deregistered']);
    // The register answers it as 注销 beside its supervision record (the enterprise page shows that).
    const record = await sut.run('read', sut.activities.readSupervision, { creditCode });
    expect(record.enterprise).toMatchObject({ status: 'deregistered', since: deregistration.at });
    // The retired code is never issued again: later licenses draw new organisation bodies (the sequence never cycles).
    const later = await licensed();
    expect(later).not.toBe(creditCode);
  });

  it('lets a refused enterprise apply again once the obstacle is cleared', async () => {
    const creditCode = await licensed();
    const caseId = uniqueId('dereg');
    await apply(creditCode, caseId);
    await sut.run(caseId, sut.activities.refuseDeregistration, {
      idempotencyKey: `${caseId}:refuse`,
      caseId,
      by: officer,
      reason: '有异议',
      at,
      objections: [],
    });
    expect(await apply(creditCode)).toMatchObject({ creditCode });
    expect((await stream(caseId)).map((e) => e.type)).toEqual(['DeregistrationApplied', 'DeregistrationRefused']);
  });
});
