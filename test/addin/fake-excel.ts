/// <reference types="office-js" />
/**
 * A small Excel workbook behind office-addin-mock objects: every object whose properties the Excel
 * layer loads is an OfficeMockObject (a property read without load + sync comes back as an error
 * string, so a missing load fails the test), and the context counts its syncs. Collections and
 * write-only objects are plain objects that record what was done to them.
 *
 * The fake Excel has an ExcelApi level (`api`, 'current' by default): a member of GATED above it is
 * refused the way Excel refuses it, by failing the next sync (ApiNotFound), and recorded in
 * `violations`. Cells have fills (`fills`), read back per range like Excel does (null when mixed).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { compareApiVersions } from '../../addin/excel/api-sets.js';
import { a1, isCellError, parseA1, type WorkbookGrid } from '../../shared/grid.js';

export type FakeValue = string | number | boolean | { error: string };

export interface FakeSheet {
  name: string;
  rows: FakeValue[][];
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** A1 → formula text, for cells that hold one. */
  formulas?: Record<string, string>;
  /** A1 → fill colour, for cells that have one. */
  fills?: Record<string, string>;
}

/** A validator grid as the fake's sheets (dates as their ISO day, error values as errors). */
export function fakeSheets(grid: WorkbookGrid): FakeSheet[] {
  return grid.sheets.map((s) => ({
    name: s.name,
    rows: s.rows.map((r) =>
      r.map((v) =>
        v === null ? '' : isCellError(v) ? { error: v.error } : v instanceof Date ? v.toISOString().slice(0, 10) : v,
      ),
    ),
  }));
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
  /** A note (ExcelApi 1.18) or a threaded comment (1.10). */
  kind?: 'note' | 'comment';
}

/**
 * The members of this fake that exist only from an ExcelApi version on, as @types/office-js tags
 * them (test/scripts/excel-api-audit.test.ts checks the two agree). `write` members are readable
 * at 1.1 and settable from the version given.
 */
export const GATED = {
  'Range.conditionalFormats': { set: '1.6' },
  'Range.dataValidation': { set: '1.8' },
  'RangeFormat.columnWidth': { set: '1.2' },
  'Worksheet.freezePanes': { set: '1.7' },
  'Worksheet.getRangeByIndexes': { set: '1.7' },
  'Worksheet.getUsedRangeOrNullObject': { set: '1.4' },
  'Worksheet.visibility': { set: '1.2', write: true },
  'WorksheetCollection.getItemOrNullObject': { set: '1.4' },
  'Workbook.notes': { set: '1.18' },
  'Workbook.comments': { set: '1.10' },
  'Application.suspendApiCalculationUntilNextSync': { set: '1.6' },
  'Application.suspendScreenUpdatingUntilNextSync': { set: '1.9' },
} as const satisfies Record<string, { set: string; write?: boolean }>;

export type GatedMember = keyof typeof GATED;

/** What office-addin-mock answers for a property read without load and sync. */
export const NOT_LOADED = 'Error, property was not loaded';
const NO_FILL = '#FFFFFF';
const LIVE: ReadonlySet<string> = new Set(['values', 'valueTypes', 'formulas']);
const MAX_PAINTED_CELLS = 2_000_000;

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

/** What a formula shows: HYPERLINK shows its friendly name, a leading apostrophe keeps text as text. */
function shownValue(formula: unknown): FakeValue {
  if (typeof formula !== 'string') return formula as FakeValue;
  const link = /^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/.exec(formula);
  if (link) return link[1]!.replace(/""/g, '"');
  return formula.startsWith("'") ? formula.slice(1) : formula;
}

type Bounds = { row: number; col: number; rows: number; cols: number };

function bounds(address: string): Bounds {
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

function cellsOf(b: Bounds): string[] {
  if (b.rows * b.cols > MAX_PAINTED_CELLS) throw new Error(`the fake does not fill ${b.rows * b.cols} cells at once`);
  const out: string[] = [];
  for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) out.push(a1(b.row + r, b.col + c));
  return out;
}

export interface FakeOptions {
  notes?: { sheet: string; cell: string; content: string; kind?: 'note' | 'comment' }[];
  /**
   * Writes go through to the sheets (values read back as written): for driving a whole flow, and the
   * whole pane in a browser, where office-addin-mock is replaced by a plain stand-in that loads
   * nothing (the fake then checks loads itself).
   */
  live?: boolean;
  /** The newest ExcelApi this Excel supports, e.g. '1.1' (Excel 2016) or '1.8' (Excel 2019). */
  api?: string;
}

export function fakeExcel(initial: FakeSheet[], opts: FakeOptions = {}) {
  const api = opts.api ?? 'current';
  const sheets: FakeSheet[] = initial.map((s) => ({ visibility: 'Visible', ...s, fills: { ...s.fills } }));
  const mocks: OfficeMockObject[] = [];
  const ranges: RangeRecord[] = [];
  const formats: FakeFormat[] = [];
  const notes: FakeNote[] = (opts.notes ?? []).map((n) => ({ kind: 'note', ...n, deleted: false }));
  const charts: { sheet: string; type: string; source: string; title: { text?: string } }[] = [];
  const suspended = { screen: 0, calc: 0 };
  const violations: string[] = [];
  const validations: { sheet: string; address: string; dv: { rule?: { list?: { source: string } } } }[] = [];
  const frozen = new Map<string, { rows: number; cols: number }>();
  const widths = new Map<string, number>();
  const onSync: (() => void)[] = [];
  const loaded = new WeakMap<object, Set<string>>();
  let refused: Error | null = null;
  let syncs = 0;
  let formatSeq = 0;
  let selected: string | null = null;

  /** Records the use of a gated member; above the level, the next sync fails as Excel's would. */
  function use(member: GatedMember): void {
    const { set } = GATED[member];
    if (api === 'current' || compareApiVersions(set, api) <= 0) return;
    violations.push(`${member} (ExcelApi ${set})`);
    refused ??= new Error(`ApiNotFound: ${member} needs ExcelApi ${set}; this Excel has ${api}`);
  }

  function gate<T>(target: object, key: string, member: GatedMember, value: T): void {
    Object.defineProperty(target, key, {
      get: () => {
        use(member);
        return value;
      },
      configurable: true,
    });
  }

  function isLoaded(m: object, prop: string): boolean {
    const props = loaded.get(m);
    return Boolean(props && (props.has(prop) || props.has('*')));
  }

  // Only objects that were loaded take part in a sync: syncing an unloaded mock would overwrite
  // the values the code under test assigned to it with the mock's "not loaded" marker.
  // Properties in `own` are the fake's (live values): the mock never sees them, the fake checks loads.
  const track = <T extends OfficeMockObject>(m: T, own: ReadonlySet<string> = new Set()): T => {
    const load = m.load.bind(m);
    (m as any).load = (arg?: any) => {
      mocks.push(m);
      const props: string[] =
        typeof arg === 'string' ? arg.split(',').map((p) => p.trim()) : arg === undefined ? ['*'] : Object.keys(arg);
      onSync.push(() => {
        const set = loaded.get(m) ?? new Set<string>();
        for (const p of props) set.add(p);
        loaded.set(m, set);
      });
      const theirs = props.filter((p) => !own.has(p));
      if (theirs.length > 0) load(theirs.join(','));
      return m;
    };
    return m;
  };

  function colourOf(sheet: FakeSheet, b: Bounds): string | null {
    const colours = new Set(cellsOf(b).map((cell) => sheet.fills?.[cell] ?? NO_FILL));
    return colours.size === 1 ? [...colours][0]! : null;
  }

  function paint(sheet: FakeSheet, b: Bounds, colour: string | null): void {
    sheet.fills ??= {};
    for (const cell of cellsOf(b)) {
      if (colour === null) delete sheet.fills[cell];
      else sheet.fills[cell] = colour;
    }
  }

  function rangeFormat(sheet: FakeSheet, b: Bounds, address: string) {
    let snapshot: string | null | undefined;
    const fill = {
      load() {
        onSync.push(() => {
          snapshot = colourOf(sheet, b);
        });
        return fill;
      },
      get color(): string | null {
        return snapshot === undefined ? NOT_LOADED : snapshot;
      },
      set color(colour: string | null) {
        paint(sheet, b, colour);
      },
      clear() {
        paint(sheet, b, null);
      },
    };
    const format: any = { font: {}, fill };
    let width: number | undefined;
    Object.defineProperty(format, 'columnWidth', {
      get: () => width,
      set: (w: number) => {
        use('RangeFormat.columnWidth');
        width = w;
        widths.set(`${sheet.name}!${address}`, w);
      },
    });
    return format;
  }

  function rangeMock(sheet: FakeSheet, address: string) {
    const b = bounds(address);
    const rows = Math.min(b.rows, Math.max(0, sheet.rows.length - b.row));
    const grid = opts.live
      ? []
      : Array.from({ length: rows }, (_, r) =>
          Array.from({ length: b.cols }, (_, c) => sheet.rows[b.row + r]?.[b.col + c]),
        );
    const snapshot = opts.live
      ? {}
      : {
          values: grid.map((r) => r.map(rawOf)),
          valueTypes: grid.map((r) => r.map(typeOf)),
          formulas: grid.map((r, ri) => r.map((v, ci) => sheet.formulas?.[a1(b.row + ri, b.col + ci)] ?? rawOf(v))),
        };
    const mock: any = track(
      new OfficeMockObject({ address: `${sheet.name}!${address}`, isNullObject: false, ...snapshot }),
      opts.live ? LIVE : undefined,
    );
    mock.format = rangeFormat(sheet, b, address);
    const dv = {};
    validations.push({ sheet: sheet.name, address, dv });
    gate(mock, 'dataValidation', 'Range.dataValidation', dv);
    gate(mock, 'conditionalFormats', 'Range.conditionalFormats', {
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
          .map((f) =>
            track(
              new OfficeMockObject({
                id: f.id,
                delete: () => {
                  f.deleted = true;
                },
              }),
            ).load('id'),
          );
        return this;
      },
    });
    mock.set = (props: Record<string, unknown>) => Object.assign(mock, props);
    // Range.clear (ExcelApi 1.1): the cells' values go from the model too.
    mock.clear = () => {
      for (let r = b.row; r < Math.min(sheet.rows.length, b.row + b.rows); r++) {
        const row = sheet.rows[r]!;
        for (let c = b.col; c < Math.min(row.length, b.col + b.cols); c++) row[c] = '';
      }
    };
    mock.select = () => {
      selected = `${sheet.name}!${address}`;
    };
    if (opts.live) liveValues(mock, sheet, b);
    mock.getLocation = () => mock;
    ranges.push({ sheet: sheet.name, address, mock });
    return mock;
  }

  function write(sheet: FakeSheet, b: Bounds, grid: unknown, asFormulas: boolean): void {
    if (!Array.isArray(grid)) return;
    (grid as FakeValue[][]).forEach((line, r) =>
      line.forEach((v, c) => {
        const row = (sheet.rows[b.row + r] ??= []);
        while (row.length < b.col + c) row.push('');
        const cell = a1(b.row + r, b.col + c);
        const formula = typeof v === 'string' && v.startsWith('=');
        if (formula) (sheet.formulas ??= {})[cell] = v;
        else if (sheet.formulas) delete sheet.formulas[cell];
        row[b.col + c] = asFormulas || formula ? shownValue(v) : v;
      }),
    );
  }

  /** Live values: read from the sheet at the time of reading, once loaded and synced, as Excel's are. */
  function liveValues(mock: any, sheet: FakeSheet, b: Bounds): void {
    const rows = () => Math.min(b.rows, Math.max(0, sheet.rows.length - b.row));
    const grid = <T>(f: (v: FakeValue | undefined, cell: string) => T) =>
      Array.from({ length: rows() }, (_, r) =>
        Array.from({ length: b.cols }, (_, c) => f(sheet.rows[b.row + r]?.[b.col + c], a1(b.row + r, b.col + c))),
      );
    const live = (key: string, read: () => unknown, set?: (v: unknown) => void) =>
      Object.defineProperty(mock, key, {
        get: () => (isLoaded(mock, key) ? read() : NOT_LOADED),
        set: set ?? (() => {}),
        configurable: true,
      });
    live(
      'values',
      () => grid(rawOf),
      (v) => write(sheet, b, v, false),
    );
    live('valueTypes', () => grid(typeOf));
    live(
      'formulas',
      () => grid((v, cell) => sheet.formulas?.[cell] ?? rawOf(v)),
      (v) => write(sheet, b, v, true),
    );
  }

  function usedRange(sheet: FakeSheet, { nullObject, valuesOnly }: { nullObject: boolean; valuesOnly: boolean }) {
    let top = Number.POSITIVE_INFINITY;
    let left = Number.POSITIVE_INFINITY;
    let bottom = -1;
    let right = -1;
    const extend = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== '' && v !== undefined) extend(r, c);
      }),
    );
    // A used range that is not values-only counts formatted cells too (here: filled ones).
    if (!valuesOnly) {
      for (const cell of Object.keys(sheet.fills ?? {})) {
        const p = parseA1(cell);
        extend(p.row, p.col);
      }
    }
    const empty = bottom < 0;
    if (empty && !nullObject) {
      return track(
        new OfficeMockObject({
          isNullObject: false,
          rowIndex: 0,
          columnIndex: 0,
          rowCount: 1,
          columnCount: 1,
          address: `${sheet.name}!A1`,
        }),
      );
    }
    return track(
      new OfficeMockObject({
        isNullObject: empty,
        rowIndex: empty ? 0 : top,
        columnIndex: empty ? 0 : left,
        rowCount: empty ? 0 : bottom - top + 1,
        columnCount: empty ? 0 : right - left + 1,
        address: empty ? '' : `${sheet.name}!${a1(top, left)}:${a1(bottom, right)}`,
      }),
    );
  }

  function worksheetMock(sheet: FakeSheet): any {
    const ws: any = track(
      new OfficeMockObject({ name: sheet.name, visibility: sheet.visibility ?? 'Visible', isNullObject: false }),
    );
    gate(ws, 'getUsedRangeOrNullObject', 'Worksheet.getUsedRangeOrNullObject', (valuesOnly?: boolean) =>
      usedRange(sheet, { nullObject: true, valuesOnly: Boolean(valuesOnly) }),
    );
    ws.getUsedRange = (valuesOnly?: boolean) =>
      usedRange(sheet, { nullObject: false, valuesOnly: Boolean(valuesOnly) });
    ws.getRange = (address = 'A1:XFD1048576') => rangeMock(sheet, address);
    gate(ws, 'getRangeByIndexes', 'Worksheet.getRangeByIndexes', (r: number, c: number, rc: number, cc: number) =>
      rangeMock(sheet, `${a1(r, c)}:${a1(r + rc - 1, c + cc - 1)}`),
    );
    ws.delete = () => {
      const i = sheets.indexOf(sheet);
      if (i >= 0) sheets.splice(i, 1);
    };
    ws.activate = () => {};
    const panes = () => frozen.get(sheet.name) ?? frozen.set(sheet.name, { rows: 0, cols: 0 }).get(sheet.name)!;
    gate(ws, 'freezePanes', 'Worksheet.freezePanes', {
      freezeRows: (n: number) => {
        panes().rows = n;
      },
      freezeColumns: (n: number) => {
        panes().cols = n;
      },
    });
    ws.charts = {
      add(type: string, source: any) {
        const chart = {
          sheet: sheet.name,
          type,
          source: `${sheet.name}!${ranges.find((r) => r.mock === source)?.address}`,
          title: {} as { text?: string },
          legend: {},
          setPosition() {},
        };
        charts.push(chart);
        return chart;
      },
    };
    Object.defineProperty(ws, 'visibility', {
      get: () => sheet.visibility,
      set: (v: FakeSheet['visibility']) => {
        use('Worksheet.visibility');
        sheet.visibility = v;
      },
    });
    return ws;
  }

  const worksheets: any = {
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
    add(name: string) {
      if (sheets.some((x) => x.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
      const s: FakeSheet = { name, rows: [], visibility: 'Visible', fills: {} };
      sheets.push(s);
      return worksheetMock(s);
    },
  };
  gate(worksheets, 'getItemOrNullObject', 'WorksheetCollection.getItemOrNullObject', (name: string) => {
    const s = sheets.find((x) => x.name === name);
    if (s) return worksheetMock(s);
    return track(new OfficeMockObject({ isNullObject: true, delete: () => {} }));
  });

  function annotationCollection(kind: 'note' | 'comment') {
    return {
      items: [] as any[],
      load() {
        this.items = notes
          .filter((n) => !n.deleted && n.kind === kind)
          .map((n) => {
            const m: any = track(new OfficeMockObject({ content: n.content }));
            m.delete = () => {
              n.deleted = true;
            };
            m.getLocation = () => track(new OfficeMockObject({ address: `'${n.sheet}'!${n.cell}` }));
            return m.load('content');
          });
        return this;
      },
      add(address: string, content: string) {
        const bang = address.lastIndexOf('!');
        notes.push({
          sheet: address.slice(0, bang).replace(/^'|'$/g, ''),
          cell: address.slice(bang + 1),
          content,
          deleted: false,
          kind,
        });
        return {};
      },
    };
  }

  const workbook = { worksheets };
  gate(workbook, 'notes', 'Workbook.notes', annotationCollection('note'));
  gate(workbook, 'comments', 'Workbook.comments', annotationCollection('comment'));
  const application = {};
  gate(application, 'suspendScreenUpdatingUntilNextSync', 'Application.suspendScreenUpdatingUntilNextSync', () => {
    suspended.screen++;
  });
  gate(application, 'suspendApiCalculationUntilNextSync', 'Application.suspendApiCalculationUntilNextSync', () => {
    suspended.calc++;
  });

  const context = {
    workbook,
    application,
    async sync() {
      syncs++;
      if (refused) {
        const err = refused;
        refused = null;
        throw err;
      }
      for (const m of mocks.splice(0)) await m.sync();
      for (const f of onSync.splice(0)) f();
      await new Promise((r) => setTimeout(r, 0));
    },
  };

  return {
    context: context as unknown as Excel.RequestContext,
    api,
    sheets,
    ranges,
    formats,
    notes,
    charts,
    suspended,
    /** Gated members used above this Excel's level (each also failed a sync). */
    violations,
    syncs: () => syncs,
    selected: () => selected,
    sheet: (name: string) => sheets.find((s) => s.name === name),
    /** The dropdown lists set, by range (read without touching the gated member). */
    dropdowns: () =>
      validations
        .filter((v) => v.dv.rule)
        .map((v) => ({ sheet: v.sheet, address: v.address, source: v.dv.rule!.list!.source })),
    /** Frozen rows and columns of a sheet, undefined when never frozen. */
    frozen: (sheet: string) => frozen.get(sheet),
    /** Column widths set, "sheet!A:A" → points. */
    widths,
    /** A cell's fill colour, undefined when it has none. */
    fill: (sheet: string, cell: string) => sheets.find((s) => s.name === sheet)?.fills?.[cell],
    /** The values last assigned to the range at `address` of `sheet`. */
    written: (sheet: string, address: string) =>
      ranges.filter((r) => r.sheet === sheet && r.address === address).map((r) => r.mock),
  };
}
