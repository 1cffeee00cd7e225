import { describe, expect, it } from 'vitest';
import { BACKBONE_LEVELS, SUBJECTS, TRAINING_LEVELS } from '../../shared/contract/enums.js';
import {
  normalizeDate,
  normalizeEnum,
  normalizeGender,
  normalizeHeader,
  normalizeNumber,
  normalizePersonName,
  normalizePhone,
  normalizeSemester,
  normalizeText,
  normalizeTitle,
  normalizeYesNo,
  prepareText,
  serialToIso,
  suggestEnumValue,
  withoutTrailingUnit,
} from '../../shared/normalize/index.js';

describe('prepareText', () => {
  it('should trim NBSP and ideographic spaces and report fix.trim', () => {
    expect(prepareText('\u00a0张三\u3000')).toEqual({ text: '张三', fixes: ['fix.trim'] });
  });
  it('should convert full-width digits, letters, parentheses and minus and report fix.fullwidth', () => {
    expect(prepareText('ＡＢ（１２）－ｘ')).toEqual({ text: 'AB(12)-x', fixes: ['fix.fullwidth'] });
  });
  it('should list trim before fullwidth when both apply', () => {
    expect(prepareText(' ３.５ ').fixes).toEqual(['fix.trim', 'fix.fullwidth']);
  });
  it('should leave Chinese punctuation alone', () => {
    expect(prepareText('培训，研讨。')).toEqual({ text: '培训，研讨。', fixes: [] });
  });
});

describe('normalizeDate', () => {
  const shapes: [string, string][] = [
    ['2026-09-01', '2026-09-01'],
    ['2026/9/1', '2026-09-01'],
    ['2026.9.1', '2026-09-01'],
    ['2026年9月1日', '2026-09-01'],
    ['20260901', '2026-09-01'],
    ['２０２６－０９－０１', '2026-09-01'],
    ['2026-09-01 00:00:00', '2026-09-01'],
  ];
  it.each(shapes)('should read %s as %s', (raw, iso) => {
    const r = normalizeDate(raw);
    expect(r).toMatchObject({ ok: true, value: iso });
  });
  it('should not report a fix for the standard shape and report fix.normalize for the others', () => {
    expect(normalizeDate('2026-09-01')).toEqual({ ok: true, value: '2026-09-01', fixes: [] });
    expect(normalizeDate('2026/9/1')).toEqual({ ok: true, value: '2026-09-01', fixes: ['fix.normalize'] });
  });
  it('should read Excel 1900-system serials, including around the phantom 1900-02-29', () => {
    expect(normalizeDate(46266)).toEqual({ ok: true, value: '2026-09-01', fixes: [] });
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBeNull();
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(normalizeDate(46266.75)).toMatchObject({ ok: true, value: '2026-09-01' });
  });
  it('should read a Date cell by its UTC calendar date', () => {
    expect(normalizeDate(new Date('2026-09-01T00:00:00Z'))).toEqual({ ok: true, value: '2026-09-01', fixes: [] });
  });
  it('should refuse impossible dates and unknown shapes with date.invalid', () => {
    expect(normalizeDate('2026-02-30')).toMatchObject({ ok: false, code: 'date.invalid', reason: 'impossible' });
    expect(normalizeDate('九月一日')).toMatchObject({ ok: false, code: 'date.invalid' });
    expect(normalizeDate('2026-09')).toMatchObject({ ok: false, code: 'date.invalid' });
  });
  it('should accept year-month forms only for year-month columns', () => {
    for (const raw of ['2026-09', '2026/9', '2026.9', '2026年9月']) {
      expect(normalizeDate(raw, { yearMonth: true })).toMatchObject({ ok: true, value: '2026-09' });
    }
    expect(normalizeDate('2026-09-01', { yearMonth: true })).toMatchObject({ ok: true, value: '2026-09-01' });
  });
  it('should refuse a number that looks like a year-month typed as a number', () => {
    expect(normalizeDate(2026.09, { yearMonth: true })).toMatchObject({
      ok: false,
      code: 'date.invalid',
      reason: 'year-like',
    });
  });
  it('should read an 8-digit number cell as YYYYMMDD', () => {
    expect(normalizeDate(20260901)).toEqual({ ok: true, value: '2026-09-01', fixes: ['fix.normalize'] });
  });
});

describe('normalizeNumber', () => {
  it('should read numbers with trailing units and report fix.unit', () => {
    expect(normalizeNumber('3.5学时')).toEqual({ ok: true, value: 3.5, fixes: ['fix.unit'] });
    expect(normalizeNumber('3.5 小时')).toEqual({ ok: true, value: 3.5, fixes: ['fix.unit'] });
    expect(normalizeNumber('12h')).toEqual({ ok: true, value: 12, fixes: ['fix.unit'] });
  });
  it('should strip only the units of the column', () => {
    expect(normalizeNumber('30节', ['节', '次'])).toEqual({ ok: true, value: 30, fixes: ['fix.unit'] });
    expect(normalizeNumber('5000元', ['元'])).toEqual({ ok: true, value: 5000, fixes: ['fix.unit'] });
    expect(normalizeNumber('12,000元', ['元'])).toEqual({
      ok: true,
      value: 12000,
      fixes: ['fix.normalize', 'fix.unit'],
    });
    expect(normalizeNumber('5000元')).toMatchObject({ ok: false, code: 'number.invalid' });
    expect(normalizeNumber('3学时', ['元'])).toMatchObject({ ok: false, code: 'number.invalid' });
  });
  it('should read full-width digits and report fix.fullwidth', () => {
    expect(normalizeNumber('３.５')).toEqual({ ok: true, value: 3.5, fixes: ['fix.fullwidth'] });
  });
  it('should keep number cells and plain text numbers without a fix', () => {
    expect(normalizeNumber(3.5)).toEqual({ ok: true, value: 3.5, fixes: [] });
    expect(normalizeNumber('3.5')).toEqual({ ok: true, value: 3.5, fixes: [] });
  });
  it('should refuse units that change the magnitude and other text', () => {
    for (const raw of ['3天', '2万元', '三', '3.5.1', '']) expect(normalizeNumber(raw)).toMatchObject({ ok: false });
    expect(normalizeNumber('abc')).toMatchObject({ ok: false, code: 'number.invalid' });
  });
});

describe('normalizeEnum', () => {
  it('should accept exact values without a fix and aliases with fix.normalize', () => {
    expect(normalizeEnum('区级', TRAINING_LEVELS)).toEqual({ ok: true, value: '区级', fixes: [] });
    expect(normalizeEnum('县级', TRAINING_LEVELS)).toEqual({ ok: true, value: '区级', fixes: ['fix.normalize'] });
    expect(normalizeEnum('体育', SUBJECTS)).toEqual({ ok: true, value: '体育与健康', fixes: ['fix.normalize'] });
  });
  it('should suggest the value within one edit, or the only value the text contains', () => {
    expect(normalizeEnum('区级级', TRAINING_LEVELS)).toMatchObject({
      ok: false,
      code: 'enum.invalid',
      suggestion: '区级',
    });
    expect(suggestEnumValue('省级骨干', BACKBONE_LEVELS)).toBe('省级');
    expect(suggestEnumValue('乱写的', BACKBONE_LEVELS)).toBeUndefined();
  });
  it('should read yes/no forms', () => {
    for (const raw of ['是', 'Y', 'y', '√', '1', 1, true])
      expect(normalizeYesNo(raw)).toMatchObject({ ok: true, value: '是' });
    for (const raw of ['否', 'N', 'n', '×', '0', 0, false])
      expect(normalizeYesNo(raw)).toMatchObject({ ok: true, value: '否' });
    expect(normalizeYesNo('也许')).toMatchObject({ ok: false, code: 'enum.invalid' });
  });
  it('should read gender forms', () => {
    for (const raw of ['男', '男性', 'M', 'm']) expect(normalizeGender(raw)).toMatchObject({ ok: true, value: '男' });
    for (const raw of ['女', '女性', 'F', 'f']) expect(normalizeGender(raw)).toMatchObject({ ok: true, value: '女' });
  });
});

describe('normalizeTitle', () => {
  const legacy: [string, string][] = [
    ['中学高级', '高级教师'],
    ['小学中学高级', '高级教师'],
    ['副高', '高级教师'],
    ['副高级', '高级教师'],
    ['中学一级', '一级教师'],
    ['小学高级', '一级教师'],
    ['中级', '一级教师'],
    ['中学二级', '二级教师'],
    ['小学一级', '二级教师'],
    ['助理级', '二级教师'],
    ['初级', '二级教师'],
    ['中学三级', '三级教师'],
    ['小学二级', '三级教师'],
    ['小学三级', '三级教师'],
    ['员级', '三级教师'],
    ['正高', '正高级教师'],
    ['正高级', '正高级教师'],
    ['小学高级教师', '一级教师'],
    ['中学高级教师', '高级教师'],
    ['中小学一级教师', '一级教师'],
    ['高级', '高级教师'],
    ['一级', '一级教师'],
    ['高级职称', '高级教师'],
  ];
  it.each(legacy)('should normalize %s to %s with fix.normalize', (raw, value) => {
    expect(normalizeTitle(raw)).toEqual({ ok: true, value, fixes: ['fix.normalize'] });
  });
  it('should keep the 2015 ladder as is', () => {
    expect(normalizeTitle('一级教师')).toEqual({ ok: true, value: '一级教师', fixes: [] });
  });
});

describe('normalizeSemester', () => {
  const forms: [string, string][] = [
    ['2026-2027-1', '2026-2027-1'],
    ['2026年秋季', '2026-2027-1'],
    ['2027年春季', '2026-2027-2'],
    ['2026-2027学年第一学期', '2026-2027-1'],
    ['2026-2027学年第二学期', '2026-2027-2'],
    ['２０２６－２０２７－２', '2026-2027-2'],
  ];
  it.each(forms)('should read %s as %s', (raw, value) => {
    expect(normalizeSemester(raw)).toMatchObject({ ok: true, value });
  });
  it('should refuse terms whose years are not consecutive', () => {
    expect(normalizeSemester('2026-2028-1')).toMatchObject({ ok: false, code: 'date.invalid', reason: 'semester' });
    expect(normalizeSemester('第一学期')).toMatchObject({ ok: false });
  });
});

describe('normalizePhone and names', () => {
  it('should accept mainland mobiles, dropping separators and +86', () => {
    expect(normalizePhone('13812345678')).toEqual({ ok: true, value: '13812345678', fixes: [] });
    expect(normalizePhone('+86 138-1234-5678')).toEqual({ ok: true, value: '13812345678', fixes: ['fix.normalize'] });
    expect(normalizePhone(13812345678)).toMatchObject({ ok: true, value: '13812345678' });
    expect(normalizePhone('0510-85123456')).toMatchObject({ ok: false, code: 'phone.invalid' });
  });
  it('should accept CJK, middle-dot and Latin names of 2–20 characters', () => {
    for (const n of ['张三', '欧阳娜娜', '阿依古丽·买买提', 'John Smith'])
      expect(normalizePersonName(n)).toMatchObject({ ok: true, value: n });
    expect(normalizePersonName('张  三')).toEqual({ ok: true, value: '张三', fixes: ['fix.normalize'] });
    for (const n of ['张', '张三3', '·', 'x'.repeat(21)])
      expect(normalizePersonName(n)).toMatchObject({ ok: false, code: 'text.invalid' });
  });
  it('should check free text length in characters', () => {
    expect(normalizeText('培', { minLength: 2, maxLength: 100 })).toMatchObject({ ok: false, code: 'text.invalid' });
    expect(normalizeText('𠮷野家', { minLength: 2, maxLength: 3 })).toMatchObject({ ok: true });
  });
});

describe('normalizeHeader', () => {
  it('should ignore spaces, line breaks, width, required markers and case', () => {
    expect(normalizeHeader(' 身份证号\n（必填）')).toBe('身份证号');
    expect(normalizeHeader('*姓 名*')).toBe('姓名');
    expect(normalizeHeader('学时（小时）')).toBe('学时(小时)');
    expect(withoutTrailingUnit(normalizeHeader('学时（小时）'))).toBe('学时');
  });
});
