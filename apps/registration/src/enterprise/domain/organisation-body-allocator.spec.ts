import { CREDIT_CODE_ALPHABET } from './credit-code-checks';
import {
  organisationBodyCapacity,
  organisationBodyForSequence,
  sequenceOfOrganisationBody,
} from './organisation-body-allocator';

describe(organisationBodyForSequence.name, () => {
  it('counts in base 31 over the credit-code alphabet, zero-padded to 8 chars', () => {
    expect(organisationBodyForSequence(0)).toBe('00000000');
    expect(organisationBodyForSequence(30)).toBe('0000000Y');
    expect(organisationBodyForSequence(31)).toBe('00000010');
    expect(organisationBodyForSequence(organisationBodyCapacity() - 1)).toBe('YYYYYYYY');
  });

  it('keeps the block prefix in front', () => {
    expect(organisationBodyForSequence(0, 'MA')).toBe('MA000000');
    expect(organisationBodyForSequence(31 ** 6 - 1, 'MA')).toBe('MAYYYYYY');
  });

  it('never gives two sequence numbers the same body', () => {
    const bodies = new Set<string>();
    for (let sequence = 0; sequence < 5_000; sequence++) bodies.add(organisationBodyForSequence(sequence, 'MA'));
    expect(bodies.size).toBe(5_000);
  });

  it('is inverted by sequenceOfOrganisationBody, which proves it injective', () => {
    for (const sequence of [0, 1, 31, 961, 123_456, 887_503_680, organisationBodyCapacity('MA') - 1]) {
      const body = organisationBodyForSequence(sequence, 'MA');
      expect(sequenceOfOrganisationBody(body, 'MA')).toBe(sequence);
    }
  });

  it('uses only chars from the credit-code alphabet', () => {
    for (const sequence of [0, 999, 31 ** 5 + 17, 31 ** 8 - 1]) {
      expect([...organisationBodyForSequence(sequence)].every((c) => CREDIT_CODE_ALPHABET.includes(c))).toBe(true);
    }
  });

  it.each([-1, 1.5, Number.NaN, 31 ** 6])('refuses sequence %p in a 6-char block', (sequence) => {
    expect(() => organisationBodyForSequence(sequence, 'MA')).toThrow(RangeError);
  });

  it('refuses a prefix outside the alphabet or filling the body', () => {
    expect(() => organisationBodyForSequence(0, 'MI')).toThrow(RangeError);
    expect(() => organisationBodyForSequence(0, 'MA000000')).toThrow(RangeError);
  });
});

describe(sequenceOfOrganisationBody.name, () => {
  it('refuses a body from another block', () => {
    expect(() => sequenceOfOrganisationBody('MB000001', 'MA')).toThrow(RangeError);
    expect(() => sequenceOfOrganisationBody('MA00000I', 'MA')).toThrow(RangeError);
  });
});
