import { UpcasterChain } from './upcaster-chain';

describe(UpcasterChain.name, () => {
  const sut = new UpcasterChain([
    { type: 'Renamed', fromSchemaVersion: 1, upcast: ({ name }) => ({ fullName: name }) },
    { type: 'Renamed', fromSchemaVersion: 2, upcast: ({ fullName }) => ({ names: [fullName] }) },
  ]);

  it('applies upcasters in sequence up to the newest schema version', () => {
    expect(sut.upcast({ type: 'Renamed', schemaVersion: 1, data: { name: 'x' } })).toEqual({
      type: 'Renamed',
      schemaVersion: 3,
      data: { names: ['x'] },
    });
  });

  it('returns events already in the newest shape, or of other types, unchanged', () => {
    const newest = { type: 'Renamed', schemaVersion: 3, data: { names: [] } };
    const other = { type: 'Other', schemaVersion: 1, data: {} };
    expect(sut.upcast(newest)).toBe(newest);
    expect(sut.upcast(other)).toBe(other);
  });

  it('refuses two upcasters from the same version', () => {
    const twice = { type: 'A', fromSchemaVersion: 1, upcast: (data: Record<string, unknown>) => data };
    expect(() => new UpcasterChain([twice, twice])).toThrow(/Two upcasters/);
  });
});
