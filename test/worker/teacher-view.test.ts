/**
 * The bureau's teacher view under `recognition: require` (archive.md §2): each counted training says
 * the hours it adds to its rule — the catalogue's for one over its hours, 0 for an unmatched one, the
 * recorded hours below 区级 — so that they add up to the rule's actual; a rule that counts trainings
 * says so. The teacher export counts the same records by status.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TeacherView } from '../../shared/api/history.js';
import type { SubmissionReceipt } from '../../shared/api/responses.js';
import type { EncodedWorkbook } from '../../shared/grid.js';
import { RECOGNITION_STATUS_LABELS } from '../../shared/labels/index.js';
import {
  buildWorkbook,
  call,
  makeId,
  SCHOOLS,
  seedTenants,
  submit,
  type TeacherSpec,
  TOKENS,
  testApp,
  YEAR,
} from './helpers.js';

const app = testApp();
const T: TeacherSpec = { name: '冯九', id: makeId(31, '男'), gender: '男' };
const y = (md: string) => `${YEAR}-${md}`;

const catalogue: EncodedWorkbook = {
  sheets: [
    {
      name: '培训项目目录',
      rows: [
        ['项目编号', '培训项目', '培训级别', '培训类别', '培训形式', '开始日期', '结束日期', '认定学时'],
        ['LX-TV-01', '区级课堂教学改进研修班', '区级', '学科教学', '集中面授', y('04-01'), y('04-30'), 24],
      ],
    },
  ],
};

const trainings = [
  // Over the catalogue's 24: counts 24.
  { course: '区级课堂教学改进研修班', level: '区级', category: '学科教学', start: '04-08', end: '04-10', hours: 30 },
  // In no catalogue entry: 0 under require.
  { course: '区级骨干教师研修班', level: '区级', category: '学科教学', start: '07-01', end: '07-05', hours: 10 },
  // Below 区级: no status, its recorded hours.
  { course: '校本师德学习', level: '校级', category: '师德师风', start: '01-06', end: '01-07', hours: 6 },
].map((t) => ({ id: T.id, name: T.name, ...t, start: y(t.start), end: y(t.end) }));

async function json<T>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return res.json<T>();
}

describe('the teacher view under recognition: require', () => {
  let view: TeacherView;

  beforeAll(async () => {
    await seedTenants();
    const policy = { id: 'a-require', recognition: 'require' };
    expect(
      (await call(app, 'PUT', `/api/v1/policies/${YEAR}?bureau=A`, { token: TOKENS.admin, body: policy })).status,
    ).toBe(200);
    await json(
      await call(app, 'POST', `/api/v1/catalogue/${YEAR}/import`, {
        token: TOKENS.reviewerA,
        body: { workbook: catalogue },
      }),
    );
    await json<SubmissionReceipt>(await submit(app, TOKENS.clerkA1, buildWorkbook(SCHOOLS.A1, [T], trainings)), 201);
    view = await json<TeacherView>(
      await call(app, 'GET', `/api/v1/bureau/schools/${SCHOOLS.A1.code}/teachers/2?year=${YEAR}`, {
        token: TOKENS.reviewerA,
      }),
    );
  });

  it('should give each counted training the hours it adds, adding up to the actual of its rule', () => {
    expect(view.teacher.name).toBe(T.name);
    expect(view.recognition).toBe('require');
    const annual = view.rules.find((r) => r.rule === 'annual_district_plus_hours')!;
    expect(annual.counts).toBe('hours');
    const counted = (r: (typeof view.rules)[number]) =>
      r.records.map((x) => (x.sheet === 'trainings' ? [x.course, x.hours, x.countedHours] : null));
    expect(counted(annual)).toEqual([
      ['区级课堂教学改进研修班', 30, 24],
      ['区级骨干教师研修班', 10, 0],
    ]);
    expect(annual.actual).toBe(24);
    const cycle = view.rules.find((r) => r.rule === 'cycle_hours')!;
    expect(counted(cycle)).toEqual([
      ['区级课堂教学改进研修班', 30, 24],
      ['区级骨干教师研修班', 10, 0],
      ['校本师德学习', 6, 6],
    ]);
    expect(cycle.actual).toBe(30);
    // The ethics rule counts trainings, not hours.
    const ethics = view.rules.find((r) => r.rule === 'ethics_training')!;
    expect(ethics.counts).toBe('records');
    expect(counted(ethics)).toEqual([['校本师德学习', 6, null]]);
    expect(ethics.actual).toBe(1);
  });

  it("should count the teacher's trainings by recognition status in the teacher export", async () => {
    const res = await call(app, 'GET', `/api/v1/bureau/exports/teachers?year=${YEAR}&format=csv`, {
      token: TOKENS.reviewerA,
    });
    const rows = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.slice(1, -1).split('","'));
    const header = rows[0]!;
    const row = rows.find((r) => r[4] === T.name)!;
    const at = (s: keyof typeof RECOGNITION_STATUS_LABELS) =>
      row[header.indexOf(`${RECOGNITION_STATUS_LABELS[s].zh}（条）`)];
    expect([at('recognized'), at('hours_exceed'), at('not_on_list'), at('unmatched')]).toEqual(['0', '1', '0', '1']);
  });
});
