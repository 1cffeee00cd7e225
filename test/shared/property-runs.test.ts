import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../fixtures/property-runs.js';

describe('propertyRuns', () => {
  it('should run the thorough count unless SHIXUN_PROPERTY_RUNS says otherwise', () => {
    expect(propertyRuns(undefined, 10_000)).toBe(10_000);
    expect(propertyRuns('', 10_000)).toBe(10_000);
    expect(propertyRuns('300', 10_000)).toBe(300);
  });

  it('should refuse a value that is not a whole number of runs rather than run none', () => {
    for (const bad of ['0', '-5', '2.5', 'many', '1e400'])
      expect(() => propertyRuns(bad, 10_000)).toThrow(/SHIXUN_PROPERTY_RUNS/);
  });
});
