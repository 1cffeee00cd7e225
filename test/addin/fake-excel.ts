/// <reference types="office-js" />
/**
 * A small Excel workbook behind office-addin-mock objects: every object whose properties the Excel
 * layer loads is an OfficeMockObject (a property read without load + sync comes back as an error
 * string, so a missing load fails the test), and the context counts its syncs. Collections and
 * write-only objects are plain objects that record what was done to them.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { a1, parseA1 } from '../../shared/grid.js';

export type FakeValue = string | number | boolean | { error: string };

export interface FakeSheet {
  name: string;
  rows: FakeValue[][];
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** A1 → formula text, for cells that hold one. */
  formulas?: Record<string, string>;
}

export interface RangeRecord {
  sheet: string;
  address: string;
  mock: any;
}

export interface FakeFormat {
  id: string;
  sheet: string;
  range: string;
  type: string;
  custom: { rule: { formula: string }; format: { fill: { color?: string }; font: { color?: string } } };
  deleted: boolean;
}

export interface FakeNote {
  sheet: string;
  cell: string;
  content: string;
  deleted: boolean;
}

function typeOf(v: FakeValue | undefined): string {
  if (v === undefined || v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'object') return 'Error';
  return 'String';
}

function rawOf(v: FakeValue | undefined): string | number | boolean {
  if (v === undefined) return '';
  if (typeof v === 'object') return v.error;
  return v;
}

function bounds(address: string): { row: number; col: number; rows: number; cols: number } {
  const [from, to = from] = address.replace(/\$/g, '').split(':') as [string, string?];
  if (/^[A-Z]+$/.test(from)) {
    const c1 = parseA1(`${from}1`).col;
    const c2 = parseA1(`${to}1`).col;
    return { row: 0, col: c1, rows: 1_048_576, cols: c2 - c1 + 1 };
  }
  const p = parseA1(from);
  const q = parseA1(to!);
  return { row: p.row, col: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
}

export interface FakeOptions {
  notes?: { sheet: string; cell: string; content: string }[];
  /**
   * Writes go through to the sheets (values read back as written): for driving the whole pane in a
   * browser, where office-addin-mock is replaced by a plain stand-in that loads nothing.
   */
  live?: boolean;
}

export function fakeExcel(initial: FakeSheet[], opts: FakeOptions = {}) {
  const sheets: FakeSheet[] = initial.map((s) => ({ visibility: 'Visible', ...s }));
  const mocks: OfficeMockObject[] = [];
  const ranges: RangeRecord[] = [];
  const formats: FakeFormat[] = [];
  const notes: FakeNote[] = (opts.notes ?? []).map((n) => ({ ...n, deleted: false }));
  const charts: { sheet: string; type: string; source: string; title: { text?: string } }[] = [];
  const suspended = { screen: 0, calc: 0 };
  let syncs = 0;
  let formatSeq = 0;
  let selected: string | null = null;

  // Only objects that were loaded take part in a sync: syncing an unloaded mock would overwrite
  // the values the code under test assigned to it with the mock's "not loaded" marker.
  const track = <T extends OfficeMockObject>(m: T): T => {
    const load = m.load.bind(m);
    (m as any).load = (arg?: any) => {
      mocks.push(m);
      load(arg);
      return m;
    };
    return m;
  };

  function rangeMock(sheet: FakeSheet, address: string) {
    const b = bounds(address);
    const rows = Math.min(b.rows, Math.max(0, sheet.rows.length - b.row));
    const grid = Array.from({ length: rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => sheet.rows[b.row + r]?.[b.col + c]));
    const mock: any = track(
      new OfficeMockObject({
        address: `${sheet.name}!${address}`,
        values: grid.map((r) => r.map(rawOf)),
        valueTypes: grid.map((r) => r.map(typeOf)),
        formulas: grid.map((r, ri) => r.map((v, ci) => sheet.formulas?.[a1(b.row + ri, b.col + ci)] ?? rawOf(v))),
        format: { font: { bold: false }, fill: { color: '#FFFFFF' } },
        dataValidation: { prompt: '' },
        isNullObject: false,
      }),
    );
    mock.conditionalFormats = {
      items: [] as any[],
      add(type: string) {
        const f: any = {
          id: `cf${++formatSeq}`,
          sheet: sheet.name,
          range: address,
          type,
          custom: { rule: { formula: '' }, format: { fill: {}, font: {} } },
          deleted: false,
          load() {},
          delete() {
            f.deleted = true;
          },
        };
        formats.push(f);
        return f;
      },
      load() {
        this.items = formats
          .filter((f) => f.sheet === sheet.name && !f.deleted)
          .map((f) => track(new OfficeMockObject({ id: f.id, delete: () => { f.deleted = true; } })).load('id'));
        return this;
      },
    };
    mock.set = (props: Record<string, unknown>) => Object.assign(mock, props);
    mock.select = () => {
      selected = `${sheet.name}!${address}`;
    };
    if (opts.live) liveValues(mock, sheet, b);
    mock.getLocation = () => mock;
    ranges.push({ sheet: sheet.name, address, mock });
    return mock;
  }

  function liveValues(mock: any, sheet: FakeSheet, b: ReturnType<typeof bounds>): void {
    const rows = () => Math.min(b.rows, Math.max(0, sheet.rows.length - b.row));
    Object.defineProperty(mock, 'values', {
      get: () => Array.from({ length: rows() }, (_, r) => Array.from({ length: b.cols }, (_, c) => rawOf(sheet.rows[b.row + r]?.[b.col + c]))),
      set: (grid: unknown) => {
        if (!Array.isArray(grid)) return;
        (grid as FakeValue[][]).forEach((line, r) =>
          line.forEach((v, c) => {
            const row = (sheet.rows[b.row + r] ??= []);
            while (row.length < b.col + c) row.push('');
            row[b.col + c] = v;
          }),
        );
      },
    });
    Object.defineProperty(mock, 'valueTypes', { get: () => (mock.values as FakeValue[][]).map((r, ri) => r.map((_, ci) => typeOf(sheet.rows[b.row + ri]?.[b.col + ci]))) });
  }

  function usedRange(sheet: FakeSheet) {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === '' || v === undefined) return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }),
    );
    const empty = bottom < 0;
    return track(
      new OfficeMockObject({
        isNullObject: empty,
        rowIndex: empty ? 0 : top,
        columnIndex: empty ? 0 : left,
        rowCount: empty ? 0 : bottom - top + 1,
        columnCount: empty ? 0 : right - left + 1,
      }),
    );
  }

  function worksheetMock(sheet: FakeSheet): any {
    const ws: any = track(new OfficeMockObject({ name: sheet.name, visibility: sheet.visibility ?? 'Visible', isNullObject: false }));
    ws.getUsedRangeOrNullObject = () => usedRange(sheet);
    ws.getRange = (address = 'A1:XFD1048576') => rangeMock(sheet, address);
    ws.getRangeByIndexes = (r: number, c: number, rc: number, cc: number) => rangeMock(sheet, `${a1(r, c)}:${a1(r + rc - 1, c + cc - 1)}`);
    ws.delete = () => {
      const i = sheets.indexOf(sheet);
      if (i >= 0) sheets.splice(i, 1);
    };
    ws.activate = () => {};
    ws.freezePanes = { rows: 0, cols: 0, freezeRows(n: number) { this.rows = n; }, freezeColumns(n: number) { this.cols = n; } };
    ws.charts = {
      add(type: string, source: any) {
        const chart = { sheet: sheet.name, type, source: `${sheet.name}!${ranges.find((r) => r.mock === source)?.address}`, title: {} as { text?: string }, legend: {}, setPosition() {} };
        charts.push(chart);
        return chart;
      },
    };
    Object.defineProperty(ws, 'visibility', {
      get: () => sheet.visibility,
      set: (v: FakeSheet['visibility']) => { sheet.visibility = v; },
    });
    return ws;
  }

  const worksheets = {
    items: [] as any[],
    load() {
      this.items = sheets.map((s) => worksheetMock(s).load('name'));
      return this;
    },
    getItem(name: string) {
      const s = sheets.find((x) => x.name === name);
      if (!s) throw new Error(`ItemNotFound: ${name}`);
      return worksheetMock(s);
    },
    getItemOrNullObject(name: string) {
      const s = sheets.find((x) => x.name === name);
      if (s) return worksheetMock(s);
      return track(new OfficeMockObject({ isNullObject: true, delete: () => {} }));
    },
    add(name: string) {
      if (sheets.some((x) => x.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
      const s: FakeSheet = { name, rows: [], visibility: 'Visible' };
      sheets.push(s);
      return worksheetMock(s);
    },
  };

  function annotationCollection() {
    return {
      items: [] as any[],
      load() {
        this.items = notes
          .filter((n) => !n.deleted)
          .map((n) => {
            const m: any = track(new OfficeMockObject({ content: n.content }));
            m.delete = () => { n.deleted = true; };
            m.getLocation = () => track(new OfficeMockObject({ address: `'${n.sheet}'!${n.cell}` }));
            return m.load('content');
          });
        return this;
      },
      add(address: string, content: string) {
        const bang = address.lastIndexOf('!');
        notes.push({ sheet: address.slice(0, bang).replace(/^'|'$/g, ''), cell: address.slice(bang + 1), content, deleted: false });
        return {};
      },
    };
  }

  const context = {
    workbook: { worksheets, notes: annotationCollection(), comments: annotationCollection() },
    application: {
      suspendScreenUpdatingUntilNextSync: () => { suspended.screen++; },
      suspendApiCalculationUntilNextSync: () => { suspended.calc++; },
    },
    async sync() {
      syncs++;
      for (const m of mocks.splice(0)) await m.sync();
      await new Promise((r) => setTimeout(r, 0));
    },
  };

  return {
    context: context as unknown as Excel.RequestContext,
    sheets,
    ranges,
    formats,
    notes,
    charts,
    suspended,
    syncs: () => syncs,
    selected: () => selected,
    sheet: (name: string) => sheets.find((s) => s.name === name),
    /** The values last assigned to the range at `address` of `sheet`. */
    written: (sheet: string, address: string) => ranges.filter((r) => r.sheet === sheet && r.address === address).map((r) => r.mock),
  };
}
