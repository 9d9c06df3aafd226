import { CreditCode } from './credit-code';
import { InvalidCreditCode, type CreditCodeRule } from './invalid-credit-code.error';

function ruleBrokenBy(value: string, legacyTolerated = false): CreditCodeRule | undefined {
  const result = CreditCode.tryParse(value, { legacyTolerated });
  return result.ok ? undefined : result.error.rule;
}

describe(CreditCode.name, () => {
  it.each(['91340600MA2PBM9HXD', '91110000600037341L', '91310115MA1K3BTP2B'])('accepts %s', (value) => {
    const code = CreditCode.parse(value);
    expect(code.value).toBe(value);
    expect(code.checkCharsValid).toBe(true);
  });

  it('reads the parts of the worked example', () => {
    const code = CreditCode.parse('91340600MA2PBM9HXD');
    expect(code.registrationAuthority).toBe('9');
    expect(code.category).toBe('1');
    expect(code.division).toBe('340600');
    expect(code.organisationCode).toBe('MA2PBM9HX');
    expect(String(code)).toBe('91340600MA2PBM9HXD');
  });

  it('refuses a wrong final check char', () => {
    expect(() => CreditCode.parse('91110000600037341N')).toThrow(InvalidCreditCode);
    expect(() => CreditCode.parse('91110000600037341N')).toThrow(/check char is "N", should be "L"/);
    expect(ruleBrokenBy('91110000600037341N')).toBe('final-check');
  });

  it('refuses letters outside the alphabet and names them', () => {
    expect(ruleBrokenBy('9111000060003IOZSV')).toBe('alphabet');
    expect(() => CreditCode.parse('9111000060003IOZSV')).toThrow(/"IOZS" not allowed/);
  });

  it('refuses the standard illustrative code, whose check char is wrong', () => {
    expect(ruleBrokenBy('91350100M000100Y4Z')).toBe('final-check');
  });

  it('accepts that code only when importing tolerated legacy data, and says so', () => {
    const code = CreditCode.parse('91350100M000100Y4Z', { legacyTolerated: true });
    expect(code.checkCharsValid).toBe(false);
    expect(CreditCode.parse('91110000600037341L', { legacyTolerated: true }).checkCharsValid).toBe(true);
  });

  it('refuses a wrong organisation-code check char, tolerated only for legacy data', () => {
    expect(ruleBrokenBy('91340600MA2PBM9H0D')).toBe('organisation-check');
    expect(() => CreditCode.parse('91340600MA2PBM9H0D')).toThrow(/should be "X"/);
    expect(ruleBrokenBy('91340600MA2PBM9H0D', true)).toBeUndefined();
  });

  it.each<[string, string, CreditCodeRule]>([
    ['too short', '91110000600037341', 'length'],
    ['too long', '91110000600037341LL', 'length'],
    ['lower case', '91310115ma1k3btp2b', 'alphabet'],
    ['a non-alphanumeric check position', '91110000600037341-', 'alphabet'],
    ['authority 8', '81110000600037341L', 'registration-category'],
    ['category 9 under market regulation', '99110000600037341L', 'registration-category'],
    ['a letter in the division', '9111A000600037341L', 'division'],
  ])('refuses %s', (_case, value, rule) => {
    expect(ruleBrokenBy(value)).toBe(rule);
    expect(ruleBrokenBy(value, true)).toBe(rule);
  });

  it('accepts other authorities of GB 32100 table 1', () => {
    // Check chars computed for a social organisation (民政 5, category 1) and an organ (机构编制 1, category 1).
    expect(ruleBrokenBy('511100005000000071')).toBeUndefined();
    expect(ruleBrokenBy('11110000000013127H')).toBeUndefined();
  });

  it('compares by value', () => {
    expect(CreditCode.parse('91110000600037341L').equals(CreditCode.parse('91110000600037341L'))).toBe(true);
    expect(CreditCode.parse('91110000600037341L').equals(CreditCode.parse('91310115MA1K3BTP2B'))).toBe(false);
  });

  it('rethrows nothing but its own errors from tryParse', () => {
    expect(CreditCode.tryParse('x')).toMatchObject({ ok: false, error: { rule: 'length' } });
  });
});
