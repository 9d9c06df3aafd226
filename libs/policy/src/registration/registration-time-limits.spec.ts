import { registrationTimeLimits } from './registration-time-limits';

describe('registrationTimeLimits', () => {
  const at = (local: string) => registrationTimeLimits.at(new Date(`${local}+08:00`)).value;

  it('has no time limit before 三证合一 (2015-10-01)', () => {
    expect(() => at('2015-09-30T23:59:59')).toThrow(/no version in force/);
  });

  it('gives the officer 3 working days from 2015-10-01 (R1.5a), not 3 calendar days', () => {
    expect(at('2015-10-01T00:00:00').reviewPeriod).toEqual({ workingDays: 3 });
    expect(at('2026-09-30T18:00:00').reviewPeriod).toEqual({ workingDays: 3 });
  });
});
