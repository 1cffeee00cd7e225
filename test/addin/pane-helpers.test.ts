import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/contract/codes.js';
import { findingsCsv } from '../../addin/ui/findings-csv.js';
import { MESSAGES, langFromLocale } from '../../addin/ui/messages.js';

describe('langFromLocale', () => {
  it('should choose English for any English locale and Chinese otherwise', () => {
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('en')).toBe('en');
    expect(langFromLocale('zh-CN')).toBe('zh');
    expect(langFromLocale('fr-FR')).toBe('zh');
    expect(langFromLocale(undefined)).toBe('zh');
  });
});

describe('findingsCsv', () => {
  const f = (over: Partial<Finding>): Finding => ({ severity: 'error', code: 'required', sheet: '教师名册', cell: 'B7', row: 7, column: 'idNumber', value: null, message: '请填写身份证号', ...over });

  it('should write UTF-8 with a BOM, quoted fields and CRLF so Excel and WPS open it in Chinese', () => {
    const csv = findingsCsv([f({}), f({ severity: 'info', code: 'sheet.extra', sheet: null, cell: null, message: '多余的"工作表"' })], MESSAGES.zh);
    expect(csv).toBe('\uFEFF"级别","工作表","单元格","代码","说明"\r\n"错误","教师名册","B7","required","请填写身份证号"\r\n"提示","工作簿","","sheet.extra","多余的""工作表"""\r\n');
  });

  it('should defuse text that a spreadsheet would run as a formula', () => {
    const csv = findingsCsv([f({ sheet: '=HYPERLINK("x")', message: '+1' })], MESSAGES.en);
    expect(csv).toContain('"\'=HYPERLINK(""x"")"');
    expect(csv).toContain('"\'+1"');
  });
});

describe('isOfficeHosted', () => {
  it('should see Office only in the _host_Info that Office adds to the URL or keeps for the session', async () => {
    const { isOfficeHosted } = await import('../../addin/office/helpers.js');
    const none = { getItem: () => null };
    expect(isOfficeHosted('?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', none)).toBe(true);
    expect(isOfficeHosted('?a=1&_host_Info=Excel$Web$16.00$en-US', none)).toBe(true);
    expect(isOfficeHosted('', { getItem: (k: string) => (k === 'hostInfoValue' ? 'Excel$Win32$16.01' : null) })).toBe(true);
    expect(isOfficeHosted('?host=excel', none)).toBe(false);
    expect(isOfficeHosted('', null)).toBe(false);
  });
});
