import { describe, expect, it } from 'vitest';
import { defaultTokenExpiry, lastValidDay } from '../../shared/api/token-expiry.js';

/** A moment given as Beijing wall-clock time (UTC+8). */
const beijing = (local: string) => new Date(`${local}+08:00`);

describe('defaultTokenExpiry', () => {
  it('should run a clerk or reviewer token to the end of the current school year', () => {
    expect(defaultTokenExpiry('clerk', beijing('2025-09-01T00:00:00'))).toBe('2026-08-31T16:00:00.000Z');
    expect(defaultTokenExpiry('reviewer', beijing('2025-12-31T23:59:59'))).toBe('2026-08-31T16:00:00.000Z');
    expect(defaultTokenExpiry('clerk', beijing('2026-05-31T23:59:59'))).toBe('2026-08-31T16:00:00.000Z');
  });

  it('should give a token issued in the summer the whole next school year', () => {
    expect(defaultTokenExpiry('clerk', beijing('2026-06-01T00:00:00'))).toBe('2027-08-31T16:00:00.000Z');
    expect(defaultTokenExpiry('reviewer', beijing('2026-08-31T23:59:59'))).toBe('2027-08-31T16:00:00.000Z');
  });

  it('should decide by the date in Beijing, not by UTC', () => {
    // 31 May 17:00 UTC is already 1 June in Beijing.
    expect(defaultTokenExpiry('clerk', new Date('2026-05-31T17:00:00Z'))).toBe('2027-08-31T16:00:00.000Z');
    expect(defaultTokenExpiry('clerk', new Date('2026-05-31T15:00:00Z'))).toBe('2026-08-31T16:00:00.000Z');
  });

  it('should last between three and fifteen months', () => {
    for (let d = Date.parse('2025-01-01T00:00:00Z'); d < Date.parse('2027-01-01T00:00:00Z'); d += 86_400_000) {
      const days = (Date.parse(defaultTokenExpiry('clerk', new Date(d))!) - d) / 86_400_000;
      expect(days).toBeGreaterThan(91);
      expect(days).toBeLessThan(458);
    }
  });

  it('should leave admin tokens without an expiry', () => {
    expect(defaultTokenExpiry('admin', beijing('2026-03-01T00:00:00'))).toBeNull();
  });
});

describe('lastValidDay', () => {
  it('should name 31 August for a token that ends at the school year', () => {
    expect(lastValidDay('2026-08-31T16:00:00.000Z')).toBe('2026-08-31');
    expect(lastValidDay('2026-03-01T04:00:00Z')).toBe('2026-03-01');
  });
});
