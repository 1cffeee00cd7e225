/** The benchmarks' district: a generated workbook per school, and the clerk's submit request. */
import { gzipSync } from 'node:zlib';
import { api } from '../client/index.js';
import { encodeWorkbook, type WorkbookGrid } from '../shared/grid.js';
import { validateWorkbook } from '../shared/validate/index.js';
import { generateSchool } from '../test/fixtures/generate-school.js';
import type { DemoTokens } from './local-worker.js';

export interface Prepared {
  code: string;
  token: string;
  body: Uint8Array<ArrayBuffer>;
  counts: { teachers: number; trainings: number; duties: number; milestones: number };
}

function withSchool(grid: WorkbookGrid, code: string, name: string): WorkbookGrid {
  for (const row of grid.sheets.find((s) => s.name === '学校概况')!.rows) {
    if (row[0] === '学校代码') row[1] = code;
    if (row[0] === '学校名称') row[1] = name;
  }
  return grid;
}

/** One generated, validated, gzipped workbook per school of the tokens file (seeded: the same every run). */
export function prepareDistrict(tokens: DemoTokens, schools: number, teachers: number): Prepared[] {
  return tokens.schools.slice(0, schools).map((s, i) => {
    const grid = withSchool(
      generateSchool({ seed: 5000 + i, teachers, year: tokens.year, withDuties: true, withMilestones: true }),
      s.code,
      s.name,
    );
    const v = validateWorkbook(grid, { year: tokens.year });
    if (!v.ok) throw new Error(`generated workbook ${s.code} is invalid (${v.counts.errors} errors)`);
    const r = v.records;
    return {
      code: s.code,
      token: s.token,
      body: new Uint8Array(gzipSync(JSON.stringify({ year: tokens.year, workbook: encodeWorkbook(grid) }))),
      counts: {
        teachers: r.teachers.length,
        trainings: r.trainings.length,
        duties: r.duties.length,
        milestones: r.milestones.length,
      },
    };
  });
}

/**
 * One clerk's submission as the clerk's client sends it: gzip, one key kept across retries, If-Match.
 * A bare fetch of bytes gzipped beforehand (what is timed is the server and the wire, and the races
 * need identical bytes), to the typed route's URL.
 */
export async function postSubmission(
  base: string,
  token: string,
  body: Uint8Array<ArrayBuffer>,
  key: string,
  ifMatch: number | null,
) {
  const started = performance.now();
  const r = await fetch(api({ server: base, token: null }).submissions.$url(), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
      'Idempotency-Key': key,
      ...(ifMatch !== null ? { 'If-Match': `"${ifMatch}"` } : {}),
    },
    body,
    signal: AbortSignal.timeout(120_000),
  });
  const text = await r.text();
  let json: { submission?: { id: string; version: number } } | { error: { code: string } } | null;
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    // Not the API's JSON (wrangler dev's own answer): keep its first words as the code.
    json = { error: { code: `non-json "${text.replace(/\s+/g, ' ').slice(0, 60)}"` } };
  }
  return {
    status: r.status,
    ms: performance.now() - started,
    json,
    replayed: r.headers.get('Idempotent-Replayed') === 'true',
    /** The route's steps (Server-Timing), e.g. "evaluate;dur=812, store;dur=640". */
    timing: r.headers.get('Server-Timing'),
  };
}
