import { describe, expect, it } from 'vitest';
import {
  boundedDistance,
  type CatalogueEntry,
  closeDistance,
  countedHours,
  foldCode,
  foldCourse,
  groupKey,
  type RecognizableRecord,
  Recognizer,
} from '../../shared/recognition/index.js';

const entry = (over: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
  code: 'LX2026-001',
  course: '新教师入岗培训第一期',
  level: '区级',
  category: '新教师入岗',
  form: '集中面授',
  startDate: '2026-03-01',
  endDate: '2026-03-31',
  hours: 24,
  organizer: '区教师发展中心',
  ...over,
});

const record = (over: Partial<RecognizableRecord> = {}): RecognizableRecord => ({
  course: '新教师入岗培训第一期',
  level: '区级',
  startDate: '2026-03-02',
  endDate: '2026-03-05',
  hours: 24,
  ...over,
});

describe('foldCourse', () => {
  it('should ignore spaces, punctuation, full width and a leading year', () => {
    const folded = foldCourse('新教师入岗培训第一期');
    for (const spelling of [
      '2026年 新教师入岗培训（第一期）',
      '２０２６年度新教师 入岗培训·第一期',
      ' 新教师入岗培训——第一期。',
      '【新教师入岗培训】第一期',
    ]) {
      expect(foldCourse(spelling)).toBe(folded);
    }
  });

  it('should keep a year that is not in front, and letters in lower case', () => {
    expect(foldCourse('ＰＰＴ制作 2026年版')).toBe('ppt制作2026年版');
  });

  it('should compare codes without case or spaces', () => {
    expect(foldCode(' lx2026-001 ')).toBe(foldCode('LX2026-001'));
  });
});

describe('boundedDistance', () => {
  it('should give the edit distance up to the bound and bound + 1 beyond it', () => {
    expect(boundedDistance('新教师入岗培训', '新教师入岗培训', 1)).toBe(0);
    expect(boundedDistance('新教师入岗培训', '新教师入职培训', 1)).toBe(1);
    expect(boundedDistance('新教师入岗培训', '新教师培训', 2)).toBe(2);
    expect(boundedDistance('新教师入岗培训', '骨干教师研修', 2)).toBe(3);
    expect(boundedDistance('abc', 'abcdef', 2)).toBe(3);
  });
});

describe('Recognizer', () => {
  const catalogue = new Recognizer({
    entries: [
      entry(),
      entry({
        code: 'LX2026-002',
        course: '信息技术应用能力提升工程2.0',
        level: '市级',
        category: '信息技术',
        hours: 30,
        startDate: '2026-04-01',
        endDate: '2026-06-30',
      }),
      entry({
        code: 'LX2026-003',
        course: '班主任工作专题研修',
        category: '班主任',
        hours: 12,
        startDate: '2026-05-10',
        endDate: '2026-05-12',
      }),
    ],
    attendees: new Map([['LX2026-003', new Set(['teacher-a'])]]),
  });

  it('should recognise a record by its code whatever its course', () => {
    const r = catalogue.recognize(
      record({ catalogueCode: 'lx2026-002', course: '信息技术', level: '市级', hours: 30 }),
      't',
    );
    expect(r).toMatchObject({ status: 'recognized', code: 'LX2026-002', catalogueHours: 30, basis: 'catalogue' });
  });

  it('should recognise a record without a code by folded course, level and dates within the entry', () => {
    expect(catalogue.recognize(record({ course: '2026年新教师入岗培训（第一期）', hours: 20 }), 't')).toMatchObject({
      status: 'recognized',
      code: 'LX2026-001',
      likely: null,
    });
  });

  it('should cap recorded hours above the catalogue as hours_exceed', () => {
    expect(catalogue.recognize(record({ hours: 40 }), 't')).toMatchObject({
      status: 'hours_exceed',
      code: 'LX2026-001',
      catalogueHours: 24,
    });
  });

  it('should check the attendee list by the teacher key', () => {
    const r = record({ course: '班主任工作专题研修', startDate: '2026-05-10', endDate: '2026-05-12', hours: 12 });
    expect(catalogue.recognize(r, 'teacher-a')?.status).toBe('recognized');
    expect(catalogue.recognize(r, 'teacher-b')).toMatchObject({ status: 'not_on_list', code: 'LX2026-003' });
  });

  it('should leave a wrong level unmatched with the entry named as likely', () => {
    expect(catalogue.recognize(record({ level: '市级' }), 't')).toMatchObject({
      status: 'unmatched',
      code: null,
      likely: 'LX2026-001',
    });
  });

  it('should leave dates outside the entry unmatched, likely when they overlap and not when they do not', () => {
    expect(catalogue.recognize(record({ startDate: '2026-03-25', endDate: '2026-04-02' }), 't')).toMatchObject({
      status: 'unmatched',
      likely: 'LX2026-001',
    });
    expect(catalogue.recognize(record({ startDate: '2026-09-01', endDate: '2026-09-02' }), 't')).toMatchObject({
      status: 'unmatched',
      likely: null,
    });
  });

  it('should name a close course (a fifth of the characters) as likely and not a farther one', () => {
    // 10 characters: up to 2 may differ.
    expect(catalogue.recognize(record({ course: '新教师入职培训第1期' }), 't')).toMatchObject({
      status: 'unmatched',
      likely: 'LX2026-001',
    });
    expect(catalogue.recognize(record({ course: '新老师入职培训第1期' }), 't')).toMatchObject({
      status: 'unmatched',
      likely: null,
    });
  });

  it('should leave an unknown code unmatched even when the course matches, naming that entry', () => {
    expect(catalogue.recognize(record({ catalogueCode: 'LX2026-999' }), 't')).toMatchObject({
      status: 'unmatched',
      basis: 'code_unknown',
      likely: 'LX2026-001',
    });
  });

  it('should give no status below 区级', () => {
    expect(catalogue.recognize(record({ level: '校级' }), 't')).toBeNull();
  });

  it('should apply a queue decision to every record of the group', () => {
    const folded = foldCourse('师德师风全员培训');
    const group = groupKey(folded, '区级', '2026-07-01', '2026-07-02');
    const withDecisions = new Recognizer({
      entries: [entry()],
      decisions: new Map([
        [group, { action: 'link', code: 'LX2026-001' }],
        [
          groupKey(foldCourse('无关培训'), '区级', '2026-07-01', '2026-07-02'),
          { action: 'reject', reason: '非区级培训' },
        ],
      ]),
    });
    const linked = withDecisions.recognize(
      record({ course: '师德师风 全员培训', startDate: '2026-07-01', endDate: '2026-07-02', hours: 30 }),
      't',
    );
    expect(linked).toMatchObject({ status: 'hours_exceed', basis: 'linked', code: 'LX2026-001', group });
    const rejected = withDecisions.recognize(
      record({ course: '无关培训', startDate: '2026-07-01', endDate: '2026-07-02' }),
      't',
    );
    expect(rejected).toMatchObject({ status: 'unmatched', basis: 'rejected', reason: '非区级培训' });
  });

  it('should find close names among thousands of entries through the pair index', () => {
    const many: CatalogueEntry[] = [];
    for (let i = 0; i < 3000; i++)
      many.push(
        entry({ code: `E${i}`, course: `第${i}期学科教学专题培训`, startDate: '2026-03-01', endDate: '2026-12-31' }),
      );
    const big = new Recognizer({ entries: many });
    // 第1234期学科教学专题培训 (13 characters, 2 may differ) typed with one character wrong.
    expect(big.recognize(record({ course: '第1234期学科教学专体培训' }), 't')).toMatchObject({
      status: 'unmatched',
      likely: 'E1234',
    });
    expect(big.recognize(record({ course: '第1234期学科教学专题培训' }), 't')).toMatchObject({
      status: 'recognized',
      code: 'E1234',
    });
  });
});

describe('countedHours', () => {
  const base = { basis: 'catalogue', code: 'X', likely: null, reason: null, group: 'g' } as const;
  it('should count what archive.md §2 says under off, flag and require', () => {
    const exceed = { ...base, status: 'hours_exceed', catalogueHours: 24 } as const;
    const unmatched = { ...base, status: 'unmatched', code: null, catalogueHours: null } as const;
    const notOnList = { ...base, status: 'not_on_list', catalogueHours: 24 } as const;
    const recognized = { ...base, status: 'recognized', catalogueHours: 24 } as const;
    expect([40, 40, 40].map((h, i) => countedHours(h, exceed, (['off', 'flag', 'require'] as const)[i]!))).toEqual([
      40, 24, 24,
    ]);
    expect(countedHours(12, unmatched, 'flag')).toBe(12);
    expect(countedHours(12, unmatched, 'require')).toBe(0);
    expect(countedHours(12, notOnList, 'flag')).toBe(12);
    expect(countedHours(12, notOnList, 'require')).toBe(0);
    expect(countedHours(20, recognized, 'require')).toBe(20);
    expect(countedHours(12, null, 'require')).toBe(12);
  });

  it('should allow a fifth of the folded course, rounded down', () => {
    expect([4, 5, 9, 10].map((n) => closeDistance('字'.repeat(n)))).toEqual([0, 1, 1, 2]);
  });
});
