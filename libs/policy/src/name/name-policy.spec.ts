import { namePolicies, namePolicyV1 } from './name-policy';

describe('namePolicies', () => {
  it('reserves a name for 2 months and blocks a released one for 1 year', () => {
    expect(namePolicyV1.reservationPeriod).toEqual({ months: 2 });
    expect(namePolicyV1.coolingOffPeriod).toEqual({ years: 1 });
    expect(namePolicyV1.minimumTradeNameLength).toBe(2);
  });

  it('is the version in force today', () => {
    expect(namePolicies.at(new Date('2025-01-01T00:00:00Z')).value).toBe(namePolicyV1);
  });

  it('knows every Beijing district, as short and full name', () => {
    const districts = namePolicyV1.places.filter((p) => p.within === '北京');
    expect(districts).toHaveLength(16);
    expect(districts.map((d) => d.name)).toEqual(expect.arrayContaining(['海淀', '朝阳', '通州', '延庆']));
    expect(districts.find((d) => d.name === '石景山')?.fullName).toBe('石景山区');
  });

  it('knows all 34 province-level divisions', () => {
    const provinceLevel = namePolicyV1.places.filter((p) => p.within === undefined);
    expect(provinceLevel).toHaveLength(34);
  });

  it('lists each place, industry term, form and prohibited term once', () => {
    for (const list of [
      namePolicyV1.places.map((p) => p.fullName),
      namePolicyV1.industryTerms,
      namePolicyV1.organisationForms,
      namePolicyV1.prohibitedTerms.map((t) => t.term),
    ]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('places every city and district inside a division it also knows', () => {
    const names = new Set(namePolicyV1.places.map((p) => p.name));
    for (const p of namePolicyV1.places) if (p.within !== undefined) expect(names.has(p.within)).toBe(true);
  });
});
