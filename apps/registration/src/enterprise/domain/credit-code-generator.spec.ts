import { CreditCode } from './credit-code';
import { generateCreditCode } from './credit-code-generator';
import { InvalidCreditCode } from './invalid-credit-code.error';
import { organisationBodyForSequence } from './organisation-body-allocator';

describe(generateCreditCode.name, () => {
  it('computes both check chars of the worked example', () => {
    const code = generateCreditCode({
      authority: '9',
      category: '1',
      division: '340600',
      organisationBody: 'MA2PBM9H',
    });
    expect(code.value).toBe('91340600MA2PBM9HXD');
  });

  it('reproduces the published valid codes', () => {
    expect(
      generateCreditCode({ authority: '9', category: '1', division: '110000', organisationBody: '60003734' }).value,
    ).toBe('91110000600037341L');
    expect(
      generateCreditCode({ authority: '9', category: '1', division: '310115', organisationBody: 'MA1K3BTP' }).value,
    ).toBe('91310115MA1K3BTP2B');
  });

  it('issues codes that pass strict parsing, for every category', () => {
    for (const category of ['1', '2', '3'] as const) {
      const code = generateCreditCode({ authority: '9', category, division: '110108', organisationBody: 'MA01ABCD' });
      expect(CreditCode.parse(code.value).category).toBe(category);
    }
  });

  it('issues a valid code for allocated bodies across a block', () => {
    for (const sequence of [0, 1, 30, 31, 960, 29_791, 887_502_680]) {
      const organisationBody = organisationBodyForSequence(sequence, 'MA');
      const code = generateCreditCode({ authority: '9', category: '1', division: '110112', organisationBody });
      expect(CreditCode.parse(code.value).checkCharsValid).toBe(true);
    }
  });

  it.each([
    ['a short body', { division: '110108', organisationBody: 'MA2PBM9' }, 'length'],
    ['a body with I', { division: '110108', organisationBody: 'MA2PBI9H' }, 'alphabet'],
    ['a division with letters', { division: '11010X', organisationBody: 'MA2PBM9H' }, 'division'],
  ])('refuses %s', (_case, parts, rule) => {
    const attempt = () => generateCreditCode({ authority: '9', category: '1', ...parts });
    expect(attempt).toThrow(InvalidCreditCode);
    expect(attempt).toThrow(expect.objectContaining({ rule }));
  });
});
