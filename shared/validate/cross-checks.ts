/**
 * Checks across rows and sheets, once every sheet is read: the same teacher twice in the roster,
 * trainings, duties and milestones against the roster (unknown ID, other name), repeated trainings
 * and repeated duty terms.
 */
import type { SheetGrid } from '../grid.js';
import { nameKey, plainText, trimText } from '../normalize/text.js';
import { type Collector, reportValue, type SheetPlace } from './collector.js';
import type { RowValues } from './row-reader.js';
import type { ParsedRow, ParsedTable } from './table-sheet.js';

export interface RosterEntry {
  rowIndex: number;
  name: string | null;
}

export interface PlacedTable {
  table: ParsedTable;
  place: SheetPlace & { name: string };
}

function cellText(sheet: SheetGrid, r: number, c: number | undefined): string | null {
  if (c === undefined) return null;
  const v = sheet.rows[r]?.[c];
  if (v === null || v === undefined || (typeof v === 'object' && !(v instanceof Date))) return null;
  const t = trimText(plainText(v));
  return t === '' ? null : t;
}

export interface Roster {
  byId: Map<string, RosterEntry>;
  /**
   * The first 15 digits of roster IDs that Excel stored as numbers. A training whose (valid) ID
   * starts with them belongs to that teacher: the roster row already has id_number.scientific,
   * and flagging each of the teacher's trainings as unknown would only bury that one fix.
   */
  damaged: Set<string>;
}

/** The first 15 significant digits of a number cell, as Excel kept them. */
function keptDigits(n: number): string | null {
  if (!Number.isFinite(n) || n < 1e16) return null;
  return n
    .toPrecision(15)
    .replace(/e\+\d+$/, '')
    .replace('.', '');
}

/** The roster by ID (first row wins); later rows with the same ID get duplicate.teacher. */
export function buildRoster(t: PlacedTable, collector: Collector): Roster {
  const roster: Roster = { byId: new Map(), damaged: new Set() };
  const idCol = t.table.plan.get('idNumber');
  if (!idCol) return roster;
  const parsed = t.table.rows;
  for (let i = 0; i < parsed.length; i++) {
    const row = parsed[i]!;
    const id = row.values.idNumber;
    if (typeof id !== 'string') {
      const raw = t.table.sheet.rows[row.index]?.[idCol.index];
      const digits = typeof raw === 'number' ? keptDigits(raw) : null;
      if (digits !== null) roster.damaged.add(digits);
      continue;
    }
    const first = roster.byId.get(id);
    if (first) {
      collector.add(
        'duplicate.teacher',
        t.place,
        row.index,
        idCol.index,
        'idNumber',
        reportValue(t.table.sheet.rows[row.index]?.[idCol.index]),
        { other: String(first.rowIndex + 1) },
      );
      row.bad = true;
      continue;
    }
    const name =
      typeof row.values.name === 'string'
        ? row.values.name
        : cellText(t.table.sheet, row.index, t.table.plan.get('name')?.index);
    roster.byId.set(id, { rowIndex: row.index, name });
  }
  return roster;
}

/**
 * reference.unknown_teacher on the ID cell and reference.name_mismatch on the name cell. When the
 * roster could not be read (no 教师名册, or no ID column) nothing is checked: every row would be
 * "unknown", and the roster's own findings already say what to fix.
 */
export function checkReferences(t: PlacedTable, roster: Roster | null, collector: Collector): void {
  if (roster === null) return;
  const idCol = t.table.plan.get('idNumber');
  const nameCol = t.table.plan.get('name');
  if (!idCol) return;
  const rows = t.table.sheet.rows;
  const parsed = t.table.rows;
  for (let i = 0; i < parsed.length; i++) {
    const row = parsed[i]!;
    const id = row.values.idNumber;
    if (typeof id !== 'string') continue;
    const entry = roster.byId.get(id);
    if (!entry) {
      if (roster.damaged.has(id.slice(0, 15))) continue;
      collector.add(
        'reference.unknown_teacher',
        t.place,
        row.index,
        idCol.index,
        'idNumber',
        reportValue(rows[row.index]?.[idCol.index]),
        {},
      );
      row.bad = true;
      continue;
    }
    const name = row.values.name;
    // Equal names (nearly every row) need no key: the spaces-free form is only for names that differ.
    if (
      nameCol &&
      typeof name === 'string' &&
      entry.name !== null &&
      name !== entry.name &&
      nameKey(name) !== nameKey(entry.name)
    ) {
      collector.add(
        'reference.name_mismatch',
        t.place,
        row.index,
        nameCol.index,
        'name',
        reportValue(rows[row.index]?.[nameCol.index]),
        { value: name, other: entry.name },
      );
      row.bad = true;
    }
  }
}

/** A teacher's earlier rows are compared one by one up to this many, then found through a Map. */
const SCAN_LIMIT = 16;

// Normalized text holds no C0 control character (normalize/text.ts removes them), so U+0001 cannot
// occur inside a part and a joined key is unambiguous.
const SEP = '\u0001';

interface TeacherRows {
  /** The teacher's first rows of each key, while there are fewer than SCAN_LIMIT. */
  rows: ParsedRow[];
  /** Key (the parts joined) → first row, once the teacher has SCAN_LIMIT distinct rows. */
  byKey: Map<string, ParsedRow> | null;
}

/**
 * The values two rows must share to be repeats, as functions written out for each sheet: a named
 * property read is one inline load, where `v[parts[i]]` looked every key up anew (a third of the
 * validation of an ordinary ledger).
 */
interface RepeatKey {
  /** Every part is a valid value (a row with an error in one takes no part). */
  complete(v: RowValues): boolean;
  same(a: RowValues, b: RowValues): boolean;
  /** The parts joined by SEP. */
  key(v: RowValues): string;
}

/**
 * Calls `onRepeat(row, first)` for each row whose ID and parts equal an earlier row's. Linear: a
 * teacher's row is compared with at most SCAN_LIMIT earlier ones, then looked up in a Map of that
 * teacher's keys, so 100,000 rows of one ID (an ID filled down the whole column) cost what 100,000
 * teachers' rows cost; comparing each row with all of its teacher's earlier rows made that ledger
 * quadratic (issue 10). Scanning the first few instead of keying every row keeps the ordinary
 * ledger (a dozen rows a teacher) fast: no composite string is built for it.
 */
function repeatsPerTeacher(
  rows: readonly ParsedRow[],
  parts: RepeatKey,
  onRepeat: (row: ParsedRow, first: ParsedRow) => void,
): void {
  const byId = new Map<string, TeacherRows>();
  // A teacher's rows mostly follow one another: the row above's entry spares the lookup.
  let lastId: string | null = null;
  let last: TeacherRows | undefined;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const v = row.values;
    const id = v.idNumber;
    if (typeof id !== 'string' || !parts.complete(v)) continue;
    const mine = id === lastId ? last : byId.get(id);
    if (!mine) {
      last = { rows: [row], byKey: null };
      lastId = id;
      byId.set(id, last);
      continue;
    }
    lastId = id;
    last = mine;
    if (mine.byKey !== null) {
      const key = parts.key(v);
      const first = mine.byKey.get(key);
      if (first) onRepeat(row, first);
      else mine.byKey.set(key, row);
      continue;
    }
    let first: ParsedRow | undefined;
    for (let i = 0; i < mine.rows.length; i++) {
      if (parts.same(mine.rows[i]!.values, v)) {
        first = mine.rows[i];
        break;
      }
    }
    if (first) {
      onRepeat(row, first);
      continue;
    }
    mine.rows.push(row);
    if (mine.rows.length === SCAN_LIMIT) mine.byKey = new Map(mine.rows.map((e) => [parts.key(e.values), e]));
  }
}

/** Trainings repeat when course, start and end are the same. */
const TRAINING_PARTS: RepeatKey = {
  complete: (v) => typeof v.course === 'string' && typeof v.startDate === 'string' && typeof v.endDate === 'string',
  same: (a, b) => a.course === b.course && a.startDate === b.startDate && a.endDate === b.endDate,
  key: (v) => `${v.course as string}${SEP}${v.startDate as string}${SEP}${v.endDate as string}`,
};

/** Duty rows repeat when the term is the same. */
const DUTY_PARTS: RepeatKey = {
  complete: (v) => typeof v.semester === 'string',
  same: (a, b) => a.semester === b.semester,
  key: (v) => v.semester as string,
};

/** duplicate.training (warning) on the later copies' ID cell; those copies make no record. */
export function checkRepeatedTrainings(t: PlacedTable, collector: Collector): void {
  const idCol = t.table.plan.get('idNumber');
  if (!idCol) return;
  repeatsPerTeacher(t.table.rows, TRAINING_PARTS, (row, first) => {
    collector.add(
      'duplicate.training',
      t.place,
      row.index,
      idCol.index,
      'idNumber',
      reportValue(t.table.sheet.rows[row.index]?.[idCol.index]),
      { other: String(first.index + 1) },
    );
    row.repeat = true;
  });
}

/** duplicate.duty (error) on the later rows of the same teacher and term. */
export function checkRepeatedDuties(t: PlacedTable, collector: Collector): void {
  const idCol = t.table.plan.get('idNumber');
  if (!idCol) return;
  repeatsPerTeacher(t.table.rows, DUTY_PARTS, (row, first) => {
    collector.add(
      'duplicate.duty',
      t.place,
      row.index,
      idCol.index,
      'idNumber',
      reportValue(t.table.sheet.rows[row.index]?.[idCol.index]),
      {
        value: String(row.values.semester),
        other: String(first.index + 1),
      },
    );
    row.bad = true;
  });
}
