import { backoffDelayMs } from './backoff';

describe(backoffDelayMs.name, () => {
  const policy = { attempts: 6, initialDelayMs: 100, maxDelayMs: 1000 };

  it('doubles per failed attempt up to the cap, jittered within the upper half', () => {
    const ceilings = [1, 2, 3, 4, 5].map((failed) => backoffDelayMs(policy, failed, () => 1));
    expect(ceilings).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(200);
  });
});
