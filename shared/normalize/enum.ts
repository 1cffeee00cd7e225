import type { EnumDef } from '../contract/enums.js';
import { GENDERS, TITLES, YES_NO } from '../contract/enums.js';
import { fail, type Normalized, ok, type RawValue, withFix } from './result.js';
import { prepareText } from './text.js';

interface EnumLookup {
  values: Set<string>;
  aliases: Map<string, string>;
  /** Lower-cased, spaces removed, from every value and alias: "高级 教师" and "y" still match. */
  loose: Map<string, string>;
}

const WS = /\s+/g;
const looseKey = (s: string): string => s.replace(WS, '').toLowerCase();

// Built once per EnumDef: the validator looks up hundreds of thousands of cells.
const lookups = new WeakMap<EnumDef, EnumLookup>();

function lookupOf(def: EnumDef): EnumLookup {
  let l = lookups.get(def);
  if (l) return l;
  const loose = new Map<string, string>();
  for (const v of def.values) loose.set(looseKey(v), v);
  for (const [a, v] of Object.entries(def.aliases)) if (!loose.has(looseKey(a))) loose.set(looseKey(a), v);
  l = { values: new Set(def.values), aliases: new Map(Object.entries(def.aliases)), loose };
  lookups.set(def, l);
  return l;
}

function match(text: string, l: EnumLookup): string | undefined {
  return l.aliases.get(text) ?? l.loose.get(looseKey(text));
}

/**
 * An enumerated cell: the exact value, or an alias (→ fix.normalize). Anything else is
 * enum.invalid, with a suggestion when exactly one allowed value is close (see suggestEnumValue).
 */
export function normalizeEnum(raw: RawValue, def: EnumDef): Normalized<string> {
  if (raw === null) return fail('required');
  if (typeof raw === 'boolean') {
    if (def === YES_NO) return ok(raw ? '是' : '否', ['fix.normalize']);
    return fail('enum.invalid');
  }
  if (raw instanceof Date) return fail('enum.invalid');
  const l = lookupOf(def);
  if (typeof raw === 'number') {
    const t = String(raw);
    if (l.values.has(t)) return ok(t);
    const v = match(t, l);
    return v === undefined ? fail('enum.invalid', undefined, suggestEnumValue(t, def)) : ok(v, ['fix.normalize']);
  }
  if (l.values.has(raw)) return ok(raw);
  const p = prepareText(raw);
  if (l.values.has(p.text)) return ok(p.text, p.fixes);
  const v = match(p.text, l);
  if (v !== undefined) return ok(v, withFix(p.fixes, 'fix.normalize'));
  return fail('enum.invalid', undefined, suggestEnumValue(p.text, def));
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length,
    lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The one allowed value the clerk most likely meant: the only value (or alias target) within one
 * edit, else the only allowed value the text contains. Ambiguous cases suggest nothing.
 */
export function suggestEnumValue(text: string, def: EnumDef): string | undefined {
  if (text === '') return undefined;
  const near = new Set<string>();
  for (const v of def.values) if (withinOneEdit(text, v)) near.add(v);
  for (const [a, v] of Object.entries(def.aliases)) if (withinOneEdit(text, a)) near.add(v);
  if (near.size === 1) return [...near][0];
  if (near.size > 1) return undefined;
  const contained = def.values.filter((v) => text.includes(v));
  return contained.length === 1 ? contained[0] : undefined;
}

// "中学高级教师", "小学一级教师", "中小学一级教师": the names as written on certificates; "高级" is
// the short form of the ladder's name.
const TITLE_PREFIX = /^中小学/;
const TITLE_SUFFIX = /(?:教师|职称)$/;

/**
 * 职称: the 2015 ladder, with legacy and generic names normalized (template.md's table). The
 * affixes are tried off before the alias lookup, so "小学高级教师" becomes 一级教师 (the legacy
 * 小学高级), not 高级教师, which a plain "contains" suggestion would wrongly offer.
 */
export function normalizeTitle(raw: RawValue): Normalized<string> {
  const r = normalizeEnum(raw, TITLES);
  if (r.ok || typeof raw !== 'string') return r;
  const p = prepareText(raw);
  const noPrefix = p.text.replace(TITLE_PREFIX, '');
  const bases = [p.text, noPrefix, p.text.replace(TITLE_SUFFIX, ''), noPrefix.replace(TITLE_SUFFIX, '')];
  for (const bare of bases.flatMap((b) => [b, `${b}教师`])) {
    if (bare === p.text || bare === '' || bare === '教师') continue;
    const again = normalizeEnum(bare, TITLES);
    if (again.ok) return ok(again.value, withFix(p.fixes, 'fix.normalize'));
  }
  return r;
}

/** 是/否 with Y/N, √/×, 1/0 and TRUE/FALSE cells. */
export function normalizeYesNo(raw: RawValue): Normalized<string> {
  return normalizeEnum(raw, YES_NO);
}

/** 男/女 with 男性/女性 and M/F. */
export function normalizeGender(raw: RawValue): Normalized<string> {
  return normalizeEnum(raw, GENDERS);
}
