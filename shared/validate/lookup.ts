/**
 * Name and header lookups, compiled once per module load: normalized sheet name or alias → sheet
 * key, and per sheet normalized header or alias → column key.
 */
import { type ColumnDef, SHEET_LIST, SHEETS, type SheetDef, type SheetKey } from '../contract/sheets.js';
import { normalizeHeader, withoutTrailingUnit } from '../normalize/header.js';

export interface HeaderLookup {
  /** Exact normalized header or alias → column key. */
  exact: Map<string, string>;
  /** Header or alias without its trailing parenthesis ("年度公用经费预算") → key, when unambiguous. */
  bare: Map<string, string>;
  byKey: Map<string, ColumnDef>;
  /** Keys of the columns whose requirement is 'yes': they decide which row is the header row. */
  requiredKeys: readonly string[];
}

function buildHeaderLookup(def: SheetDef<string>): HeaderLookup {
  const exact = new Map<string, string>();
  const bareCandidates = new Map<string, Set<string>>();
  for (const col of def.columns) {
    for (const text of [col.header, ...col.aliases]) {
      const n = normalizeHeader(text);
      if (!exact.has(n)) exact.set(n, col.key);
      const b = withoutTrailingUnit(n);
      if (b !== null) {
        const set = bareCandidates.get(b) ?? new Set<string>();
        set.add(col.key);
        bareCandidates.set(b, set);
      }
    }
  }
  // "示范课节数（本校）" and "示范课节数（被指导校）" share a bare form: such a form matches neither.
  const bare = new Map<string, string>();
  for (const [b, keys] of bareCandidates) if (keys.size === 1 && !exact.has(b)) bare.set(b, [...keys][0]!);
  return {
    exact,
    bare,
    byKey: new Map(def.columns.map((c) => [c.key, c])),
    requiredKeys: def.columns.filter((c) => c.required === 'yes').map((c) => c.key),
  };
}

export const HEADER_LOOKUPS: ReadonlyMap<SheetKey, HeaderLookup> = new Map(
  SHEET_LIST.map((d) => [d.key, buildHeaderLookup(d)]),
);

const otherLookups = new WeakMap<SheetDef<string>, HeaderLookup>();

/** The lookup of any sheet definition: the ledger's are prebuilt, others (the catalogue's) built once. */
export function headerLookupOf(def: SheetDef<string>): HeaderLookup {
  const ledger = HEADER_LOOKUPS.get(def.key as SheetKey);
  if (ledger && (SHEETS as Record<string, SheetDef<string>>)[def.key] === def) return ledger;
  let lookup = otherLookups.get(def);
  if (!lookup) {
    lookup = buildHeaderLookup(def);
    otherLookups.set(def, lookup);
  }
  return lookup;
}

/** The column key a header cell's text stands for, or undefined. */
export function matchHeader(text: string, lookup: HeaderLookup): string | undefined {
  const n = normalizeHeader(text);
  const k = lookup.exact.get(n);
  if (k !== undefined) return k;
  const b = withoutTrailingUnit(n);
  if (b === null) return undefined;
  return lookup.exact.get(b) ?? lookup.bare.get(b);
}

const SHEET_NAMES = new Map<string, SheetKey>();
for (const d of SHEET_LIST) {
  for (const n of [d.name, ...d.aliases]) SHEET_NAMES.set(normalizeHeader(n), d.key);
}

export function matchSheetName(name: string): SheetKey | undefined {
  return SHEET_NAMES.get(normalizeHeader(name));
}
