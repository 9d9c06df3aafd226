import { simplifiedDeregistrationPolicies } from './simplified-deregistration-policy';

describe('simplifiedDeregistrationPolicies', () => {
  const at = (local: string) => simplifiedDeregistrationPolicies.at(new Date(`${local}+08:00`)).value;

  it('has no simplified deregistration before 2017-03-01', () => {
    expect(() => at('2017-02-28T23:59:59')).toThrow(/no version in force/);
  });

  it('announces for 45 days from 2017-03-01', () => {
    expect(at('2017-03-01T00:00:00').announcementPeriod).toEqual({ days: 45 });
    expect(at('2021-08-03T23:59:59').announcementPeriod).toEqual({ days: 45 });
  });

  it('announces for 20 days from 2021-08-04 (国市监注发〔2021〕45号)', () => {
    expect(at('2021-08-04T00:00:00').announcementPeriod).toEqual({ days: 20 });
    expect(at('2030-01-01T00:00:00').announcementPeriod).toEqual({ days: 20 });
  });

  it('spares individual businesses the announcement from 2022-03-01', () => {
    expect(at('2022-02-28T12:00:00').individualBusinessesAnnounce).toBe(true);
    expect(at('2022-03-01T00:00:00').individualBusinessesAnnounce).toBe(false);
  });

  it('gives 20 days to confirm, 30 on request, and the officer 3 working days, in every version', () => {
    for (const local of ['2017-03-01T00:00:00', '2021-08-04T00:00:00', '2026-11-29T12:00:00']) {
      expect(at(local)).toMatchObject({
        confirmationPeriod: { days: 20 },
        extendedConfirmationPeriod: { days: 30 },
        reviewPeriod: { workingDays: 3 },
      });
    }
  });
});
