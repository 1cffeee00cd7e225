/**
 * Renders docs/CONTRACT.md from the workbook contract itself (shared/contract: the sheets, their
 * columns, aliases and types, the enumerations, the finding codes with their messages; the titles
 * from shared/labels), so the document cannot drift from the code the validator runs.
 */
import { FINDING_CODES, FIX_CODES, type FindingCode, SHEET_EMPTY_SEVERITY } from '../shared/contract/codes.js';
import type { EnumDef } from '../shared/contract/enums.js';
import * as ENUMS from '../shared/contract/enums.js';
import { findingMessage, type MessageDetails } from '../shared/contract/messages.js';
import {
  type ColumnDef,
  type ColumnType,
  type Requirement,
  SHEET_LIST,
  SHEETS,
  type SheetDef,
} from '../shared/contract/sheets.js';
import { FINDING_TITLES, FIX_TITLES } from '../shared/labels/index.js';

/**
 * The values of `MessageDetails.reason` that change a message, with what each case is. A test
 * checks that every reason messages.ts branches on is listed here, so no case goes undocumented.
 */
export const MESSAGE_REASONS: Readonly<Record<string, string>> = {
  conditional: 'a conditional requirement',
  'no-header-row': 'no header row found',
  'not-a-name': 'a name (姓名)',
  semester: 'a term (学期)',
  impossible: 'a date that does not exist',
  time: 'an impossible time of day',
  'year-like': 'a year-month Excel stored as a number',
  'shape-ym': 'a column where a year-month is enough',
  unit: 'a unit that changes the amount',
  warning: 'as a warning (培训记录)',
  catalogue: 'a catalogue workbook (培训项目目录)',
  'catalogue-year': "a catalogue entry outside the catalogue's year",
};

/**
 * What a message shows in the table: the finding's own values as {placeholders}; the few that
 * must be numbers are examples (the year 2026, the bounds of 学时, a three-day training).
 */
const PLACEHOLDERS: MessageDetails = {
  sheet: '{sheet}',
  header: '{header}',
  value: '{value}',
  other: '{other}',
  expected: '{expected}',
  allowed: ['{allowed}'],
  whenHeader: '{whenHeader}',
  whenValues: ['{whenValues}'],
  year: 2026,
  bounds: { min: 0, minExclusive: true, max: 300, step: 0.5 },
  period: { start: '{start}', end: '{end}', days: 3 },
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
const code = (s: string) => `\`${s}\``;
const list = (xs: readonly string[]) => (xs.length === 0 ? '' : xs.join(', '));

/** The export name of every enumeration in enums.ts, by its definition. */
function enumNames(): Map<EnumDef, string> {
  const names = new Map<EnumDef, string>();
  for (const [name, value] of Object.entries(ENUMS)) {
    if (typeof value === 'object' && value !== null && 'values' in value && 'aliases' in value)
      names.set(value as EnumDef, name);
  }
  return names;
}

function enumAnchor(name: string): string {
  return `enum-${name.toLowerCase().replace(/_/g, '-')}`;
}

function typeText(t: ColumnType, names: Map<EnumDef, string>): string {
  const units = (u: readonly string[]) => (u.length > 0 ? `; may carry ${u.join(', ')}` : '');
  switch (t.kind) {
    case 'personName':
      return 'a name: 2–20 Chinese characters (a middle dot · allowed) or Latin letters and spaces';
    case 'text': {
      if (t.minLength === undefined && t.maxLength === undefined) return 'text';
      return `text, ${t.minLength ?? 0}–${t.maxLength ?? '∞'} characters`;
    }
    case 'idNumber':
      return 'resident ID number (GB 11643-1999), as text';
    case 'date':
      return 'date';
    case 'yearMonth':
      return 'date (a year-month is enough)';
    case 'number':
      return `number ${t.minExclusive ? '>' : '≥'} ${t.min} and ≤ ${t.max.toLocaleString('en')}${t.step !== undefined ? `, a multiple of ${t.step}` : ''}${units(t.units)}`;
    case 'integer':
      return `whole number ${t.min}–${t.max.toLocaleString('en')}${units(t.units)}`;
    case 'enum': {
      if (t.boolean) return `yes/no: ${t.def.values.join(' / ')}`;
      const name = names.get(t.def);
      const values = t.def.values.length <= 8 ? `: ${t.def.values.join(', ')}` : '';
      return name ? `[one of ${name}](#${enumAnchor(name)})${values}` : `one of ${t.def.values.join(', ')}`;
    }
    case 'phone':
      return '11-digit mainland mobile number (1[3-9] and 9 digits)';
    case 'semester':
      return 'term: "YYYY-YYYY-1" (autumn) or "YYYY-YYYY-2" (spring)';
  }
}

function requiredText(r: Requirement, sheet: SheetDef): string {
  if (r === 'yes' || r === 'no') return r;
  const when = sheet.columns.find((c) => c.key === r.when)?.header ?? r.when;
  return 'in' in r ? `when ${when} is ${r.in.join(' or ')}` : `when ${when} is not ${r.notIn.join(' or ')}`;
}

function columnRow(c: ColumnDef, sheet: SheetDef, names: Map<EnumDef, string>): string {
  const required = requiredText(c.required, sheet) + (c.emptyMeans !== undefined ? ` (empty = ${c.emptyMeans})` : '');
  return `| ${c.key} | ${c.header} | ${cell(list(c.aliases))} | ${cell(typeText(c.type, names))} | ${required} |`;
}

function severityText(c: FindingCode): string {
  if (c === 'sheet.empty') {
    return Object.entries(SHEET_EMPTY_SEVERITY)
      .map(([key, severity]) => `${severity} (${SHEETS[key as keyof typeof SHEETS].name})`)
      .join(' / ');
  }
  return FINDING_CODES[c];
}

/** A code's messages: the default and every case (reason, suggestion) whose text differs from it. */
function messageCases(c: FindingCode): { label: string; zh: string; en: string }[] {
  const render = (d: MessageDetails) => ({ zh: findingMessage(c, d, 'zh'), en: findingMessage(c, d, 'en') });
  const cases = [{ label: '', ...render(PLACEHOLDERS) }];
  const variants: { label: string; details: MessageDetails }[] = [
    ...Object.entries(MESSAGE_REASONS).map(([reason, label]) => ({ label, details: { ...PLACEHOLDERS, reason } })),
    { label: 'with a suggestion', details: { ...PLACEHOLDERS, suggestion: '{suggestion}' } },
  ];
  for (const v of variants) {
    const r = render(v.details);
    if (!cases.some((k) => k.zh === r.zh && k.en === r.en)) cases.push({ label: v.label, ...r });
  }
  return cases;
}

export function renderContractDoc(): string {
  const names = enumNames();
  const out: string[] = [
    '# The workbook contract: sheets, columns, values and findings',
    '',
    '<!-- Generated by `npm run docs:contract` from shared/contract and shared/labels; do not edit by hand. -->',
    '',
    'What a school’s ledger workbook (师训台账) holds, as the validator (shared/validate) reads it in the',
    'pane, the standalone page, the command-line tool and the worker alike. Sheets and columns are found',
    'by their name or an alias; their order does not matter. The compliance rules that read these',
    'records are in [POLICY.md](POLICY.md).',
    '',
    '## Sheets',
    '',
    '| key | sheet | aliases | required |',
    '|---|---|---|---|',
    ...SHEET_LIST.map((s) => `| ${s.key} | ${s.name} | ${cell(list(s.aliases))} | ${s.required ? 'yes' : 'no'} |`),
    '',
  ];
  for (const s of SHEET_LIST) {
    out.push(`## ${s.name} (${s.key})`, '');
    if (s.keyValue)
      out.push(
        'A two-column sheet of fields and values (column A the field, column B the value), or a one-row table with the fields as headers.',
        '',
      );
    out.push(
      '| key | header | aliases | type | required |',
      '|---|---|---|---|---|',
      ...s.columns.map((c) => columnRow(c, s, names)),
      '',
    );
  }

  out.push(
    '## Enumerations',
    '',
    'Each value may also be written as one of its aliases; the alias is rewritten to the value (`fix.normalize`).',
    '',
  );
  const used = new Map<EnumDef, ColumnDef[]>();
  for (const s of SHEET_LIST) {
    for (const c of s.columns) if (c.type.kind === 'enum') used.set(c.type.def, [...(used.get(c.type.def) ?? []), c]);
  }
  // In the order the sheets first use them (a module namespace's own order differs between hosts).
  for (const [def, columns] of used) {
    const name = names.get(def);
    if (name === undefined)
      throw new Error(`a column's enumeration is not exported from enums.ts: ${def.values.join(', ')}`);
    const headers = [...new Set(columns.map((c) => c.header))].join(', ');
    out.push(
      `<a id="${enumAnchor(name)}"></a>`,
      `### ${name} (${headers})`,
      '',
      `Values: ${def.values.join(', ')}.`,
      '',
    );
    const aliases = Object.entries(def.aliases);
    if (aliases.length > 0)
      out.push('| alias | value |', '|---|---|', ...aliases.map(([a, v]) => `| ${cell(a)} | ${v} |`), '');
  }

  out.push(
    '## Finding codes',
    '',
    'Every finding names its sheet, its cell (none for sheet- and column-level findings), one of these',
    'codes and a message that tells the clerk what to do, in Chinese (English on request). In the',
    'messages below, {braces} stand for the finding’s own values; the few numbers are examples (the',
    'year 2026, the bounds of 学时, a three-day training). A code whose message depends on the case',
    'has one row per case.',
    '',
    '| code | severity | title | case | message (中文) | message (English) |',
    '|---|---|---|---|---|---|',
  );
  for (const c of Object.keys(FINDING_CODES) as FindingCode[]) {
    const title = FINDING_TITLES[c];
    messageCases(c).forEach((m, i) => {
      const head = i === 0 ? `| ${code(c)} | ${severityText(c)} | ${title.zh}<br>${title.en} |` : '| | | |';
      out.push(`${head} ${m.label} | ${cell(m.zh)} | ${cell(m.en)} |`);
    });
  }
  out.push(
    '',
    '## Fixes',
    '',
    'A fix rewrites a cell’s value without changing its meaning; it is never silent (each is listed with its cell, the old and the new value).',
    '',
    '| code | title |',
    '|---|---|',
    ...FIX_CODES.map((f) => `| ${code(f)} | ${FIX_TITLES[f].zh}<br>${FIX_TITLES[f].en} |`),
    '',
  );
  return out.join('\n');
}
