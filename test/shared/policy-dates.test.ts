import { describe, expect, it } from 'vitest';
import { yearOf } from '../../scripts/cli/args.js';
import { addMonths, fullYearsBetween, monthsThroughDecember, toDay } from '../../shared/policy/dates.js';
import { currentYear, defaultAsOf, maskId, PolicyError } from '../../shared/policy/index.js';

describe('policy dates', () => {
  it('should read a year-month as the 1st of the month', () => {
    expect(toDay('2026-03')).toBe('2026-03-01');
    expect(monthsThroughDecember('2026-03')).toBe(10);
    expect(monthsThroughDecember('2026-12-31')).toBe(1);
  });

  it('should add months, keeping the day or the month end', () => {
    expect(addMonths('2025-09-01', 12)).toBe('2026-09-01');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('should count whole years, an anniversary on its day', () => {
    expect(fullYearsBetween('2021-09-01', '2026-09-01')).toBe(5);
    expect(fullYearsBetween('2021-09-02', '2026-09-01')).toBe(4);
  });
});

describe('defaultAsOf', () => {
  const today = new Date('2026-11-23T10:00:00Z');

  it('should give 31 Dec for a past year and today for the current year', () => {
    expect(defaultAsOf(2025, today)).toBe('2025-12-31');
    expect(defaultAsOf(2026, today)).toBe('2026-11-23');
  });

  it('should reject a future year with policy.future_year', () => {
    expect(() => defaultAsOf(2027, today)).toThrow(PolicyError);
    expect(() => defaultAsOf(2027, today)).toThrow(expect.objectContaining({ code: 'policy.future_year' }));
  });

  it('should take today in Beijing time, whatever the machine time zone', () => {
    const newYearInBeijing = new Date('2026-12-31T17:00:00Z');
    expect(defaultAsOf(2027, newYearInBeijing)).toBe('2027-01-01');
    expect(defaultAsOf(2026, newYearInBeijing)).toBe('2026-12-31');
  });

  it('should call it the new year at midnight in Beijing, not in UTC nor on the local clock', () => {
    expect(currentYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(currentYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    // The CLI's default --year is the same year the worker defaults to.
    expect(yearOf(undefined, new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(yearOf('2025', new Date('2026-12-31T16:00:00Z'))).toBe(2025);
  });
});

describe('maskId', () => {
  it('should keep the first 6 and last 4 characters of an 18-character ID', () => {
    expect(maskId('32010219800101123X')).toBe('320102********123X');
  });

  it('should never show more than 10 characters, nor most of a short value', () => {
    for (const id of ['320102800101123', '3201021980010112345678', '12345', '', '3.20102198001011E+17']) {
      const masked = maskId(id);
      expect(masked).toHaveLength(id.length);
      const shown = [...masked].filter((c) => c !== '*').length;
      expect(shown).toBeLessThanOrEqual(Math.min(10, Math.floor(id.length / 2)));
    }
    expect(maskId('320102800101123')).toBe('320*********123');
  });
});
