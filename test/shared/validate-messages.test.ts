import { describe, expect, it } from 'vitest';
import { FINDING_CODES, FIX_CODES, type FindingCode, type FixCode } from '../../shared/contract/codes.js';
import { SUBJECTS } from '../../shared/contract/enums.js';
import { findingMessage } from '../../shared/contract/messages.js';
import { FINDING_TITLES, FIX_TITLES } from '../../shared/labels/index.js';

const CODES = Object.keys(FINDING_CODES) as FindingCode[];
const DETAILS = {
  sheet: '教师名册',
  header: '任教学科',
  value: '语问',
  suggestion: '语文',
  allowed: SUBJECTS.values,
  expected: '1–20',
  other: '7',
  year: 2026,
  bounds: { min: 0, minExclusive: true, max: 300, step: 0.5 },
};

describe('findingMessage', () => {
  it.each(CODES)('should give %s a Chinese and an English message', (code) => {
    const zh = findingMessage(code, DETAILS, 'zh');
    const en = findingMessage(code, DETAILS, 'en');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toMatch(/[。？]$/);
    expect(en).toMatch(/^["A-Z]/);
    expect(en).toMatch(/[.?]$/);
  });

  it('should name the allowed values and the suggestion for enum.invalid', () => {
    const m = findingMessage('enum.invalid', DETAILS);
    expect(m).toContain('“语问”');
    expect(m).toContain('思想政治');
    expect(m).toContain('您是否要填“语文”');
  });

  it('should name the missing header and the range of a number', () => {
    expect(findingMessage('header.missing', { sheet: '培训记录', header: '学时' })).toContain('“学时”');
    expect(findingMessage('number.range', { header: '学时', value: '0.3', bounds: DETAILS.bounds })).toContain(
      '大于 0、不超过 300、是 0.5 的整数倍',
    );
  });

  it('should never repeat an ID number in an ID message', () => {
    for (const code of CODES.filter(
      (c) => c.startsWith('id_number.') || c.startsWith('reference.') || c === 'duplicate.teacher',
    )) {
      const m = findingMessage(code, { ...DETAILS, value: '11010519491231002X' });
      if (code !== 'reference.name_mismatch') expect(m).not.toContain('11010519491231002X');
      expect(m).toContain('身份证号');
    }
  });

  it('should tell the clerk to format the ID column as text for scientific IDs', () => {
    expect(findingMessage('id_number.scientific', {})).toContain('“文本”');
    expect(findingMessage('id_number.scientific', {}, 'en')).toContain('Text');
  });
});

describe('finding and fix titles (shared/labels)', () => {
  it('should title every finding and fix code in both languages', () => {
    for (const code of [...CODES, ...FIX_CODES]) {
      const title = code in FINDING_TITLES ? FINDING_TITLES[code as FindingCode] : FIX_TITLES[code as FixCode];
      expect(title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(title.en).toMatch(/^[A-Z]/);
    }
  });
});
