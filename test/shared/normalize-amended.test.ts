/**
 * The normalizers against the amended template.md: each accepted shape and, beside it, the nearest
 * shape that is refused.
 */
import { describe, expect, it } from 'vitest';
import {
  daysInclusive,
  isBlank,
  normalizeDate,
  normalizeHeader,
  normalizeNumber,
  normalizeSemester,
  prepareText,
  serialToIso,
} from '../../shared/normalize/index.js';

describe('normalizeDate: the amended shapes', () => {
  it('should read 2026年9月1号 like 2026年9月1日, and refuse the day without 日 or 号', () => {
    expect(normalizeDate('2026年9月1号')).toEqual({ ok: true, value: '2026-09-01', fixes: ['fix.normalize'] });
    expect(normalizeDate('2026年9月1日')).toEqual({ ok: true, value: '2026-09-01', fixes: ['fix.normalize'] });
    expect(normalizeDate('2026年9月1')).toMatchObject({ ok: false, code: 'date.invalid' });
    expect(normalizeDate('2026年9月1天')).toMatchObject({ ok: false, code: 'date.invalid' });
  });

  const withTime: string[] = [
    '2026-09-01 00:00:00',
    '2026-09-01T00:00:00',
    '2026/9/1 0:00',
    '2026-09-01 23:59:59',
    '2026-09-01T08:30',
    '2026-09-01T00:00:00.000Z',
    '2026-09-01T00:00:00+08:00',
    '2026.9.1 12:00',
    '2026年9月1日 8:30',
    '２０２６－０９－０１　００：００',
  ];
  it.each(withTime)('should drop the valid time of day in %s as fix.normalize', (raw) => {
    const r = normalizeDate(raw);
    expect(r).toMatchObject({ ok: true, value: '2026-09-01' });
    expect(r.ok && r.fixes).toContain('fix.normalize');
  });

  const badTime: string[] = [
    '2026-09-01 25:00',
    '2026-09-01 24:00',
    '2026-09-01 23:60',
    '2026-09-01 23:59:60',
    '2026/9/1 99:00',
  ];
  it.each(badTime)('should refuse the impossible time in %s with date.invalid', (raw) => {
    expect(normalizeDate(raw)).toEqual({ ok: false, code: 'date.invalid', reason: 'time' });
  });

  it('should refuse a time after something that is no full date', () => {
    expect(normalizeDate('2026-09 00:00', { yearMonth: true })).toMatchObject({ ok: false, code: 'date.invalid' });
    expect(normalizeDate('九月一日 00:00')).toMatchObject({ ok: false, code: 'date.invalid' });
    expect(normalizeDate('2026-09-01 0:0')).toMatchObject({ ok: false, code: 'date.invalid' });
    expect(normalizeDate('2026-02-30 00:00')).toEqual({ ok: false, code: 'date.invalid', reason: 'impossible' });
  });

  it('should refuse mixed separators', () => {
    expect(normalizeDate('2026-9-1')).toMatchObject({ ok: true, value: '2026-09-01' });
    expect(normalizeDate('2026-09/01')).toMatchObject({ ok: false, code: 'date.invalid' });
  });

  it('should require 月 in a Chinese year-month', () => {
    expect(normalizeDate('2026年9月', { yearMonth: true })).toMatchObject({ ok: true, value: '2026-09' });
    expect(normalizeDate('2026年9', { yearMonth: true })).toMatchObject({ ok: false, code: 'date.invalid' });
  });
});

describe('normalizeDate: Excel serials in the 1900 and the 1904 system', () => {
  it('should read the same serial as different days in the two systems', () => {
    // 2026-09-01 is 46266 from 1900 and 46266 − 1462 = 44804 from 1904.
    expect(normalizeDate(46266)).toEqual({ ok: true, value: '2026-09-01', fixes: [] });
    expect(normalizeDate(44804, { date1904: true })).toEqual({ ok: true, value: '2026-09-01', fixes: [] });
    expect(normalizeDate(44804)).toMatchObject({ ok: true, value: '2022-08-31' });
    expect(normalizeDate(46266, { date1904: true })).toMatchObject({ ok: true, value: '2030-09-02' });
  });
  it('should start the 1904 system at serial 0 with no phantom leap day', () => {
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(59, true)).toBe('1904-02-29');
    expect(serialToIso(60, true)).toBe('1904-03-01');
    expect(serialToIso(60)).toBeNull();
    expect(serialToIso(-1, true)).toBeNull();
    expect(serialToIso(2957003, true)).toBe('9999-12-31');
    expect(serialToIso(2957004, true)).toBeNull();
  });
  it('should still refuse year-like numbers and read 8-digit numbers as YYYYMMDD in the 1904 system', () => {
    expect(normalizeDate(2026.09, { date1904: true })).toMatchObject({ ok: false, reason: 'year-like' });
    expect(normalizeDate(20260901, { date1904: true })).toEqual({
      ok: true,
      value: '2026-09-01',
      fixes: ['fix.normalize'],
    });
  });
});

describe('daysInclusive', () => {
  it('should count both dates, across months and leap days', () => {
    expect(daysInclusive('2026-09-01', '2026-09-01')).toBe(1);
    expect(daysInclusive('2026-09-01', '2026-09-03')).toBe(3);
    expect(daysInclusive('2024-02-28', '2024-03-01')).toBe(3);
    expect(daysInclusive('2025-12-31', '2026-01-01')).toBe(2);
  });
});

describe('normalizeSemester: exactly the listed shapes', () => {
  const autumn = [
    '2026年秋季',
    '2026年秋季学期',
    '2026年秋',
    '2026秋季',
    '2026秋',
    '2026-2027学年第一学期',
    '2026-2027学年第1学期',
  ];
  const spring = [
    '2027年春季',
    '2027年春季学期',
    '2027年春',
    '2027春季',
    '2027春',
    '2026-2027学年第二学期',
    '2026-2027学年第2学期',
  ];
  it.each(autumn)('should read %s as 2026-2027-1 with fix.normalize', (raw) => {
    expect(normalizeSemester(raw)).toEqual({ ok: true, value: '2026-2027-1', fixes: ['fix.normalize'] });
  });
  it.each(spring)('should read %s as 2026-2027-2 with fix.normalize', (raw) => {
    expect(normalizeSemester(raw)).toEqual({ ok: true, value: '2026-2027-2', fixes: ['fix.normalize'] });
  });
  it('should keep the canonical form without a fix and ignore spaces between the parts', () => {
    expect(normalizeSemester('2026-2027-1')).toEqual({ ok: true, value: '2026-2027-1', fixes: [] });
    expect(normalizeSemester('2026 年秋季')).toEqual({ ok: true, value: '2026-2027-1', fixes: ['fix.normalize'] });
    expect(normalizeSemester(' 2026-2027-2 ')).toEqual({ ok: true, value: '2026-2027-2', fixes: ['fix.trim'] });
  });

  const refused = [
    '2026年秋学期',
    '2026秋季学期',
    '2026年冬季',
    '2026年秋天',
    '2026-2027学年上学期',
    '2026-2027学年第三学期',
    '2026-2027学年第3学期',
    '2026-2028学年第一学期',
    '2026—2027学年第一学期',
    '2026-2027第一学期',
    '2026-2027学年度第一学期',
    '2026-2027',
    '2026-2027-3',
    '2026-2028-1',
    '26年秋季',
    '秋季',
    '2026',
  ];
  it.each(refused)('should refuse %s with date.invalid', (raw) => {
    expect(normalizeSemester(raw)).toEqual({ ok: false, code: 'date.invalid', reason: 'semester' });
  });
  it('should refuse a number cell', () => {
    expect(normalizeSemester(2026)).toMatchObject({ ok: false, code: 'date.invalid' });
  });
});

describe('prepareText: invisible characters', () => {
  const removed = [
    '\u200b',
    '\u200c',
    '\u200d',
    '\ufeff',
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\u0000',
    '\u0001',
    '\u0009',
    '\u000b',
    '\u000c',
    '\u001f',
  ];
  it.each(removed.map((c) => [c.codePointAt(0)!.toString(16).padStart(4, '0'), c]))(
    'should remove U+%s inside a text as fix.trim',
    (_hex, c) => {
      expect(prepareText(`张${c}伟`)).toEqual({ text: '张伟', fixes: ['fix.trim'] });
    },
  );
  const kept = ['\n', '\r', '\u200a', '\u200e', '\u200f', '\u2029', '\u202f', '\u2060', '\u2065', '\u206a', '\u007f'];
  it.each(kept.map((c) => [c.codePointAt(0)!.toString(16).padStart(4, '0'), c]))(
    'should keep U+%s inside a text',
    (_hex, c) => {
      expect(prepareText(`张${c}伟`)).toEqual({ text: `张${c}伟`, fixes: [] });
    },
  );
  it('should trim what removing the invisible characters leaves at the edges, and report fix.trim once', () => {
    expect(prepareText('\u202e 张伟\u200b ')).toEqual({ text: '张伟', fixes: ['fix.trim'] });
    expect(prepareText('\u200bＡ１')).toEqual({ text: 'A1', fixes: ['fix.trim', 'fix.fullwidth'] });
  });
  it('should count a cell of invisible characters as blank', () => {
    expect(isBlank('\u200d\u2066\u0001')).toBe(true);
    expect(isBlank('\u200e')).toBe(false);
  });
  it('should ignore invisible characters in headers', () => {
    expect(normalizeHeader('姓\u200b名')).toBe(normalizeHeader('姓名'));
  });
});

describe('normalizeNumber: units', () => {
  it.each(['3.5学时', '3.5 小时', '3.5课时', '3.5h', '3.5H', '3.5 h'])('should read %s as 3.5 with fix.unit', (raw) => {
    expect(normalizeNumber(raw)).toEqual({ ok: true, value: 3.5, fixes: ['fix.unit'] });
  });
  it.each(['3天', '3 天', '90分钟', '1.2万元', '2周'])(
    'should refuse %s, whose unit changes the amount, with reason unit',
    (raw) => {
      expect(normalizeNumber(raw)).toEqual({ ok: false, code: 'number.invalid', reason: 'unit' });
    },
  );
  it.each(['3.5hr', '3.5个学时', '3.5学', '3.5 学 时', '学时3.5', '3.5学时学时'])(
    'should refuse %s, which has no listed unit',
    (raw) => {
      expect(normalizeNumber(raw)).toEqual({ ok: false, code: 'number.invalid' });
    },
  );
  it('should refuse digits past the range of a number rather than read them as Infinity', () => {
    expect(normalizeNumber('9'.repeat(400))).toEqual({ ok: false, code: 'number.range' });
    expect(normalizeNumber(1e308)).toEqual({ ok: true, value: 1e308, fixes: [] });
    expect(normalizeNumber('1e308')).toMatchObject({ ok: false, code: 'number.invalid' });
  });
});
