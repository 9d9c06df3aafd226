import { CaseKind, CaseSearchAttribute } from '@govflow/contracts';
import { caseSearchAttributes, derivedCaseId } from './case-start';

describe(derivedCaseId.name, () => {
  // Cases started before the helper existed carry these ids: a repeat under the same key must still find them.
  it('derives the same UUID the services derived before, per kind, applicant and key', () => {
    expect(derivedCaseId('voucher', 'registrant1', 'key-1')).toBe('c474bac6-869b-5045-ac9f-7c6e71a0f54b');
    expect(derivedCaseId('deregistration', 'registrant1', 'key-1')).toBe('350c3ee5-45e1-56ea-a9b7-84208207364c');
  });

  it('gives two applicants, or two kinds, different cases under the same key', () => {
    const ids = [
      derivedCaseId('grant', 'registrant1', 'k'),
      derivedCaseId('grant', 'registrant2', 'k'),
      derivedCaseId('permit', 'registrant1', 'k'),
    ];
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe(caseSearchAttributes.name, () => {
  it('names the case, its kind, its applicant and its first status', () => {
    expect(caseSearchAttributes('c-1', CaseKind.Grant, 'u-1', 'applied')).toEqual([
      { key: CaseSearchAttribute.CaseId, value: 'c-1' },
      { key: CaseSearchAttribute.CaseKind, value: CaseKind.Grant },
      { key: CaseSearchAttribute.ApplicantId, value: 'u-1' },
      { key: CaseSearchAttribute.CaseStatus, value: 'applied' },
    ]);
  });
});
