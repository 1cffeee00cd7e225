import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEATURES, MIN_EXCEL_API } from '../../addin/excel/api-sets.js';
import {
  type ApiUse,
  type Auditor,
  addinSources,
  excelApiAuditor,
  parseApiSetTag,
} from '../../scripts/excel-api-audit.js';
import { GATED } from '../addin/fake-excel.js';

const FIXTURE = resolve(import.meta.dirname, '../addin/audit-fixtures/uses.ts');

let auditor: Auditor;
let addinUses: ApiUse[];

beforeAll(() => {
  auditor = excelApiAuditor({ extraFiles: [FIXTURE] });
  addinUses = auditor.audit(addinSources());
}, 120_000);

describe('requirement-set audit of the add-in', () => {
  it('should find no Excel API member above the manifest’s minimum that is used unguarded', () => {
    const unguarded = addinUses.filter((u) => !u.ok).map((u) => `${u.member} (${u.tag}) at ${u.file}:${u.line}`);
    expect(unguarded).toEqual([]);
  });

  it('should have seen the add-in’s uses, the guarded ones above the minimum among them', () => {
    expect(addinUses.length).toBeGreaterThan(200);
    const above = addinUses.filter((u) => u.needs !== MIN_EXCEL_API);
    const covered = (member: string) => new Set(above.filter((u) => u.member === member).map((u) => u.coveredBy));
    expect(covered('Range.conditionalFormats')).toEqual(new Set(['guard 1.6', '@excelApi 1.6']));
    expect(covered('Workbook.notes')).toEqual(new Set(['guard 1.18']));
    expect(covered('Workbook.comments')).toEqual(new Set(['guard 1.10']));
    expect(covered('Range.dataValidation')).toEqual(new Set(['guard 1.8']));
    expect(covered('Worksheet.getUsedRangeOrNullObject')).toEqual(new Set(['guard 1.4']));
    expect([...covered('Worksheet.visibility =')].every((c) => c !== 'minimum')).toBe(true);
    // Reading works on every Excel: values and valueTypes are ExcelApi 1.1.
    const read = addinUses.filter(
      (u) => u.file === 'addin/excel/read-workbook.ts' && /^load Range\.(values|valueTypes)$/.test(u.member),
    );
    expect(read.map((u) => u.needs)).toEqual(['1.1', '1.1']);
  });

  it('should check every guard against the version of the flag it tests', () => {
    const uses = auditor.audit([FIXTURE]);
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    const expected = lines.flatMap((text, i) =>
      /\/\/ (FAIL|ok)$/.test(text) ? [{ line: i + 1, fail: text.endsWith('FAIL') }] : [],
    );
    expect(expected.filter((e) => e.fail).length).toBeGreaterThan(8);
    for (const { line, fail } of expected) {
      const here = uses.filter((u) => u.line === line);
      expect(here.length, `line ${line}: ${lines[line - 1]}`).toBeGreaterThan(0);
      expect(
        here.some((u) => !u.ok),
        `line ${line}: ${lines[line - 1]}`,
      ).toBe(fail);
    }
  });

  it('should read the tag forms @types/office-js uses', () => {
    expect(parseApiSetTag('ExcelApi 1.7')).toEqual({ read: '1.7', write: '1.7' });
    expect(parseApiSetTag('ExcelApi 1.1 for reading visibility; 1.2 for setting it.')).toEqual({
      read: '1.1',
      write: '1.2',
    });
    expect(parseApiSetTag('ExcelApi 1.1 for get, 1.8 for set')).toEqual({ read: '1.1', write: '1.8' });
    expect(parseApiSetTag('ExcelApi 1.1 for String,Integer,Double,Boolean,Range,Error; 1.7 for Array')).toEqual({
      read: '1.1',
      write: '1.1',
    });
    expect(parseApiSetTag('ExcelApiDesktop 1.1')).toBeNull();
  });
});

describe('the versions the add-in and its tests assume', () => {
  it('should give each capability flag the set of the member it stands for', () => {
    const members: Record<keyof typeof FEATURES, [string, string, 'read' | 'write']> = {
      hideSheets: ['Worksheet', 'visibility', 'write'],
      columnWidths: ['RangeFormat', 'columnWidth', 'read'],
      nullObjects: ['Worksheet', 'getUsedRangeOrNullObject', 'read'],
      conditionalFormats: ['Range', 'conditionalFormats', 'read'],
      suspendCalculation: ['Application', 'suspendApiCalculationUntilNextSync', 'read'],
      freezePanes: ['Worksheet', 'freezePanes', 'read'],
      dataValidation: ['Range', 'dataValidation', 'read'],
      suspendScreenUpdating: ['Application', 'suspendScreenUpdatingUntilNextSync', 'read'],
      comments: ['Workbook', 'comments', 'read'],
      notes: ['Workbook', 'notes', 'read'],
    };
    for (const [feature, [type, member, access]] of Object.entries(members)) {
      expect(auditor.memberSet(type, member)?.[access], `${feature}: ${type}.${member}`).toBe(
        FEATURES[feature as keyof typeof FEATURES],
      );
    }
  });

  it('should refuse, in the fake Excel, exactly the members @types/office-js puts above each level', () => {
    for (const [name, gate] of Object.entries(GATED)) {
      const [type, member] = name.split('.') as [string, string];
      const set = auditor.memberSet(type, member);
      expect(set?.[('write' in gate && gate.write ? 'write' : 'read') as 'read' | 'write'], name).toBe(gate.set);
    }
  });

  it('should ask the manifest for the minimum the audit checks against', () => {
    const manifest = readFileSync(join(import.meta.dirname, '../../manifest.xml'), 'utf8');
    expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${MIN_EXCEL_API}"/>`);
  });
});
