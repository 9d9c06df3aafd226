import { assessmentPolicies, assessmentPolicyOfYear, failedIndicators } from './assessment-policy';

describe('maker-space assessment policy', () => {
  const { thresholds } = assessmentPolicies.latest().value;

  it('passes a year that reaches every threshold', () => {
    expect(failedIndicators(thresholds, { ...thresholds })).toEqual([]);
  });

  it('lists each indicator below its threshold with the figures', () => {
    expect(failedIndicators(thresholds, { ...thresholds, trainees: 99, companiesRegisteredByGraduates: 0 })).toEqual([
      { indicator: 'trainees', label: '培训人数', required: 100, reported: 99 },
      { indicator: 'companiesRegisteredByGraduates', label: '毕业团队注册企业数', required: 1, reported: 0 },
    ]);
  });

  it('revokes after two consecutive failed years in Tongzhou, for the year assessed', () => {
    expect(assessmentPolicyOfYear(2026).value.revokeAfterConsecutiveFails).toBe(2);
    expect(() => assessmentPolicyOfYear(2017)).toThrow('no version in force');
  });
});
