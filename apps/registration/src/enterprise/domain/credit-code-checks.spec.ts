import { CREDIT_CODE_ALPHABET, finalCheckChar, organisationCheckChar } from './credit-code-checks';

describe(organisationCheckChar.name, () => {
  it('gives X for the worked example body MA2PBM9H (Σ = 705)', () => {
    expect(organisationCheckChar('MA2PBM9H')).toBe('X');
  });

  it('counts letters over the full Latin alphabet (M = 22, P = 25)', () => {
    expect(organisationCheckChar('MA1K3BTP')).toBe('2');
    expect(organisationCheckChar('60003734')).toBe('1');
  });

  it("writes a check of 11 as '0'", () => {
    // Σ = 0, so 11 − 0 = 11.
    expect(organisationCheckChar('00000000')).toBe('0');
  });

  it('refuses a body that is not 8 digits or capitals', () => {
    expect(() => organisationCheckChar('MA2PBM9')).toThrow(RangeError);
    expect(() => organisationCheckChar('ma2pbm9h')).toThrow(RangeError);
  });
});

describe(finalCheckChar.name, () => {
  it('gives D for the worked example (Σ = 3366, 3366 mod 31 = 18, 31 − 18 = 13)', () => {
    expect(finalCheckChar('91340600MA2PBM9HX')).toBe('D');
  });

  it('gives 0 when the sum is a multiple of 31', () => {
    expect(finalCheckChar('00000000000000000')).toBe('0');
  });

  it('refuses chars outside the alphabet and wrong lengths', () => {
    expect(() => finalCheckChar('9111000060003IOZS')).toThrow(RangeError);
    expect(() => finalCheckChar('9111')).toThrow(RangeError);
  });

  it('uses an alphabet of 31 chars without I, O, S, V, Z', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(CREDIT_CODE_ALPHABET).not.toMatch(/[IOSVZ]/);
  });
});
