import { describe, expect, it } from 'vitest';
import { findingsCsv } from '../../addin/ui/findings-csv.js';
import { langFromLocale, MESSAGES } from '../../addin/ui/messages.js';
import {
  fixLine,
  groupFindings,
  invalidRow,
  planSubmission,
  rowTeacher,
  shownCompliance,
  submissionFacts,
  teacherPreview,
  teachersByUrgency,
} from '../../addin/ui/view.js';
import type { SubmissionSummary } from '../../shared/api/responses.js';
import type { Finding } from '../../shared/contract/codes.js';
import { SHEETS } from '../../shared/contract/sheets.js';
import type { TeacherCompliance } from '../../shared/policy/types.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant, valueAt } from '../fixtures/plant.js';

const YEAR = 2026;

describe('langFromLocale', () => {
  it('should choose English for any English locale and Chinese otherwise', () => {
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('en')).toBe('en');
    expect(langFromLocale('zh-CN')).toBe('zh');
    expect(langFromLocale('fr-FR')).toBe('zh');
    expect(langFromLocale(undefined)).toBe('zh');
  });
});

const f = (over: Partial<Finding>): Finding => ({
  severity: 'error',
  code: 'required',
  sheet: '教师名册',
  cell: 'B7',
  row: 7,
  column: 'idNumber',
  value: null,
  message: '请填写身份证号',
  ...over,
});

describe('findingsCsv', () => {
  it('should write UTF-8 with a BOM, quoted fields and CRLF so Excel and WPS open it in Chinese', () => {
    const csv = findingsCsv(
      [f({}), f({ severity: 'info', code: 'sheet.extra', sheet: null, cell: null, message: '多余的"工作表"' })],
      MESSAGES.zh,
    );
    expect(csv).toBe(
      '\uFEFF"级别","工作表","单元格","代码","说明"\r\n"错误","教师名册","B7","required","请填写身份证号"\r\n' +
        '"提示","工作簿","","sheet.extra","多余的""工作表"""\r\n',
    );
  });

  it('should defuse text that a spreadsheet would run as a formula', () => {
    const csv = findingsCsv([f({ sheet: '=HYPERLINK("x")', message: '+1' })], MESSAGES.en);
    expect(csv).toContain('"\'=HYPERLINK(""x"")"');
    expect(csv).toContain('"\'+1"');
  });
});

describe('groupFindings', () => {
  it('should group by sheet and code, errors before warnings, and keep info findings apart', () => {
    const findings = [
      f({ severity: 'warning', code: 'phone.invalid', cell: 'F3' }),
      f({ cell: 'B2' }),
      f({ severity: 'info', code: 'sheet.extra', sheet: 'Sheet3', cell: null, row: null }),
      f({ cell: 'B9' }),
      f({ sheet: '培训记录', cell: 'B4' }),
      f({ severity: 'info', code: 'row.totals', sheet: '培训记录', cell: 'A40', row: 40 }),
    ];
    const { problems, info } = groupFindings(findings);
    expect(problems.map((g) => [g.sheet, g.code, g.items.map((x) => x.cell)])).toEqual([
      ['教师名册', 'required', ['B2', 'B9']],
      ['培训记录', 'required', ['B4']],
      ['教师名册', 'phone.invalid', ['F3']],
    ]);
    expect(info.map((g) => g.code)).toEqual(['sheet.extra', 'row.totals']);
  });
});

describe('fixLine', () => {
  it('should put the place as sheet!cell and quote text so spaces show, numbers bare', () => {
    const line = fixLine({
      code: 'fix.fullwidth',
      sheet: '培训记录',
      cell: 'I2',
      row: 2,
      column: 'hours',
      from: '３.５',
      to: 3.5,
    });
    expect(line).toEqual({ place: '培训记录!I2', from: '“３.５”', to: '3.5' });
  });
});

describe('rowTeacher and invalidRow', () => {
  const grid = generateSchool({ seed: 3, teachers: 8, year: YEAR });
  const name = String(valueAt(grid, 'trainings', 1, 'name'));
  const id = String(valueAt(grid, 'trainings', 1, 'idNumber'));
  const hours = plant(grid, 'trainings', 1, 'hours', '很多');
  const stage = plant(grid, 'teachers', 2, 'stage', '小雪');
  const result = validateWorkbook(grid, { year: YEAR });
  const at = (cell: string) => result.findings.find((x) => x.cell === cell)!;

  it('should name the teacher of a training row, with the ID masked', () => {
    expect(rowTeacher(grid, result, at(hours.cell))).toEqual({
      name,
      idMasked: `${id.slice(0, 6)}********${id.slice(14)}`,
    });
  });

  it('should have no teacher for a finding without a row', () => {
    expect(rowTeacher(grid, result, f({ sheet: null, cell: null, row: null }))).toBeNull();
  });

  it('should say which roster row a 数据有误 teacher must fix, and what is wrong there', () => {
    const teacher: TeacherCompliance = { row: stage.row, idMasked: '', name: '', status: 'invalid', rules: [] };
    expect(invalidRow(result, teacher)).toEqual({
      sheet: SHEETS.teachers.name,
      row: stage.row,
      codes: ['enum.invalid'],
    });
  });

  it('should read the facts a confirmation shows from the run', () => {
    const facts = submissionFacts(result)!;
    expect(facts.year).toBe(YEAR);
    expect(facts.teachers).toBe(result.counts.teachers);
    expect(facts.trainings).toBe(result.counts.trainings);
    expect(facts.schoolCode).toBe(result.records.school!.schoolCode);
  });
});

describe('teacherPreview and teachersByUrgency', () => {
  const rule = (r: string, status: 'pass' | 'warn' | 'fail') =>
    ({ rule: r, status, actual: 1, required: 2, message: r }) as TeacherCompliance['rules'][number];
  const teacher = (row: number, status: TeacherCompliance['status'], rules: TeacherCompliance['rules'] = []) =>
    ({ row, idMasked: '', name: `T${row}`, status, rules }) as TeacherCompliance;

  it('should list failing rules, then those in progress, then those met, each group apart', () => {
    const t = teacher(2, 'fail', [
      rule('cycle_hours', 'warn'),
      rule('ethics_training', 'pass'),
      rule('annual_district_plus_hours', 'fail'),
    ]);
    const p = teacherPreview(t);
    expect(p.mustFix.map((r) => r.rule)).toEqual(['annual_district_plus_hours']);
    expect(p.due.map((r) => r.rule)).toEqual(['cycle_hours']);
    expect(p.met.map((r) => r.rule)).toEqual(['ethics_training']);
  });

  it('should list the rules in progress by their deadline, the nearest first', () => {
    const due = (r: string, deadline?: string) => ({ ...rule(r, 'warn'), ...(deadline ? { deadline } : {}) });
    const t = teacher(2, 'warn', [
      due('cycle_hours', '2030-12-31'),
      due('backbone_duties'),
      due('new_teacher_induction', '2026-08-31'),
      due('annual_district_plus_hours', '2026-12-31'),
    ]);
    expect(teacherPreview(t).due.map((r) => r.rule)).toEqual([
      'new_teacher_induction',
      'annual_district_plus_hours',
      'cycle_hours',
      'backbone_duties',
    ]);
  });

  it('should put 未达标 first, then 数据有误, then 进行中, then 达标, by row within each', () => {
    const order = teachersByUrgency([
      teacher(5, 'pass'),
      teacher(4, 'warn'),
      teacher(3, 'fail'),
      teacher(2, 'invalid'),
      teacher(1, 'fail'),
    ]);
    expect(order.map((x) => x.row)).toEqual([1, 3, 2, 4, 5]);
  });

  it('should give the page only the teachers with cards, the most urgent, and count all and the 数据有误', () => {
    const statuses: TeacherCompliance['status'][] = ['pass', 'warn', 'invalid', 'fail'];
    const teachers = Array.from({ length: 10 }, (_, i) => teacher(i + 2, statuses[i % 4]!));
    const report = { asOf: '2026-08-31', teachers, school: { summary: { teachers: 10 } } } as unknown as Parameters<
      typeof shownCompliance
    >[0];
    const shown = shownCompliance(report, 4);
    expect(shown.teachers.map((x) => `${x.status} ${x.row}`)).toEqual(['fail 5', 'fail 9', 'invalid 4', 'invalid 8']);
    expect(shown).toMatchObject({ teacherCount: 10, invalidCount: 2, asOf: '2026-08-31' });
    expect(shownCompliance(report).teachers).toHaveLength(10);
  });
});

describe('planSubmission', () => {
  const facts = {
    schoolCode: 'S1',
    schoolName: '一小',
    year: YEAR,
    teachers: 3,
    trainings: 9,
    duties: 0,
    milestones: 0,
  };
  const token = { code: 'S1', name: '一小' };
  const current = { version: 2, contentHash: 'abc' } as SubmissionSummary;

  it('should refuse a workbook of another school before sending anything', () => {
    expect(planSubmission({ ...facts, schoolCode: 'S2' }, token, null, 'x')).toEqual({
      kind: 'mismatch',
      file: { code: 'S2', name: '一小' },
      token,
    });
  });

  it('should not send content identical to the current version', () => {
    expect(planSubmission(facts, token, current, 'abc')).toEqual({ kind: 'identical', version: 2 });
  });

  it('should ask to confirm with the version it replaces, or none', () => {
    expect(planSubmission(facts, token, current, 'def')).toEqual({ kind: 'confirm', facts, replaces: current });
    expect(planSubmission(facts, token, null, 'def')).toEqual({ kind: 'confirm', facts, replaces: null });
  });
});

describe('isOfficeHosted', () => {
  it('should see Office only in the _host_Info that Office adds to the URL or keeps for the session', async () => {
    const { isOfficeHosted } = await import('../../addin/office/helpers.js');
    const none = { getItem: () => null };
    expect(isOfficeHosted('?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', none)).toBe(true);
    expect(isOfficeHosted('?a=1&_host_Info=Excel$Web$16.00$en-US', none)).toBe(true);
    expect(isOfficeHosted('', { getItem: (k: string) => (k === 'hostInfoValue' ? 'Excel$Win32$16.01' : null) })).toBe(
      true,
    );
    expect(isOfficeHosted('?host=excel', none)).toBe(false);
    expect(isOfficeHosted('', null)).toBe(false);
  });
});
