import { loadTaxConfig } from './env.schema';

describe(loadTaxConfig.name, () => {
  it('consumes as group "tax" unless told otherwise', () => {
    expect(loadTaxConfig({}).TAX_CONSUMER_GROUP).toBe('tax');
    expect(loadTaxConfig({ TAX_CONSUMER_GROUP: 'tax_e2e_1' }).TAX_CONSUMER_GROUP).toBe('tax_e2e_1');
  });

  it('refuses an empty group, naming it', () => {
    expect(() => loadTaxConfig({ TAX_CONSUMER_GROUP: ' ' })).toThrow(/TAX_CONSUMER_GROUP: must not be empty/);
  });
});
