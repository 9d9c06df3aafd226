import { openApiSchemaOf } from '../../http/openapi-schema';
import { establishmentApplicationRequest } from './establishment-application.request';
import { normaliseAmount } from './money';
import { residentIdNumber } from './resident-id-number';

// The document states what the server enforces, so a client generated from it sends only what is accepted.
describe('the OpenAPI schema of an establishment application', () => {
  const schema = JSON.stringify(openApiSchemaOf(establishmentApplicationRequest));

  it('states the ID number pattern, the amount limits and the known divisions', () => {
    expect(schema).toContain('"pattern":"^[0-9]{17}[0-9Xx]$"');
    // OpenAPI 3.0 has no numeric exclusiveMinimum; amounts have 2 decimals, so above zero is at least 0.01.
    expect(schema).toContain('"minimum":0.01');
    expect(schema).toMatch(/"enum":\["北京"/);
  });

  it('says of amount strings what normaliseAmount says', () => {
    const pattern = new RegExp(JSON.parse(schema.match(/"pattern":("\^\\\\s\*\(\?!0[^]*?")/)![1]!) as string);
    for (const text of ['1', '100.00', '0.01', ' 5 ', '0', '0.00', '00', '-1', '1.234', '1e3', '1234567890123456']) {
      expect([text, pattern.test(text)]).toEqual([text, 'amount' in normaliseAmount(text)]);
    }
  });

  it('keeps the ID number pattern no wider than the check', () => {
    expect(residentIdNumber.safeParse('11010519491231002X').success).toBe(true);
  });
});
