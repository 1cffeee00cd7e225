/** Test fixtures for the worker: tenants and tokens seeded by SQL, small hand-made workbooks, a request helper. */
import { env } from 'cloudflare:workers';
import type { EncodedCell, EncodedWorkbook } from '../../shared/grid.js';
import type { AppOptions, Env } from '../../worker/env.js';
import { createApp } from '../../worker/index.js';

export const YEAR = 2025;
/** Pinned clock: 2025 is a past year (asOf 2025-12-31), so compliance is deterministic. */
export const NOW = new Date('2026-03-01T04:00:00Z');

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 18-character resident ID: region 320102, the birth date, a sequence and the gender digit. */
export function makeId(seq: number, gender: '男' | '女', birth = '19850315', region = '320102'): string {
  const order = String(seq % 100).padStart(2, '0');
  let g = Math.floor(seq / 100) % 5;
  const genderDigit = gender === '男' ? 2 * g + 1 : 2 * g;
  const body = `${region}${birth}${order}${genderDigit}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i]!;
  g = sum % 11;
  return body + '10X98765432'[g];
}

export interface TeacherSpec {
  name: string;
  id: string;
  gender: '男' | '女';
  backbone?: string;
  backboneLevel?: string;
  studioRole?: string;
  startDate?: string;
}

export interface TrainingSpec {
  id: string;
  name: string;
  course: string;
  level: string;
  category: string;
  start: string;
  end: string;
  hours: number;
}

export interface SchoolSpec {
  code: string;
  name: string;
  type?: string;
  rural?: boolean;
  publicBudget?: number;
  trainingFunds?: number;
  plan?: string;
}

export function buildWorkbook(school: SchoolSpec, teachers: TeacherSpec[], trainings: TrainingSpec[]): EncodedWorkbook {
  const schoolRows: EncodedCell[][] = [
    ['学校代码', school.code],
    ['学校名称', school.name],
    ['学校类型', school.type ?? '小学'],
    ['是否农村学校', school.rural ? '是' : '否'],
    ['年度公用经费预算（元）', school.publicBudget ?? 1_000_000],
    ['教师培训经费（元）', school.trainingFunds ?? 60_000],
    ['校本培训方案提交日期', school.plan ?? `${YEAR}-09-10`],
  ];
  const teacherRows: EncodedCell[][] = [
    [
      '姓名',
      '身份证号',
      '性别',
      '任教学段',
      '任教学科',
      '职称',
      '最高学历',
      '参加工作时间',
      '岗位',
      '骨干称号',
      '称号级别',
      '工作室角色',
    ],
    ...teachers.map((t) => [
      t.name,
      t.id,
      t.gender,
      '小学',
      '语文',
      '一级教师',
      '本科',
      t.startDate ?? '2010-09',
      '专任教师',
      t.backbone ?? '无',
      t.backboneLevel ?? '',
      t.studioRole ?? '无',
    ]),
  ];
  const trainingRows: EncodedCell[][] = [
    ['身份证号', '姓名', '培训项目', '培训级别', '培训类别', '培训形式', '开始日期', '结束日期', '学时'],
    ...trainings.map((t) => [t.id, t.name, t.course, t.level, t.category, '集中面授', t.start, t.end, t.hours]),
  ];
  return {
    sheets: [
      { name: '学校概况', rows: schoolRows },
      { name: '教师名册', rows: teacherRows },
      { name: '培训记录', rows: trainingRows },
    ],
  };
}

/** 360 district-level hours in the year, one of them ethics: passes every default rule for a 2010 starter. */
export function passingTrainings(t: TeacherSpec): TrainingSpec[] {
  return [
    {
      id: t.id,
      name: t.name,
      course: '师德师风专题培训',
      level: '区级',
      category: '师德师风',
      start: `${YEAR}-03-01`,
      end: `${YEAR}-03-20`,
      hours: 180,
    },
    {
      id: t.id,
      name: t.name,
      course: '学科教学能力提升',
      level: '区级',
      category: '学科教学',
      start: `${YEAR}-10-01`,
      end: `${YEAR}-10-20`,
      hours: 180,
    },
  ];
}

export const TOKENS = {
  admin: 'test-admin-token',
  reviewerA: 'test-reviewer-a',
  reviewerB: 'test-reviewer-b',
  clerkA1: 'test-clerk-a1',
  clerkA2: 'test-clerk-a2',
  clerkB1: 'test-clerk-b1',
  revoked: 'test-revoked',
  expired: 'test-expired',
} as const;

export const SCHOOLS = {
  A1: { code: '3201020001', name: '梁溪实验小学', rural: false },
  A2: { code: '3201020002', name: '梁溪乡村小学', rural: true },
  A3: { code: '3201020003', name: '梁溪第三小学', rural: false },
  B1: { code: '3204820001', name: '金坛城东小学', rural: false },
} as const;

async function sha256Hex(text: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bureau A (three schools), bureau B (one school), and a token of every kind. */
export async function seedTenants(): Promise<void> {
  const db = env.DB;
  const at = '2026-01-01T00:00:00Z';
  const stmts = [
    db.prepare('INSERT INTO bureaus (id, name, created_at) VALUES (?1, ?2, ?3)').bind('A', '梁溪区教育局', at),
    db.prepare('INSERT INTO bureaus (id, name, created_at) VALUES (?1, ?2, ?3)').bind('B', '金坛区教育局', at),
    ...Object.entries(SCHOOLS).map(([k, s]) =>
      db
        .prepare('INSERT INTO schools (code, name, type, rural, bureau_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
        .bind(s.code, s.name, '小学', s.rural ? 1 : 0, k[0], at),
    ),
  ];
  const tokens: [string, string, string | null, string | null, string | null, string | null][] = [
    [TOKENS.admin, 'admin', null, null, null, null],
    [TOKENS.reviewerA, 'reviewer', null, 'A', null, null],
    [TOKENS.reviewerB, 'reviewer', null, 'B', null, null],
    [TOKENS.clerkA1, 'clerk', SCHOOLS.A1.code, null, null, null],
    [TOKENS.clerkA2, 'clerk', SCHOOLS.A2.code, null, null, null],
    [TOKENS.clerkB1, 'clerk', SCHOOLS.B1.code, null, null, null],
    [TOKENS.revoked, 'clerk', SCHOOLS.A1.code, null, null, '2026-01-02T00:00:00Z'],
    [TOKENS.expired, 'reviewer', null, 'A', '2026-02-01T00:00:00Z', null],
  ];
  for (const [token, role, school, bureau, expires, revoked] of tokens) {
    stmts.push(
      db
        .prepare(
          'INSERT INTO tokens (id, hash, role, school_code, bureau_id, label, created_at, expires_at, revoked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)',
        )
        .bind(`tok-${token}`, await sha256Hex(token), role, school, bureau, `label ${token}`, at, expires, revoked),
    );
  }
  await db.batch(stmts);
}

export type TestApp = ReturnType<typeof createApp>;

export function testApp(options: AppOptions = {}): TestApp {
  return createApp({ now: () => NOW, ...options });
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  gzip?: boolean;
  env?: Partial<Env>;
}

export async function gzip(text: string): Promise<ArrayBuffer> {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
}

export async function call(app: TestApp, method: string, path: string, o: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  let body: BodyInit | undefined = o.rawBody;
  if (o.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    const text = JSON.stringify(o.body);
    if (o.gzip) {
      headers['Content-Encoding'] = 'gzip';
      body = await gzip(text);
    } else body = text;
  }
  return app.request(path, { method, headers, body }, { ...env, ...(o.env ?? {}) });
}

let revision = 0;

/**
 * The workbook with a new 教师培训经费 (still over 5% of the budget): other content, the same
 * verdicts, so that sending it is a new version and never "unchanged".
 */
export function revised(workbook: EncodedWorkbook): EncodedWorkbook {
  const w = structuredClone(workbook);
  const row = w.sheets.find((s) => s.name === '学校概况')!.rows.find((r) => r[0] === '教师培训经费（元）')!;
  row[1] = 60_000 + ++revision;
  return w;
}

let keySeq = 0;
export const newKey = () => `test-key-${Date.now()}-${++keySeq}`;

export function submit(
  app: TestApp,
  token: string,
  workbook: EncodedWorkbook,
  o: { key?: string; ifMatch?: string; gzip?: boolean } = {},
) {
  return call(app, 'POST', '/api/v1/submissions', {
    token,
    body: { year: YEAR, workbook },
    gzip: o.gzip,
    headers: { 'Idempotency-Key': o.key ?? newKey(), ...(o.ifMatch !== undefined ? { 'If-Match': o.ifMatch } : {}) },
  });
}
