import { InvalidPolicyTimeline, NoPolicyInForce, PolicyTimeline, UnknownPolicyVersion } from './policy-timeline';

describe(PolicyTimeline.name, () => {
  const sut = new PolicyTimeline('announcement', [
    { version: 'v2', effectiveFrom: '2021-08-01', value: { days: 20 } },
    { version: 'v1', effectiveFrom: '2017-03-01', value: { days: 45 } },
  ]);

  it('keeps the versions in effective order', () => {
    expect(sut.versions.map((v) => v.version)).toEqual(['v1', 'v2']);
    expect(sut.latest().version).toBe('v2');
  });

  it('returns the version in force at an instant', () => {
    expect(sut.at(new Date('2019-06-01T00:00:00Z')).value).toEqual({ days: 45 });
    expect(sut.at(new Date('2030-01-01T00:00:00Z')).version).toBe('v2');
  });

  it('switches at midnight in Beijing on the effective date', () => {
    expect(sut.at(new Date('2021-07-31T23:59:59+08:00')).version).toBe('v1');
    expect(sut.at(new Date('2021-08-01T00:00:00+08:00')).version).toBe('v2');
  });

  it('has nothing in force before the first version', () => {
    expect(() => sut.at(new Date('2017-02-28T12:00:00+08:00'))).toThrow(NoPolicyInForce);
  });

  it('finds a version by its label, for cases that keep the policy they started under', () => {
    expect(sut.byVersion('v1').effectiveFrom).toEqual(new Date('2017-03-01T00:00:00+08:00'));
    expect(() => sut.byVersion('v9')).toThrow(UnknownPolicyVersion);
  });

  it('accepts an instant as the effective date', () => {
    const timeline = new PolicyTimeline('x', [
      { version: 'a', effectiveFrom: new Date('2020-01-01T00:00:00Z'), value: 1 },
    ]);
    expect(timeline.at(new Date('2020-01-01T00:00:00Z')).value).toBe(1);
  });

  it('freezes policy values so no case can edit them', () => {
    const timeline = new PolicyTimeline('x', [{ version: 'a', effectiveFrom: '2020-01-01', value: { list: [1] } }]);
    expect(() => timeline.latest().value.list.push(2)).toThrow(TypeError);
  });

  it.each([
    ['no versions', []],
    [
      'a repeated label',
      [
        { version: 'v1', effectiveFrom: '2020-01-01', value: 1 },
        { version: 'v1', effectiveFrom: '2021-01-01', value: 2 },
      ],
    ],
    [
      'a repeated date',
      [
        { version: 'v1', effectiveFrom: '2020-01-01', value: 1 },
        { version: 'v2', effectiveFrom: '2020-01-01', value: 2 },
      ],
    ],
  ])('refuses %s', (_case, definitions) => {
    expect(() => new PolicyTimeline('x', definitions)).toThrow(InvalidPolicyTimeline);
  });
});
