import type { IEvent } from '@nestjs/cqrs';
import { type Actor, type EstablishmentApplication, RegistrationEventType } from '@govflow/contracts';
import { CreditCode } from '../credit-code';
import { EstablishmentCase } from './establishment-case.aggregate';
import {
  ApplicationRejected,
  ApplicationSubmitted,
  ApplicationSupplemented,
  establishmentCaseEvents,
  LicenseIssued,
  NameReservationMoved,
  NameReservationReleased,
  NameReserved,
} from './establishment-case.events';
import { CaseRefusalType } from './establishment-case.refusals';

const caseId = 'case-1';
const applicant: Actor = { id: 'applicant-zhang', role: 'registrant' };
const officer: Actor = { id: 'officer-li', role: 'registration-officer', department: 'market-regulation' };
const application: EstablishmentApplication = {
  name: { division: '北京', tradeName: '星河', industry: '科技', organizationForm: '有限公司' },
  entityType: 'limited-company',
  registeredCapital: { amount: '1000000.00', currency: 'CNY' },
  domicile: '北京市海淀区中关村大街1号',
  businessScope: ['技术开发'],
  legalRepresentative: { name: '张伟', idNumber: '110108199001011234' },
  shareholders: [],
};
const day = (d: number) => new Date(`2025-03-0${d}T08:00:00.000Z`);
const code = CreditCode.parse('91340600MA2PBM9HXD');

const submitted = new ApplicationSubmitted({ caseId, applicant, application, submittedAt: day(1).toISOString() });
const supplemented = (round: number, domicile: string) =>
  new ApplicationSupplemented({
    caseId,
    round,
    changes: { domicile },
    note: 'new lease',
    supplementedBy: applicant,
    supplementedAt: day(2).toISOString(),
  });
const held = { reservedUntil: new Date('2025-05-02T16:00:00.000Z'), namePolicyVersion: 'name-v1' };
const reserved = new NameReserved({
  caseId,
  applicantId: applicant.id,
  name: application.name,
  fullName: '北京星河科技有限公司',
  reservedAt: day(1).toISOString(),
  reservedUntil: '2025-05-02T16:00:00.000Z',
  namePolicyVersion: 'name-v1',
});
const released = new NameReservationReleased({
  caseId,
  name: application.name,
  releasedAt: day(3).toISOString(),
  because: 'application-rejected',
});
const rejected = new ApplicationRejected({
  caseId,
  decidedBy: officer,
  reason: 'no lease',
  rejectedAt: day(3).toISOString(),
});

/** Given these past events, when `act` runs, then it records exactly these events (or throws). */
function given(...history: IEvent[]) {
  const sut = new EstablishmentCase(caseId);
  sut.loadFromHistory(history);
  return {
    when: (act: (sut: EstablishmentCase) => void) => {
      act(sut);
      return sut.getUncommittedEvents();
    },
    refuses: (act: (sut: EstablishmentCase) => void) => {
      const error = (() => {
        try {
          act(sut);
        } catch (e) {
          return e;
        }
      })();
      expect(sut.getUncommittedEvents()).toStrictEqual([]);
      return error as { type?: string };
    },
    sut,
  };
}

describe(EstablishmentCase.name, () => {
  it('names its event classes as the published event types', () => {
    expect(establishmentCaseEvents.map((e) => e.name)).toEqual(Object.values(RegistrationEventType));
  });

  it('records a submission and its name reservation once: submitting again (a retry) records nothing', () => {
    expect(given().when((c) => c.submit(applicant, application, day(1), held))).toStrictEqual([submitted, reserved]);
    expect(given(submitted).when((c) => c.submit(applicant, application, day(1), held))).toStrictEqual([]);
  });

  it('moves the reservation when a supplement changes the name, and only then', () => {
    const to = { ...application.name, tradeName: '银河' };
    const events = given(submitted, reserved).when((c) =>
      c.supplement(1, { name: to }, 'new name', applicant, day(2), held),
    );
    expect(events).toStrictEqual([
      new ApplicationSupplemented({
        caseId,
        round: 1,
        changes: { name: to },
        note: 'new name',
        supplementedBy: applicant,
        supplementedAt: day(2).toISOString(),
      }),
      new NameReservationMoved({
        caseId,
        from: application.name,
        to,
        fullName: '北京银河科技有限公司',
        movedAt: day(2).toISOString(),
        reservedUntil: '2025-05-02T16:00:00.000Z',
        namePolicyVersion: 'name-v1',
      }),
    ]);
  });

  it('applies each supplement round once, replacing the fields it changes', () => {
    const events = given(submitted).when((c) =>
      c.supplement(1, { domicile: '新地址' }, 'new lease', applicant, day(2)),
    );
    expect(events).toStrictEqual([supplemented(1, '新地址')]);

    const { sut, when } = given(submitted, supplemented(1, '新地址'));
    expect(when((c) => c.supplement(1, { domicile: '别处' }, 'again', applicant, day(2)))).toStrictEqual([]);
    expect(sut.currentApplication).toEqual({ ...application, domicile: '新地址' });
  });

  it('rejects with the officer and the reason, once', () => {
    expect(given(submitted).when((c) => c.reject(officer, 'no lease', day(3)))).toStrictEqual([rejected, released]);
    expect(given(submitted, rejected).when((c) => c.reject(officer, 'no lease', day(3)))).toStrictEqual([]);
  });

  it('refuses a rejection without a reason', () => {
    expect(given(submitted).refuses((c) => c.reject(officer, '  ', day(3)))).toMatchObject({
      type: CaseRefusalType.ReasonRequired,
    });
  });

  it('issues the license with everything tax needs, once', () => {
    const events = given(submitted, supplemented(1, '新地址')).when((c) => c.issueLicense(code, day(4)));
    expect(events).toStrictEqual([
      new LicenseIssued({
        caseId,
        creditCode: '91340600MA2PBM9HXD',
        enterpriseName: '北京星河科技有限公司',
        entityType: 'limited-company',
        registeringDivision: '340600',
        domicile: '新地址',
        businessScope: ['技术开发'],
        legalRepresentativeName: '张伟',
        registeredCapital: { amount: '1000000.00', currency: 'CNY' },
        registrantId: 'applicant-zhang',
        issuedAt: day(4).toISOString(),
      }),
    ]);
    const licensed = given(submitted, ...events);
    expect(licensed.when((c) => c.issueLicense(CreditCode.parse('91110000600037341L'), day(5)))).toStrictEqual([]);
    expect(licensed.sut.license?.creditCode).toBe('91340600MA2PBM9HXD');
  });

  it.each([
    [
      'supplement a rejected case',
      [submitted, rejected],
      (c: EstablishmentCase) => c.supplement(2, {}, '', applicant, day(4)),
    ],
    ['license a rejected case', [submitted, rejected], (c: EstablishmentCase) => c.issueLicense(code, day(4))],
    ['reject a case never submitted', [], (c: EstablishmentCase) => c.reject(officer, 'late', day(4))],
    ['license a case never submitted', [], (c: EstablishmentCase) => c.assertLicensable()],
  ])('refuses to %s as an illegal transition', (_, history, act) => {
    expect(given(...history).refuses(act)).toMatchObject({ type: CaseRefusalType.IllegalCaseTransition });
  });

  it('refuses to reject a licensed case', () => {
    const license = given(submitted).when((c) => c.issueLicense(code, day(4)));
    expect(given(submitted, ...license).refuses((c) => c.reject(officer, 'too late', day(5)))).toMatchObject({
      type: CaseRefusalType.IllegalCaseTransition,
    });
  });

  it('asks an individual business for a category-2 code', () => {
    const individual = new ApplicationSubmitted({
      caseId,
      applicant,
      application: { ...application, entityType: 'individual-business' },
      submittedAt: day(1).toISOString(),
    });
    expect(given(individual).sut.creditCodeCategory).toBe('2');
    expect(() => given(individual).sut.issueLicense(code, day(4))).toThrow(/not of category 2/);
  });
});
