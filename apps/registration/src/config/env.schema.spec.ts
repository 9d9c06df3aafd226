import { InvalidConfiguration } from '@govflow/config';
import { loadRegistrationConfig } from './env.schema';

describe(loadRegistrationConfig.name, () => {
  it('registers in Haidian, Beijing, when nothing is set', () => {
    expect(loadRegistrationConfig({})).toMatchObject({ REGISTERING_DIVISION: '110108', REGISTERING_CITY: '北京' });
  });

  it('refuses a division that is not 6 digits, naming it', () => {
    const attempt = () => loadRegistrationConfig({ REGISTERING_DIVISION: '1101' });
    expect(attempt).toThrow(InvalidConfiguration);
    expect(attempt).toThrow(/REGISTERING_DIVISION: must be a 6-digit GB\/T 2260 division code/);
  });
});
