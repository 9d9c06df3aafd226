import type { IEvent } from '@nestjs/cqrs';
import { type Actor, SupervisionRefusalType } from '@govflow/contracts';
import { SupervisionRecord, type SupervisionDecision } from './supervision-record.aggregate';
import { SupervisionMatterClosed, SupervisionMatterOpened } from './supervision-record.events';

const creditCode = '91340600MA2PBM9HXD';
const officer: Actor = { id: 'officer-li', role: 'registration-officer', department: 'market-regulation' };
const at = new Date('2026-03-02T08:00:00.000Z');
const decision = (recordId: string, fields: Partial<SupervisionDecision> = {}): SupervisionDecision => ({
  recordId,
  kind: 'abnormal-operations',
  action: 'open',
  reason: '未按时报送年度报告',
  by: officer,
  at,
  ...fields,
});
const opened = new SupervisionMatterOpened({
  creditCode,
  recordId: 'r1',
  kind: 'abnormal-operations',
  reason: '未按时报送年度报告',
  openedBy: officer,
  openedAt: at.toISOString(),
});

const given = (...history: IEvent[]) => {
  const sut = new SupervisionRecord(creditCode);
  sut.loadFromHistory(history);
  return sut;
};
const refusalOf = (act: () => void) => {
  try {
    act();
  } catch (error) {
    return (error as { type?: string }).type;
  }
  throw new Error('not refused');
};

describe(SupervisionRecord.name, () => {
  it('opens a matter with who, when and why, and lists it as open', () => {
    const sut = given();
    sut.decide(decision('r1'));
    expect(sut.getUncommittedEvents()).toEqual([opened]);
    expect(sut.open).toEqual(['abnormal-operations']);
  });

  it('closes an open matter, keeping both decisions in the record', () => {
    const sut = given(opened);
    sut.decide(decision('r2', { action: 'close', reason: '已补报年度报告' }));
    expect(sut.getUncommittedEvents()).toEqual([
      new SupervisionMatterClosed({
        creditCode,
        recordId: 'r2',
        kind: 'abnormal-operations',
        reason: '已补报年度报告',
        closedBy: officer,
        closedAt: at.toISOString(),
      }),
    ]);
    expect(sut.view()).toMatchObject({
      open: [],
      entries: [
        { recordId: 'r1', action: 'open' },
        { recordId: 'r2', action: 'close', reason: '已补报年度报告' },
      ],
    });
  });

  it('records a repeated decision (an activity retry) once', () => {
    const sut = given(opened);
    sut.decide(decision('r1'));
    expect(sut.getUncommittedEvents()).toEqual([]);
  });

  it('refuses to open an open matter, to close one not open, and a blank reason', () => {
    expect(refusalOf(() => given(opened).decide(decision('r2')))).toBe(
      SupervisionRefusalType.SupervisionMatterAlreadyOpen,
    );
    expect(refusalOf(() => given().decide(decision('r2', { action: 'close' })))).toBe(
      SupervisionRefusalType.SupervisionMatterNotOpen,
    );
    expect(refusalOf(() => given().decide(decision('r2', { reason: '  ' })))).toBe('ReasonRequired');
  });

  it('keeps the kinds apart and lists open ones in a fixed order', () => {
    const sut = given(opened);
    sut.decide(decision('r2', { kind: 'pledged-equity' }));
    sut.decide(decision('r3', { kind: 'investigation' }));
    expect(sut.open).toEqual(['abnormal-operations', 'investigation', 'pledged-equity']);
  });
});
