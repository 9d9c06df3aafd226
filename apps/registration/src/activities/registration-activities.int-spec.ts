import { CreditCode } from '../enterprise/domain/credit-code';
import { uniqueId } from '../../../../test/support/servers';
import {
  applicant,
  application,
  approval,
  failureOf,
  officer,
  type RegistrationTestApp,
  startRegistrationTestApp,
  submission,
  uniqueTradeName,
} from './registration-activities.fixtures';

jest.setTimeout(60000);

describe('registration activities against PostgreSQL', () => {
  let sut: RegistrationTestApp;
  const caseStream = (caseId: string) => sut.store.readStream(`registration-case-${caseId}`);
  const submitted = async (caseId = uniqueId('case'), app = application(uniqueTradeName())) => {
    await sut.run(caseId, sut.activities.submitApplication, submission(caseId, app));
    return caseId;
  };

  beforeAll(async () => (sut = await startRegistrationTestApp('reg_activities')));
  afterAll(() => sut.close());

  it('records one ApplicationSubmitted however often the same submission runs, even concurrently', async () => {
    const caseId = uniqueId('case');
    const input = submission(caseId, application(uniqueTradeName()));
    await sut.run(caseId, sut.activities.submitApplication, input);
    await Promise.all([1, 2, 3].map(() => sut.run(caseId, sut.activities.submitApplication, input)));

    const events = await caseStream(caseId);
    expect(events.map((e) => e.type)).toEqual(['ApplicationSubmitted', 'NameReserved']);
    expect(events[0]).toMatchObject({
      data: { caseId, applicant, application: input.application, submittedAt: input.submittedAt },
      metadata: {
        actor: applicant,
        correlationId: caseId,
        causationId: `${caseId}:submit`,
        workflow: { workflowId: `registration-${caseId}`, runId: 'run-1' },
      },
      occurredAt: new Date(input.submittedAt),
    });
  });

  it('takes each supplement round once, with the registrant as actor and the note as reason', async () => {
    const tradeName = uniqueTradeName();
    const caseId = await submitted(uniqueId('case'), application(tradeName));
    const supplement = {
      idempotencyKey: `${caseId}:supplement:1`,
      caseId,
      round: 1,
      by: applicant,
      changes: { domicile: '北京市海淀区中关村大街27号' },
      note: 'corrected room number',
      at: '2025-03-01T09:00:00.000Z',
    };
    await sut.run(caseId, sut.activities.supplementApplication, supplement);
    await sut.run(caseId, sut.activities.supplementApplication, supplement);

    const events = await caseStream(caseId);
    expect(events.map((e) => e.type)).toEqual(['ApplicationSubmitted', 'NameReserved', 'ApplicationSupplemented']);
    expect(events[2]?.metadata).toMatchObject({ actor: applicant, reason: 'corrected room number' });
    const license = await sut.run(caseId, sut.activities.issueLicense, approval(caseId));
    expect((await caseStream(caseId))[3]?.data).toMatchObject({ domicile: '北京市海淀区中关村大街27号' });
    expect(license.enterpriseName).toBe(`北京${tradeName}科技有限公司`);
  });

  it('rejects once with the officer and reason, then refuses a license as non-retryable', async () => {
    const caseId = await submitted();
    const rejection = {
      idempotencyKey: `${caseId}:reject`,
      caseId,
      decidedBy: officer,
      reason: 'domicile is not a legal address',
      decidedAt: '2025-03-02T08:00:00.000Z',
    };
    await sut.run(caseId, sut.activities.rejectApplication, rejection);
    await sut.run(caseId, sut.activities.rejectApplication, rejection);

    const failure = await failureOf(sut.run(caseId, sut.activities.issueLicense, approval(caseId)));

    expect(failure).toMatchObject({ type: 'IllegalCaseTransition', nonRetryable: true });
    const events = await caseStream(caseId);
    expect(events.map((e) => e.type)).toEqual([
      'ApplicationSubmitted',
      'NameReserved',
      'ApplicationRejected',
      'NameReservationReleased',
    ]);
    expect(events[2]).toMatchObject({
      data: { decidedBy: officer, reason: rejection.reason },
      metadata: { actor: officer, reason: rejection.reason, causationId: `${caseId}:reject` },
    });
  });

  it('refuses commands on a case never submitted as non-retryable', async () => {
    const caseId = uniqueId('case');
    expect(await failureOf(sut.run(caseId, sut.activities.issueLicense, approval(caseId)))).toMatchObject({
      type: 'CaseNotFound',
      nonRetryable: true,
    });
  });

  it('issues a valid credit code of Haidian, and the same one on every retry', async () => {
    const tradeName = uniqueTradeName();
    const caseId = await submitted(uniqueId('case'), application(tradeName));

    const issued = await Promise.all(
      [1, 2, 3].map(() => sut.run(caseId, sut.activities.issueLicense, approval(caseId))),
    );
    const again = await sut.run(caseId, sut.activities.issueLicense, approval(caseId));

    const code = CreditCode.parse(again.creditCode);
    expect(code).toMatchObject({ registrationAuthority: '9', category: '1', division: '110108' });
    expect(code.organisationCode).toMatch(/^MA/);
    expect(issued.map((license) => license.creditCode)).toEqual([code.value, code.value, code.value]);
    expect(again).toEqual({
      creditCode: code.value,
      enterpriseName: `北京${tradeName}科技有限公司`,
      issuedAt: approval(caseId).approvedAt,
    });
    const events = await caseStream(caseId);
    expect(events.map((e) => e.type)).toEqual(['ApplicationSubmitted', 'NameReserved', 'LicenseIssued']);
    expect(events[2]).toMatchObject({
      data: { caseId, creditCode: code.value, registeringDivision: '110108', registrantId: applicant.id },
      metadata: { actor: officer, correlationId: caseId, causationId: `${caseId}:issue-license` },
    });
  });

  it('gives two cases different codes, and an individual business a category-2 code', async () => {
    const company = await submitted(uniqueId('case'), application('云帆'));
    const individual = await submitted(uniqueId('case'), {
      ...application('青松'),
      entityType: 'individual-business',
      name: { division: '北京', tradeName: '青松', industry: '餐饮', organizationForm: '店' },
    });

    const first = await sut.run(company, sut.activities.issueLicense, approval(company));
    const second = await sut.run(individual, sut.activities.issueLicense, approval(individual));

    expect(first.creditCode).not.toBe(second.creditCode);
    expect(CreditCode.parse(first.creditCode).category).toBe('1');
    expect(CreditCode.parse(second.creditCode).category).toBe('2');
    expect(CreditCode.parse(first.creditCode).organisationCode).not.toBe(
      CreditCode.parse(second.creditCode).organisationCode,
    );
  });
});
