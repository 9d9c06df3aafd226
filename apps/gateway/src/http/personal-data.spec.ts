import { maskIdNumber, maskIdNumbersIn, readsIdNumbersInFull } from './personal-data';

describe('personal data', () => {
  it('masks an ID number to its region and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks every idNumber property at any depth and nothing else', () => {
    const application = {
      legalRepresentative: { name: '张三', idNumber: '11010519491231002X' },
      shareholders: [{ name: '李四', idNumber: '110108199001011231', amount: '1.00' }],
      registeredCapital: '110108199001011231',
    };
    expect(maskIdNumbersIn(application)).toEqual({
      legalRepresentative: { name: '张三', idNumber: '110105********002X' },
      shareholders: [{ name: '李四', idNumber: '110108********1231', amount: '1.00' }],
      registeredCapital: '110108199001011231',
    });
  });

  it('shows them in full to the applicant and the deciding registration officers only', () => {
    const registrant = { id: 'u1', username: 'r', role: 'registrant' as const, department: null };
    const officer = {
      id: 'o',
      username: 'o',
      role: 'registration-officer' as const,
      department: 'market-regulation' as const,
    };
    const admin = { id: 'a', username: 'admin', role: 'administrator' as const, department: null };
    const tax = { id: 't', username: 't', role: 'tax-officer' as const, department: 'tax' as const };
    expect(readsIdNumbersInFull(registrant, 'u1')).toBe(true);
    expect(readsIdNumbersInFull(registrant, 'u2')).toBe(false);
    expect(readsIdNumbersInFull(officer, 'u1')).toBe(true);
    expect(readsIdNumbersInFull(admin, 'u1')).toBe(false);
    expect(readsIdNumbersInFull(tax, 'u1')).toBe(false);
  });
});
