/** The bureau's views over the current versions of its schools. */
import type {
  BureauSchoolRow,
  BureauSummary,
  GroupCount,
  RuleCount,
  TeacherPage,
  TeacherRow,
  TierCount,
} from '../../shared/api/responses.js';
import type { BackboneLevel, StudioRole } from '../../shared/contract/enums.js';
import { BACKBONE_LEVELS, STUDIO_ROLES } from '../../shared/contract/enums.js';
import { RULE_IDS } from '../../shared/policy/index.js';
import type { RuleId, TeacherCompliance, TeacherStatus } from '../../shared/policy/types.js';
import { RECOGNITION_STATUSES, type RecognitionStatus } from '../../shared/recognition/types.js';
import { ApiError } from '../errors.js';
import type { SubmissionStats } from '../submission/evaluate.js';
import { defaultDeadline } from './policies.js';
import type { BureauRow } from './tenants.js';

interface SummaryRow {
  code: string;
  name: string;
  type: string;
  rural: number;
  id: string | null;
  version: number | null;
  status: BureauSchoolRow['status'] | null;
  submitted_at: string | null;
  pass: number | null;
  warn: number | null;
  fail: number | null;
  pass_rate: number | null;
  stats_json: string | null;
  stale: number;
}

const rate = (pass: number, n: number) => (n === 0 ? 0 : Math.round((pass / n) * 10_000) / 10_000);

function group(): GroupCount {
  return { schools: 0, submitted: 0, teachers: 0, pass: 0, warn: 0, fail: 0, passRate: 0 };
}

function addTo(g: GroupCount, r: BureauSchoolRow) {
  g.schools++;
  if (!r.submitted) return;
  g.submitted++;
  g.teachers += r.teachers;
  g.pass += r.pass;
  g.warn += r.warn;
  g.fail += r.fail;
}

function tiers<T extends string>(
  names: readonly T[],
  sums: Record<string, [number, number, number, number]>,
): TierCount<T>[] {
  return names.map((tier) => {
    const [teachers, pass, warn, fail] = sums[tier] ?? [0, 0, 0, 0];
    return { tier, teachers, pass, warn, fail, passRate: rate(pass, teachers) };
  });
}

/** Two reads in one round trip: the bureau's schools with their current versions, and the deadline. */
export async function bureauSummary(
  db: D1Database,
  bureau: BureauRow,
  year: number,
  today: string,
): Promise<BureauSummary> {
  const [schools, policy] = await db.batch<SummaryRow & { deadline?: string | null }>([
    db
      .prepare(
        `SELECT sc.code, sc.name, sc.type, sc.rural, s.id, s.version, s.review_state AS status, s.submitted_at, s.pass, s.warn, s.fail,
                s.pass_rate, s.stats_json, s.stale_since IS NOT NULL AS stale
           FROM schools sc
           LEFT JOIN current_submissions c ON c.school_code = sc.code AND c.year = ?2
           LEFT JOIN submissions s ON s.id = c.submission_id
          WHERE sc.bureau_id = ?1
          ORDER BY sc.code`,
      )
      .bind(bureau.id, year),
    db.prepare('SELECT deadline FROM policies WHERE bureau_id = ?1 AND year = ?2').bind(bureau.id, year),
  ]);
  const deadline = policy!.results[0]?.deadline ?? defaultDeadline(year);
  const byRule = new Map<string, [number, number, number]>();
  const backbone: Record<string, [number, number, number, number]> = {};
  const studio: Record<string, [number, number, number, number]> = {};
  const totals = { ...group(), missing: 0, approved: 0, returned: 0 };
  const rural = group();
  const urban = group();
  const rows: BureauSchoolRow[] = [];
  for (const s of schools!.results) {
    const stats = s.stats_json ? (JSON.parse(s.stats_json) as SubmissionStats) : null;
    const pass = s.pass ?? 0;
    const warn = s.warn ?? 0;
    const fail = s.fail ?? 0;
    const row: BureauSchoolRow = {
      code: s.code,
      name: s.name,
      type: s.type,
      rural: s.rural === 1,
      submitted: s.id !== null,
      submissionId: s.id,
      version: s.version,
      status: s.status ?? 'missing',
      submittedAt: s.submitted_at,
      teachers: pass + warn + fail,
      pass,
      warn,
      fail,
      passRate: s.pass_rate ?? 0,
      schoolStatus: stats?.schoolStatus ?? null,
      stale: s.stale === 1,
    };
    rows.push(row);
    addTo(totals, row);
    addTo(row.rural ? rural : urban, row);
    if (!row.submitted) totals.missing++;
    if (row.status === 'approved') totals.approved++;
    if (row.status === 'returned') totals.returned++;
    if (!stats) continue;
    for (const [rule, [p, w, f]] of Object.entries(stats.byRule)) {
      const t = byRule.get(rule) ?? [0, 0, 0];
      byRule.set(rule, [t[0] + p, t[1] + w, t[2] + f]);
    }
    for (const [target, src] of [
      [backbone, stats.backbone],
      [studio, stats.studio],
    ] as const) {
      for (const [tier, counts] of Object.entries(src)) {
        const t = (target[tier] ??= [0, 0, 0, 0]);
        for (let i = 0; i < 4; i++) t[i]! += counts[i]!;
      }
    }
  }
  for (const g of [totals, rural, urban]) g.passRate = rate(g.pass, g.teachers);
  const rules: RuleCount[] = RULE_IDS.filter((r) => byRule.has(r)).map((rule) => {
    const [pass, warn, fail] = byRule.get(rule)!;
    return { rule: rule as RuleId, pass, warn, fail };
  });
  const daysLeft = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return {
    bureau: { id: bureau.id, name: bureau.name },
    year,
    deadline,
    daysLeft,
    schools: rows,
    totals,
    byRule: rules,
    backbone: tiers<BackboneLevel>(BACKBONE_LEVELS.values, backbone),
    studio: tiers<Exclude<StudioRole, '无'>>(
      STUDIO_ROLES.values.filter((r): r is Exclude<StudioRole, '无'> => r !== '无'),
      studio,
    ),
    rural: { rural, urban },
    recomputing: rows.filter((r) => r.stale).length,
  };
}

export interface TeacherFilter {
  bureauId: string;
  year: number;
  school?: string;
  status?: TeacherStatus;
  rule?: string;
  q?: string;
}

interface TeacherDbRow {
  school_code: string;
  school_name: string;
  rural: number;
  row: number;
  id_masked: string;
  id_enc: string;
  stale: number;
  name: string;
  gender: string;
  stage: string;
  subject: string;
  title: string;
  post: string;
  backbone: string;
  backbone_level: string | null;
  studio_role: string;
  status: TeacherStatus;
  unmet: string;
  hours: number;
  compliance_json: string;
}

function teacherWhere(f: TeacherFilter): { sql: string; binds: unknown[] } {
  const binds: unknown[] = [f.bureauId, f.year];
  let sql = `FROM teachers t
    JOIN current_submissions c ON c.submission_id = t.submission_id
    JOIN submissions s ON s.id = c.submission_id
    JOIN schools sc ON sc.code = c.school_code
   WHERE sc.bureau_id = ?1 AND c.year = ?2`;
  if (f.school !== undefined) {
    binds.push(f.school);
    sql += ` AND c.school_code = ?${binds.length}`;
  }
  if (f.status !== undefined) {
    binds.push(f.status);
    sql += ` AND t.status = ?${binds.length}`;
  }
  if (f.rule !== undefined) {
    binds.push(`%,${f.rule},%`);
    sql += ` AND t.unmet LIKE ?${binds.length}`;
  }
  if (f.q !== undefined) {
    binds.push(`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    sql += ` AND t.name LIKE ?${binds.length} ESCAPE '\\'`;
  }
  return { sql, binds };
}

const TEACHER_SELECT = `SELECT c.school_code, sc.name AS school_name, sc.rural, t.row, t.id_masked, t.id_enc, t.name, t.gender,
  t.stage, t.subject, t.title, t.post, t.backbone, t.backbone_level, t.studio_role, t.status, t.unmet, t.hours,
  t.compliance_json, s.stale_since IS NOT NULL AS stale`;

export function toTeacherRow(r: TeacherDbRow): TeacherRow {
  const compliance = JSON.parse(r.compliance_json) as TeacherCompliance;
  return {
    schoolCode: r.school_code,
    schoolName: r.school_name,
    rural: r.rural === 1,
    row: r.row,
    idMasked: r.id_masked,
    name: r.name,
    gender: r.gender,
    stage: r.stage,
    subject: r.subject,
    title: r.title,
    post: r.post,
    backbone: r.backbone,
    backboneLevel: r.backbone_level,
    studioRole: r.studio_role,
    status: r.status,
    unmetRules: r.unmet.split(',').filter((x) => x !== '') as RuleId[],
    hours: r.hours,
    rules: compliance.rules,
    stale: r.stale === 1,
  };
}

export async function teacherPage(
  db: D1Database,
  f: TeacherFilter,
  page: number,
  pageSize: number,
): Promise<TeacherPage> {
  const w = teacherWhere(f);
  const n = w.binds.length;
  const [count, items] = await db.batch<{ n?: number } & Partial<TeacherDbRow>>([
    db.prepare(`SELECT COUNT(*) AS n ${w.sql}`).bind(...w.binds),
    db
      .prepare(`${TEACHER_SELECT} ${w.sql} ORDER BY c.school_code, t.row LIMIT ?${n + 1} OFFSET ?${n + 2}`)
      .bind(...w.binds, pageSize, (page - 1) * pageSize),
  ]);
  return {
    year: f.year,
    page,
    pageSize,
    total: count!.results[0]!.n ?? 0,
    items: (items!.results as TeacherDbRow[]).map(toTeacherRow),
  };
}

/** A teacher's records of this ledger by recognition status (archive.md §2), every status present. */
export type RecognitionCounts = Record<RecognitionStatus, number>;

/**
 * Every current teacher of the bureau (export), with the encrypted ID for the audited full export and
 * the teacher's trainings of this ledger counted by recognition status (one grouped subquery a row on
 * trainings_by_hmac).
 */
export async function allTeachers(
  db: D1Database,
  f: TeacherFilter,
): Promise<(TeacherRow & { idEnc: string; recognition: RecognitionCounts })[]> {
  const w = teacherWhere(f);
  const r = await db
    .prepare(
      `${TEACHER_SELECT},
        (SELECT json_group_object(s, n) FROM (
           SELECT r.recognition AS s, COUNT(*) AS n FROM trainings r
            WHERE r.id_hmac = t.id_hmac AND r.submission_id = t.submission_id AND r.recognition IS NOT NULL
            GROUP BY r.recognition)) AS recognition_counts
       ${w.sql} ORDER BY c.school_code, t.row`,
    )
    .bind(...w.binds)
    .all<TeacherDbRow & { recognition_counts: string | null }>();
  const rows = r.results.map((t) => {
    const stored = JSON.parse(t.recognition_counts ?? '{}') as Partial<RecognitionCounts>;
    const recognition = Object.fromEntries(RECOGNITION_STATUSES.map((s) => [s, stored[s] ?? 0])) as RecognitionCounts;
    return { ...toTeacherRow(t), idEnc: t.id_enc, recognition };
  });
  // A file is kept and passed on: it never carries a verdict that is being recomputed. The read's
  // re-evaluation brings up to REEVALUATE_BUDGET more up to date each time, so a retry gets there.
  const stale = new Set(rows.filter((t) => t.stale).map((t) => t.schoolCode)).size;
  if (stale > 0)
    throw new ApiError(
      503,
      'verdicts.recomputing',
      `${stale} 所学校的结论正在重新计算，请稍后再导出`,
      `The verdicts of ${stale} schools are being recomputed; export again shortly`,
      { schools: stale },
      { 'Retry-After': '5' },
    );
  return rows;
}
