import { simplifiedDeregistrationPolicies } from './simplified-deregistration-policy';

describe('simplifiedDeregistrationPolicies', () => {
  const at = (local: string) => simplifiedDeregistrationPolicies.at(new Date(`${local}+08:00`)).value;

  it('has no simplified deregistration before 2017-03-01', () => {
    expect(() => at('2017-02-28T23:59:59')).toThrow(/no version in force/);
  });

  it('announces for 45 days from 2017-03-01', () => {
    expect(at('2017-03-01T00:00:00').announcementPeriod).toEqual({ days: 45 });
    expect(at('2021-07-31T23:59:59').announcementPeriod).toEqual({ days: 45 });
  });

  it('announces for 20 days from 2021-08-01', () => {
    expect(at('2021-08-01T00:00:00').announcementPeriod).toEqual({ days: 20 });
    expect(at('2030-01-01T00:00:00').announcementPeriod).toEqual({ days: 20 });
  });

  it('spares individual businesses the announcement from 2022-03-01', () => {
    expect(at('2022-02-28T12:00:00').individualBusinessesAnnounce).toBe(true);
    expect(at('2022-03-01T00:00:00').individualBusinessesAnnounce).toBe(false);
  });
});
