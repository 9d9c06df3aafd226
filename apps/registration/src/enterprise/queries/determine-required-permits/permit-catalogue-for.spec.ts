import { permitCatalogues } from '@govflow/policy';
import { permitCatalogueFor } from './permit-catalogue-for';

describe(permitCatalogueFor.name, () => {
  const issuedAt = new Date('2025-03-01T00:00:00Z');

  it('keeps the version the case started under', () => {
    const { version } = permitCatalogues.latest();
    expect(permitCatalogueFor(version, issuedAt)).toEqual({
      catalogue: permitCatalogues.byVersion(version),
      substituted: false,
    });
  });

  it('takes the version in force at issue for a version never published, and says so', () => {
    expect(permitCatalogueFor('permit-catalogue.v1', issuedAt)).toEqual({
      catalogue: permitCatalogues.at(issuedAt),
      substituted: true,
    });
  });
});
