import { TaxEventType } from '@govflow/contracts';
import { TaxRecord } from './tax-record.aggregate';
import { TaxRecordOpened, taxRecordEvents } from './tax-record.events';

const taxpayerId = '91110108MA00000017';
const license = { caseId: 'case-1', creditCode: taxpayerId, enterpriseName: '北京星河科技有限公司' };
const openedAt = new Date('2025-03-02T08:00:01.000Z');
const opened = new TaxRecordOpened({
  caseId: 'case-1',
  taxpayerId,
  enterpriseName: '北京星河科技有限公司',
  openedAt: openedAt.toISOString(),
});

function given(...history: TaxRecordOpened[]) {
  const sut = new TaxRecord(taxpayerId);
  sut.loadFromHistory(history);
  return {
    sut,
    when: (act: (sut: TaxRecord) => void) => {
      act(sut);
      return sut.getUncommittedEvents();
    },
  };
}

describe(TaxRecord.name, () => {
  it('names its event class as the published event type', () => {
    expect(taxRecordEvents.map((e) => e.name)).toEqual(Object.values(TaxEventType));
  });

  it('opens the record from the license, keyed by the credit code', () => {
    expect(given().when((r) => r.openFromLicense(license, openedAt))).toStrictEqual([opened]);
  });

  it('changes nothing when a license for the same code arrives again', () => {
    const { sut, when } = given(opened);
    expect(when((r) => r.openFromLicense({ ...license, caseId: 'case-2' }, new Date()))).toStrictEqual([]);
    expect(sut.isOpen).toBe(true);
  });

  it('refuses a license of another taxpayer', () => {
    const other = { ...license, creditCode: '91110000600037341L' };
    expect(() => given().sut.openFromLicense(other, openedAt)).toThrow(/cannot open the record/);
  });
});

describe(`${TaxRecord.name}: clearance for deregistration (R3.3)`, () => {
  const officer = { id: 'tax-officer-zhao', role: 'tax-officer' as const, department: 'tax' as const };
  const at = (hour: number) => new Date(Date.UTC(2026, 2, 2, hour));
  const notice = { caseId: 'dereg-1', announcementLegalEndsAt: '2026-03-22T16:00:00.000Z', objectionDueAt: at(10) };
  const typesOf = (events: unknown[]) => events.map((e) => (e as object).constructor.name);
  const openRecord = () => {
    const sut = new TaxRecord(taxpayerId);
    sut.loadFromHistory([opened]);
    return sut;
  };
  const arrears = {
    matterId: 'm1',
    kind: 'arrears' as const,
    amount: { amount: '1200.00', currency: 'CNY' as const },
    note: '欠缴增值税',
  };

  it('raises no objection at once when nothing is pending', () => {
    const sut = openRecord();
    sut.receiveDeregistrationNotice(notice, at(1));
    expect(typesOf(sut.getUncommittedEvents())).toEqual(['DeregistrationNoticeReceived', 'TaxNoObjectionRaised']);
    expect(sut.view().deregistrations).toEqual([
      { caseId: 'dereg-1', objectionDueAt: at(10).toISOString(), verdict: 'no-objection' },
    ]);
  });

  it('objects the day after the period, listing what is pending, when no clearance came', () => {
    const sut = openRecord();
    sut.recordPendingMatter(arrears, officer, at(0));
    sut.receiveDeregistrationNotice(notice, at(1));
    sut.answer('dereg-1', at(10));
    const events = sut.getUncommittedEvents();
    expect(typesOf(events)).toEqual(['TaxPendingMatterRecorded', 'DeregistrationNoticeReceived', 'TaxObjectionRaised']);
    expect(events[2]).toMatchObject({
      caseId: 'dereg-1',
      pendingMatters: [arrears],
      reason: expect.stringContaining('欠缴增值税'),
    });
  });

  it('raises no objection when a clearance is recorded before the period ends, and answers only once', () => {
    const sut = openRecord();
    sut.recordPendingMatter(arrears, officer, at(0));
    sut.receiveDeregistrationNotice(notice, at(1));
    sut.recordClearance('c1', '已缴清税款', officer, at(5));
    expect(sut.casesAwaitingAnswer(at(5))).toEqual(['dereg-1']);
    expect(sut.casesAwaitingAnswer(at(10))).toEqual([]);
    sut.answer('dereg-1', at(5));
    sut.answer('dereg-1', at(10));
    sut.recordClearance('c1', '已缴清税款', officer, at(6));
    const events = sut.getUncommittedEvents();
    expect(typesOf(events)).toEqual([
      'TaxPendingMatterRecorded',
      'DeregistrationNoticeReceived',
      'TaxClearanceRecorded',
      'TaxNoObjectionRaised',
    ]);
    expect(events[2]).toMatchObject({ settledMatterIds: ['m1'] });
    expect(events[3]).toMatchObject({ because: 'cleared' });
    expect(sut.view().pendingMatters).toEqual([]);
  });

  it('refuses officers on a taxpayer without a record', () => {
    expect(() => new TaxRecord(taxpayerId).recordPendingMatter(arrears, officer, at(0))).toThrow(/税务登记/);
  });
});

describe('TaxRecord maker-space exemption (R4.1)', () => {
  it('starts the exemption on the given first day of the month, once per recognition', () => {
    const { when } = given(opened);
    const at = new Date('2026-11-29T02:00:00.000Z');
    const events = when((sut) => {
      sut.startMakerSpaceExemption('ms-1', 'national', '2026-12-01', at);
      sut.startMakerSpaceExemption('ms-1', 'national', '2026-12-01', at);
    });
    expect(events).toEqual([
      {
        taxpayerId,
        caseId: 'ms-1',
        kind: 'maker-space',
        level: 'national',
        startsOn: '2026-12-01',
        startedAt: at.toISOString(),
      },
    ]);
  });

  it('refuses an exemption for a taxpayer whose record is not open', () => {
    const { when } = given();
    expect(() => when((sut) => sut.startMakerSpaceExemption('ms-1', 'municipal', '2026-12-01', new Date()))).toThrow();
  });
});
