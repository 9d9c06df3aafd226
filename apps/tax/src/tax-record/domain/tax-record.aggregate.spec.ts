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
