/**
 * Nothing in D1 gives back an ID number without the keys. The demo district of `npm start` (the
 * same generator and seeds) is submitted through the API, with ID numbers planted in free text a
 * clerk, a reviewer and an admin type (a certificate number, a course, a review comment, a token
 * label); then EVERY table is read and an attacker holding that copy of the database tries:
 * - the full number, or its first 14 characters, anywhere;
 * - the eight digits the mask hides (the birth date) anywhere, in any date spelling;
 * - for each teacher, the mask (first 6, last 4 with the check character) together with every date
 *   or year-month found in any row that carries the same id_hmac (their trainings, duties,
 *   milestones, other versions), narrowed by the check character: rebuilt when the true number is
 *   among at most 3 candidates.
 * The positive control: the same attacker on the rows as migration 0001 stored them (birth_date in
 * plain text, here for every teacher) rebuilds every teacher's number.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IssuedToken, SubmissionReceipt } from '../../shared/api/responses.js';
import { encodeWorkbook, type WorkbookGrid } from '../../shared/grid.js';
import { EARLIEST_BIRTH_DATE, idCheckChar, latestBirthDate } from '../../shared/id-number.js';
import { daysInMonth, isRealDate } from '../../shared/normalize/date-parts.js';
import { hmacId, idKeys } from '../../worker/crypto/ids.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { locate } from '../fixtures/plant.js';
import { call, newKey, SCHOOLS, seedTenants, TOKENS, testApp, YEAR } from './helpers.js';

const DEMO_TEACHERS = 40;

/** One school of the demo district, as scripts/start.ts makes it (seed 1000 + its index). */
function demoSchool(i: number, s: { code: string; name: string; rural: boolean }): WorkbookGrid {
  const grid = generateSchool({
    seed: 1000 + i,
    teachers: DEMO_TEACHERS,
    year: YEAR,
    withDuties: true,
    withMilestones: true,
  });
  for (const row of grid.sheets.find((x) => x.name === '学校概况')!.rows) {
    if (row[0] === '学校代码') row[1] = s.code;
    if (row[0] === '学校名称') row[1] = s.name;
    if (row[0] === '是否农村学校') row[1] = s.rural ? '是' : '否';
  }
  return grid;
}

function rosterIds(grid: WorkbookGrid): string[] {
  const roster = grid.sheets.find((s) => s.name === '教师名册')!;
  const c = roster.rows[0]!.indexOf('身份证号');
  return roster.rows.slice(1).map((r) => String(r[c]));
}

/** Every date (YYYYMMDD) and year-month (YYYYMM) written in a text, in the spellings people use. */
function datesIn(text: string): { days: Set<string>; months: Set<string> } {
  const days = new Set<string>();
  const months = new Set<string>();
  const day = (y: string, m: string, d: string) => {
    if (isRealDate(Number(y), Number(m), Number(d))) days.add(`${y}${m.padStart(2, '0')}${d.padStart(2, '0')}`);
  };
  for (const m of text.matchAll(/(?<!\d)(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})(?!\d)/g)) day(m[1]!, m[2]!, m[3]!);
  for (const m of text.matchAll(/(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g)) day(m[1]!, m[2]!, m[3]!);
  for (const m of text.matchAll(/(?<!\d)(\d{4})[-/.年](\d{1,2})(?!\d)(?![-/.月]\d)/g)) {
    if (Number(m[2]) >= 1 && Number(m[2]) <= 12) months.add(`${m[1]}${m[2]!.padStart(2, '0')}`);
  }
  return { days, months };
}

/** The birth dates (YYYYMMDD) a mask allows: real, in the validator's range, and matching the check character. */
function candidates(masked: string, among: Iterable<string>): string[] {
  const lo = EARLIEST_BIRTH_DATE.replace(/-/g, '');
  const hi = latestBirthDate(YEAR).replace(/-/g, '');
  const out: string[] = [];
  for (const d of among) {
    if (d < lo || d > hi) continue;
    const first17 = masked.slice(0, 6) + d + masked.slice(14, 17);
    if (idCheckChar(first17) === masked[17]) out.push(d);
  }
  return out;
}

function allDates(): string[] {
  const out: string[] = [];
  for (let y = Number(EARLIEST_BIRTH_DATE.slice(0, 4)); y <= YEAR - 18; y++) {
    for (let m = 1; m <= 12; m++) {
      for (let d = 1; d <= daysInMonth(y, m); d++)
        out.push(`${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`);
    }
  }
  return out;
}

type Row = Record<string, unknown>;

interface Attack {
  /** Teachers whose true hidden digits some hint narrowed to ≤ 3 candidates. */
  rebuilt: string[];
  /** Per teacher, the smallest candidate set that still holds the truth (the mask alone when no hint helps). */
  smallest: number[];
}

/**
 * The attacker: for each teacher row, the mask plus every date-like hint in the rows sharing its
 * id_hmac. `truth` maps id_masked + id_hmac to the real hidden digits, only to score the attack.
 */
function attack(tables: Record<string, Row[]>, truth: Map<string, string>, everyDate: string[]): Attack {
  const byHmac = new Map<string, Row[]>();
  for (const rows of Object.values(tables)) {
    for (const r of rows) {
      if (typeof r.id_hmac !== 'string') continue;
      const list = byHmac.get(r.id_hmac) ?? [];
      list.push(r);
      byHmac.set(r.id_hmac, list);
    }
  }
  const rebuilt: string[] = [];
  const smallest: number[] = [];
  const base = new Map<string, number>();
  for (const t of tables.teachers ?? []) {
    const masked = String(t.id_masked);
    const hidden = truth.get(`${masked}|${t.id_hmac}`);
    if (hidden === undefined) throw new Error(`a stored teacher ${masked} is not in the submitted rosters`);
    const text = (byHmac.get(String(t.id_hmac)) ?? [t])
      .map((r) => Object.values(r).map(String).join('\u0001'))
      .join('\u0002');
    const hints = datesIn(text);
    const sets: string[][] = [];
    for (const d of hints.days) sets.push(candidates(masked, [d]));
    for (const ym of hints.months) {
      const y = Number(ym.slice(0, 4));
      const m = Number(ym.slice(4));
      sets.push(
        candidates(
          masked,
          Array.from({ length: daysInMonth(y, m) }, (_, i) => `${ym}${String(i + 1).padStart(2, '0')}`),
        ),
      );
    }
    let best = base.get(masked) ?? candidates(masked, everyDate).length;
    base.set(masked, best);
    for (const s of sets) if (s.includes(hidden)) best = Math.min(best, s.length);
    smallest.push(best);
    if (best <= 3) rebuilt.push(masked);
  }
  return { rebuilt, smallest };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('no ID number can be rebuilt from D1', () => {
  const app = testApp();
  const tables: Record<string, Row[]> = {};
  const unreadable: string[] = [];
  const ids: string[] = [];
  const everyDate = allDates();
  const truth = new Map<string, string>();
  let planted: { certificate: string; course: string; comment: string; label: string };

  beforeAll(async () => {
    await seedTenants();
    const schools = [SCHOOLS.A1, SCHOOLS.A2, SCHOOLS.A3, SCHOOLS.B1];
    const tokens = [TOKENS.clerkA1, TOKENS.clerkA2, null, TOKENS.clerkB1];
    const grids = schools.map((s, i) => demoSchool(i, s));
    for (const g of grids) ids.push(...rosterIds(g));

    // Free text that carries full ID numbers: the holder's own ID as a certificate number, another's in a course name.
    const a2 = grids[1]!;
    const a2Ids = rosterIds(a2);
    const cert = locate(a2, 'trainings', 0, 'certificate');
    const course = locate(a2, 'trainings', 1, 'course');
    const owner = String(
      locate(a2, 'trainings', 0, 'idNumber').sheet.rows[cert.r]![locate(a2, 'trainings', 0, 'idNumber').c],
    );
    cert.sheet.rows[cert.r]![cert.c] = owner;
    course.sheet.rows[course.r]![course.c] = `补登${a2Ids[5]!.toLowerCase()}的培训`;
    planted = { certificate: owner, course: a2Ids[5]!, comment: a2Ids[7]!, label: a2Ids[9]! };

    const post = async (token: string, grid: WorkbookGrid) => {
      const res = await call(app, 'POST', '/api/v1/submissions', {
        token,
        body: { year: YEAR, workbook: encodeWorkbook(grid) },
        gzip: true,
        headers: { 'Idempotency-Key': newKey() },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return res.json<SubmissionReceipt>();
    };
    // Two of the three schools of bureau A submit (A3 is missing), A1 twice (the second version without its last teacher), and B1.
    for (const [i, token] of tokens.entries()) if (token) await post(token, grids[i]!);
    const v2 = structuredClone(grids[0]!);
    const roster = v2.sheets.find((s) => s.name === '教师名册')!;
    const gone = roster.rows.pop()!;
    for (const name of ['培训记录', '骨干履职', '青年教师考核']) {
      const sh = v2.sheets.find((s) => s.name === name);
      if (sh) sh.rows = sh.rows.filter((r, k) => k === 0 || r[0] !== gone[1]);
    }
    const receipt = await post(TOKENS.clerkA1, v2);

    // A reviewer pastes a roster line into a comment; an admin names a token after a person's ID.
    const review = await call(app, 'POST', `/api/v1/submissions/${receipt.submission.id}/review`, {
      token: TOKENS.reviewerA,
      body: { decision: 'return', comment: `请核对 ${planted.comment} 的培训记录` },
    });
    expect(review.status).toBe(200);
    const issued = await call(app, 'POST', '/api/v1/admin/tokens', {
      token: TOKENS.admin,
      body: { role: 'clerk', schoolCode: SCHOOLS.A3.code, label: `填报员 ${planted.label}` },
    });
    expect(issued.status).toBe(201);
    expect((await issued.json<IssuedToken>()).info.label).not.toContain(planted.label);
    // The audited full export writes its own audit row.
    expect(
      (await call(app, 'GET', `/api/v1/admin/export?year=${YEAR}&bureau=A&format=csv`, { token: TOKENS.admin })).status,
    ).toBe(200);

    const list = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all<{
      name: string;
    }>();
    for (const { name } of list.results) {
      try {
        tables[name] = (await env.DB.prepare(`SELECT * FROM "${name}"`).all<Row>()).results;
      } catch (e) {
        // D1 keeps its own tables (_cf_*) out of reach of the worker; anything else unreadable is a failure below.
        unreadable.push(`${name}: ${(e as Error).message}`);
      }
    }

    const k = await idKeys(env);
    for (const id of ids) truth.set(`${id.slice(0, 6)}********${id.slice(14)}|${await hmacId(k, id)}`, id.slice(6, 14));
  });

  it('should have read every table of the database, the data tables full', () => {
    expect(unreadable.every((u) => u.startsWith('_cf_'))).toBe(true);
    for (const t of [
      'teachers',
      'trainings',
      'duties',
      'milestones',
      'submissions',
      'idempotency_keys',
      'audit_log',
      'tokens',
    ]) {
      expect(tables[t]?.length ?? 0, t).toBeGreaterThan(0);
    }
    // Three schools' rosters, A1's twice (the second one teacher short).
    expect(tables.teachers!.length).toBe(4 * DEMO_TEACHERS - 1);
    console.log(
      `read ${Object.keys(tables).length} tables (${Object.values(tables).reduce((n, r) => n + r.length, 0)} rows); not readable: ${unreadable.join('; ') || 'none'}`,
    );
  });

  it('should hold no full ID number, nor its first 14 characters, in any column', () => {
    const leaks: string[] = [];
    for (const [name, rows] of Object.entries(tables)) {
      for (const r of rows) {
        for (const [col, v] of Object.entries(r)) {
          const s = String(v).toUpperCase();
          for (const id of ids) if (s.includes(id.slice(0, 14))) leaks.push(`${name}.${col} holds ${id.slice(0, 6)}…`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('should have masked the ID numbers typed into free text (certificate, course, comment, label)', () => {
    const certificates = tables.trainings!.map((r) => String(r.certificate));
    expect(certificates).toContain(`${planted.certificate.slice(0, 6)}********${planted.certificate.slice(14)}`);
    expect(
      tables.trainings!.some(
        (r) => String(r.course) === `补登${planted.course.slice(0, 6)}********${planted.course.slice(14)}的培训`,
      ),
    ).toBe(true);
    expect(
      tables.submissions!.some((r) => String(r.review_comment).includes(`${planted.comment.slice(0, 6)}********`)),
    ).toBe(true);
    expect(
      tables.tokens!.some(
        (r) => String(r.label) === `填报员 ${planted.label.slice(0, 6)}********${planted.label.slice(14)}`,
      ),
    ).toBe(true);
  });

  it('should hold no teacher’s birth date (the hidden digits) in any spelling in any column', () => {
    const hidden = new Set(ids.map((id) => id.slice(6, 14)));
    const leaks: string[] = [];
    for (const [name, rows] of Object.entries(tables)) {
      for (const r of rows) {
        for (const [col, v] of Object.entries(r)) {
          for (const d of datesIn(String(v)).days) if (hidden.has(d)) leaks.push(`${name}.${col}: ${d.slice(0, 4)}…`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('should leave every teacher among hundreds of candidates when the mask is combined with their other rows', () => {
    const result = attack(tables, truth, everyDate);
    console.log(
      `${result.smallest.length} teacher rows, ${result.rebuilt.length} rebuilt; candidates left after mask + check ` +
        `character + their rows' dates: min ${Math.min(...result.smallest)}, median ${median(result.smallest)}`,
    );
    expect(result.smallest.length).toBe(tables.teachers!.length);
    expect(result.rebuilt).toEqual([]);
  });

  it('should rebuild every number from the rows as migration 0001 stored them (the attacker works)', () => {
    const birthOf = new Map(ids.map((id) => [`${id.slice(0, 6)}********${id.slice(14)}`, id.slice(6, 14)]));
    const old = {
      ...tables,
      teachers: tables.teachers!.map((t) => {
        const d = birthOf.get(String(t.id_masked))!;
        return { ...t, birth_date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` };
      }),
    };
    const result = attack(old, truth, everyDate);
    expect(result.rebuilt.length).toBe(tables.teachers!.length);
    expect(Math.max(...result.smallest)).toBe(1);
  });
});
