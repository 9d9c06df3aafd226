import { commitmentProblems, ineligibilityReasons } from './application-checks';

describe(ineligibilityReasons.name, () => {
  it('lists every reason at once', () => {
    const reasons = ineligibilityReasons({
      openSupervision: ['abnormal-operations', 'pledged-equity'],
      deregistrationInProgress: true,
      deregistered: true,
    });
    expect(reasons.map((r) => r.code)).toEqual([
      'abnormal-operations',
      'pledged-equity',
      'deregistration-in-progress',
      'already-deregistered',
    ]);
  });

  it('finds none for an enterprise in good standing', () => {
    expect(ineligibilityReasons({ openSupervision: [], deregistrationInProgress: false, deregistered: false })).toEqual(
      [],
    );
  });
});

describe(commitmentProblems.name, () => {
  const zhang = { name: '张伟', idNumber: '11010819900101123X' };
  const li = { name: '李娜', idNumber: '110108199202022345' };
  const signed = (p: { name: string; idNumber: string }) => ({ ...p, signedAt: '2026-11-28T10:00:00.000Z' });

  it('accepts one commitment from every investor, ID numbers matched whatever the case of X', () => {
    expect(commitmentProblems([zhang, li], [signed(li), signed({ ...zhang, idNumber: '11010819900101123x' })])).toEqual(
      [],
    );
  });

  it('names the missing investor and the unknown one', () => {
    const problems = commitmentProblems(
      [zhang, li],
      [signed(zhang), signed({ name: '王强', idNumber: '110108198003033456' })],
    );
    expect(problems).toEqual([
      { code: 'investor-unknown', field: 'commitments.1', message: expect.stringContaining('王强') },
      { code: 'commitment-missing', field: 'commitments', message: expect.stringContaining('李娜') },
    ]);
  });
});
