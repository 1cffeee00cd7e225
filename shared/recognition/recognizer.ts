/**
 * Matching records to the catalogue (archive.md §2). The catalogue is indexed once (CatalogueIndex)
 * — by code, by folded course, and by the character pairs of folded courses for close names — so a
 * record never costs a scan of the catalogue, and a district of 360,000 records matches in linear
 * time. What a record's code, course, level and dates match is the same for every teacher of the
 * training: it is matched once, on the index, and every evaluation sharing the index reuses it; per
 * record only one map lookup, the attendee list and the hours are looked at, and nothing is allocated.
 * test/shared/recognition-reference.test.ts holds all of it to the straightforward definition.
 */
import { PatternTable } from './distance.js';
import { foldCode, foldCourse } from './fold.js';
import {
  type CatalogueEntry,
  type GroupDecision,
  isRecognizedLevel,
  type Recognition,
  type RecognitionBasis,
  type RecognitionStatus,
  type RecognizableRecord,
} from './types.js';

/**
 * A catalogue to match against: its entries and the reviewer's decisions, or their index built once
 * (CatalogueIndex) and shared by several Recognizers; with the attendee lists of this evaluation.
 */
export type CatalogueInput = (
  | {
      entries: readonly CatalogueEntry[];
      /** Queue group (groupKey) → the reviewer's decision. */
      decisions?: ReadonlyMap<string, GroupDecision>;
    }
  | { index: CatalogueIndex }
) & {
  /** Entry code → keys of the teachers on its attendee list; an entry absent here has no list. */
  attendees?: ReadonlyMap<string, ReadonlySet<string>>;
};

/** The queue group of a record: its folded course, level and dates. */
export function groupKey(foldedCourse: string, level: string, startDate: string, endDate: string): string {
  return `${foldedCourse}|${level}|${startDate}|${endDate}`;
}

/** The most characters of a folded course that may differ for it to be close: a fifth, rounded down. */
export function closeDistance(foldedCourse: string): number {
  return Math.floor(foldedCourse.length / 5);
}

interface Indexed {
  /** Position in the catalogue sorted by start date (stable): the last tie-break, and the column index. */
  id: number;
  entry: CatalogueEntry;
  folded: string;
  hours: number;
}

/**
 * What the shared part of a record (code, course, level, dates) matches, before the teacher and the
 * hours are known. Outcomes of one course text (or code) form a chain — a training has one level
 * and one or two date spans, so the chain is short — and no key is built per record.
 */
interface Outcome {
  /** What it was matched for, as typed: code (null without one), course, level, dates. */
  code: string | null;
  course: string;
  level: string;
  startDate: string;
  endDate: string;
  next: Outcome | undefined;
  matched: Indexed | null;
  /** The entry a link decision names, when the catalogue still holds it. */
  linked: Indexed | null;
  /** Its group was rejected: the reviewer's reason. */
  rejection: string | null;
  likely: string | null;
  basis: RecognitionBasis;
  group: string;
  /** The answers made so far, by slot (see `recognize`). */
  results: (Recognition | undefined)[];
}

/** A slot's status: matched (within hours, over them), linked (within, over), not on the list, unmatched. */
const SLOT_STATUS: readonly RecognitionStatus[] = [
  'recognized',
  'hours_exceed',
  'recognized',
  'hours_exceed',
  'not_on_list',
  'unmatched',
];

/**
 * A character pair's entries: those of at most SHORT_DAYS, by start day, so that a record's dates
 * pick out the ones that can overlap it by two binary searches; longer ones (a term-long online
 * course) are few and always looked at. Entry ids and days in typed arrays: a scan reads no object.
 */
interface PairList {
  size: number;
  short: Int32Array;
  starts: Int32Array;
  long: Int32Array;
}

/** A close-name query: the record's side, and the best candidate so far (best: its id, or −1). */
interface CloseQuery {
  folded: string;
  level: string;
  sd: number;
  ed: number;
  k: number;
  buckets: number;
  prepared: boolean;
  stamp: number;
  best: number;
  bestDistance: number;
  bestLevel: number;
  bestGap: number;
}

const SHORT_DAYS = 31;
const EMPTY: PairList = { size: 0, short: new Int32Array(0), starts: new Int32Array(0), long: new Int32Array(0) };
const within = (e: CatalogueEntry, start: string, end: string) => e.startDate <= start && end <= e.endDate;
/**
 * Days since 1970-01-01 of an ISO date, as Date.parse(iso) / 86,400,000 but without parsing a date
 * (the reader and the catalogue import only pass valid ones); the civil-from-days inverse, after
 * H. Hinnant's chrono algorithms.
 */
function dayOf(iso: string): number {
  const digit = (i: number) => iso.charCodeAt(i) - 48;
  let y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/**
 * A catalogue's entries indexed once — by code, by folded course, and by the character pairs of
 * folded courses — with the columns the close-name scan reads, and the reviewer's decisions. What
 * a record's code, course, level and dates match does not depend on the teacher, so it is memoized
 * here; only the attendee lists are an evaluation's own. The Recognizers of one catalogue (one per
 * evaluation, each with its teachers' lists) share it: a training is matched once for a district.
 */
export class CatalogueIndex {
  /** The entries and decisions it was built from, as given. */
  readonly entries: readonly CatalogueEntry[];
  readonly decisions: ReadonlyMap<string, GroupDecision>;
  readonly byCode = new Map<string, Indexed>();
  readonly byCourse = new Map<string, Indexed[]>();
  /** Character pair (two UTF-16 units in one number) → entries whose folded course holds it, each once. */
  readonly pairs = new Map<number, PairList>();
  /** The entries sorted by start date (stable), as indexed. */
  readonly all: Indexed[] = [];
  /** Columns by entry id, for the close-name scan. */
  readonly startDay: Int32Array;
  readonly endDay: Int32Array;
  readonly length: Int32Array;
  /** The buckets (code mod 32) of the characters of each folded course: a cheap bound on distance. */
  readonly chars: Int32Array;
  /** The mask table of the distances: used only within one synchronous close-name match at a time. */
  private readonly patterns = new PatternTable();
  /** The close-name query under way (one at a time: matching is synchronous), reused: nothing per query. */
  private readonly query: CloseQuery = {
    folded: '',
    level: '',
    sd: 0,
    ed: 0,
    k: 0,
    buckets: 0,
    prepared: false,
    stamp: 0,
    best: -1,
    bestDistance: 0,
    bestLevel: 0,
    bestGap: 0,
  };
  private readonly rarest: PairList[] = [];
  /** Marks the entries already looked at for the current record (no Set per lookup). */
  private readonly seen: Uint32Array;
  private stamp = 0;
  /** Memos of pure functions of these entries, shared by every Recognizer on the index (bounded). */
  private readonly foldedCourses = new Map<string, string>();
  private readonly foldedCodes = new Map<string, string>();
  private readonly likelies = new Map<string, Indexed | null>();
  /** Course text as typed → the outcomes of records without a code; code as typed → those with it. */
  private readonly outcomes = new Map<string, Outcome>();
  private readonly byRecordCode = new Map<string, Outcome>();

  constructor(entries: readonly CatalogueEntry[], decisions: ReadonlyMap<string, GroupDecision> = new Map()) {
    this.entries = entries;
    this.decisions = decisions;
    const sorted = [...entries].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
    const n = sorted.length;
    this.startDay = new Int32Array(n);
    this.endDay = new Int32Array(n);
    this.length = new Int32Array(n);
    this.chars = new Int32Array(n);
    this.seen = new Uint32Array(n);
    const building = new Map<number, { short: number[]; starts: number[]; long: number[] }>();
    for (const entry of sorted) {
      const folded = foldCourse(entry.course);
      const id = this.all.length;
      const indexed: Indexed = { id, entry, folded, hours: entry.hours };
      this.all.push(indexed);
      this.startDay[id] = dayOf(entry.startDate);
      this.endDay[id] = dayOf(entry.endDate);
      this.length[id] = folded.length;
      this.chars[id] = charBuckets(folded);
      this.byCode.set(foldCode(entry.code), indexed);
      if (folded === '') continue;
      const same = this.byCourse.get(folded);
      if (same) same.push(indexed);
      else this.byCourse.set(folded, [indexed]);
      const short = this.endDay[id]! - this.startDay[id]! <= SHORT_DAYS;
      for (let i = 0; i + 1 < folded.length; i++) {
        const pair = pairAt(folded, i);
        let list = building.get(pair);
        if (!list) building.set(pair, (list = { short: [], starts: [], long: [] }));
        // Entries come in id order: a pair twice in one course shows as the same last id.
        const ids = short ? list.short : list.long;
        if (ids[ids.length - 1] === id) continue;
        ids.push(id);
        if (short) list.starts.push(this.startDay[id]!);
      }
    }
    for (const [pair, l] of building)
      this.pairs.set(pair, {
        size: l.short.length + l.long.length,
        short: Int32Array.from(l.short),
        starts: Int32Array.from(l.starts),
        long: Int32Array.from(l.long),
      });
  }

  /** foldCourse, memoized: the same course texts recur in many records and evaluations. */
  foldedCourse(course: string): string {
    let folded = this.foldedCourses.get(course);
    if (folded === undefined) remember(this.foldedCourses, course, (folded = foldCourse(course)));
    return folded;
  }

  /** foldCode, memoized. */
  foldedCode(code: string): string {
    let folded = this.foldedCodes.get(code);
    if (folded === undefined) remember(this.foldedCodes, code, (folded = foldCode(code)));
    return folded;
  }

  /**
   * The likely entry of a record that matches none (close): the same for every record of its queue
   * group (folded course, level, dates), so each group is looked up once, in every evaluation that
   * shares this index.
   */
  likely(group: string, folded: string, level: string, start: string, end: string): Indexed | null {
    let x = this.likelies.get(group);
    if (x === undefined) remember(this.likelies, group, (x = this.close(folded, level, start, end)));
    return x;
  }

  /** The first entry (by start date) of the folded course and level whose dates hold the record's. */
  exact(folded: string, level: string, start: string, end: string): Indexed | null {
    for (const x of this.byCourse.get(folded) ?? [])
      if (x.entry.level === level && within(x.entry, start, end)) return x;
    return null;
  }

  /**
   * The closest entry whose folded course differs in at most a fifth of the record's characters and
   * whose dates overlap; ties go to the same level, then to the nearest start date, then to the
   * earlier entry (start date, catalogue order). Entries of the same folded course come first: one of
   * them at distance 0 settles it. Other candidates come from the pair index: k edits destroy at most
   * 2k of the record's character pairs, so any entry within k edits holds at least one of any 2k + 1
   * of them — taking the 2k + 1 rarest keeps the candidate lists short however large the catalogue.
   */
  private close(folded: string, level: string, start: string, end: string): Indexed | null {
    if (folded === '') return null;
    const k = closeDistance(folded);
    const q = this.query;
    q.folded = folded;
    q.level = level;
    q.sd = dayOf(start);
    q.ed = dayOf(end);
    q.k = k;
    q.buckets = charBuckets(folded);
    q.prepared = false;
    q.best = -1;
    q.stamp = ++this.stamp;
    const { startDay, endDay, seen } = this;
    for (const x of this.byCourse.get(folded) ?? []) {
      seen[x.id] = q.stamp;
      if (endDay[x.id]! >= q.sd && startDay[x.id]! <= q.ed) this.consider(x.id, 0);
    }
    // Every other candidate differs from the record: none beats a distance of 0.
    if (q.best < 0 && k > 0) {
      // The 2k + 1 pairs with the fewest entries (kept in order by insertion).
      const want = 2 * k + 1;
      const lists = this.rarest;
      lists.length = 0;
      for (let i = 0; i + 1 < folded.length; i++) {
        const list = this.pairs.get(pairAt(folded, i)) ?? EMPTY;
        if (lists.length === want && list.size >= lists[want - 1]!.size) continue;
        let at = lists.length === want ? want - 1 : lists.length;
        while (at > 0 && lists[at - 1]!.size > list.size) {
          lists[at] = lists[at - 1]!;
          at--;
        }
        lists[at] = list;
      }
      // Only short entries that start from SHORT_DAYS before the record up to its end can overlap it.
      const from = q.sd - SHORT_DAYS;
      for (const { short, starts, long } of lists) {
        const hi = firstAfter(starts, q.ed);
        for (let j = firstAtLeast(starts, from); j < hi; j++) this.look(short[j]!);
        for (let j = 0; j < long.length; j++) this.look(long[j]!);
      }
    }
    return q.best >= 0 ? this.all[q.best]! : null;
  }

  /** A candidate of the current close-name query: compared unless already seen or ruled out cheaply. */
  private look(id: number): void {
    const q = this.query;
    if (this.seen[id] === q.stamp) return;
    this.seen[id] = q.stamp;
    const limit = q.best >= 0 ? q.bestDistance : q.k;
    const dl = this.length[id]! - q.folded.length;
    if (this.endDay[id]! < q.sd || this.startDay[id]! > q.ed || dl > limit || dl < -limit) return;
    // Each bucket one side has and the other lacks takes an edit of its own.
    const c = this.chars[id]!;
    if (bitCount(q.buckets & ~c) > limit || bitCount(c & ~q.buckets) > limit) return;
    if (!q.prepared) {
      this.patterns.prepare(q.folded);
      q.prepared = true;
    }
    const d = this.patterns.distance(this.all[id]!.folded, limit);
    if (d <= limit) this.consider(id, d);
  }

  /** Takes a candidate within the bound if it beats the best so far (distance, level, start gap, id). */
  private consider(id: number, d: number): void {
    const q = this.query;
    const lv = this.all[id]!.entry.level === q.level ? 0 : 1;
    const gap = Math.abs(this.startDay[id]! - q.sd);
    if (q.best >= 0) {
      if (d !== q.bestDistance) {
        if (d > q.bestDistance) return;
      } else if (lv !== q.bestLevel) {
        if (lv > q.bestLevel) return;
      } else if (gap > q.bestGap || (gap === q.bestGap && id > q.best)) return;
    }
    q.best = id;
    q.bestDistance = d;
    q.bestLevel = lv;
    q.bestGap = gap;
  }

  /** An outcome's answer for a slot (see Recognizer.recognize), made once. */
  answer(o: Outcome, slot: number): Recognition {
    const entry = slot === 2 || slot === 3 ? o.linked : slot === 5 ? null : o.matched;
    const basis = slot === 2 || slot === 3 ? 'linked' : slot >= 4 && o.rejection !== null ? 'rejected' : o.basis;
    const made: Recognition = {
      status: SLOT_STATUS[slot]!,
      basis,
      code: entry?.entry.code ?? null,
      likely: slot === 5 ? o.likely : null,
      catalogueHours: entry?.hours ?? null,
      reason: basis === 'rejected' ? o.rejection : null,
      group: o.group,
    };
    o.results[slot] = made;
    return made;
  }

  /** What a record's code, course, level and dates match, made once (bounded) for every Recognizer. */
  outcome(r: RecognizableRecord): Outcome {
    const code = r.catalogueCode || null;
    // Records with a code are chained by the code: the unknown codes one course is typed with
    // would otherwise lengthen the chain every record of that course walks.
    const memo = code === null ? this.outcomes : this.byRecordCode;
    const key = code ?? r.course;
    const head = memo.get(key);
    // The key settles the code, or the course of a record without one (then not compared again:
    // equal texts are often different strings, compared character by character); the chain the rest.
    let last: Outcome | undefined;
    for (let o = head; o !== undefined; o = o.next) {
      if (
        o.level === r.level &&
        o.startDate === r.startDate &&
        o.endDate === r.endDate &&
        (code === null || o.course === r.course)
      )
        return o;
      last = o;
    }
    const o = this.match(r, code);
    // Appended: the first spelling of a course met is most often its most common one.
    if (last === undefined) remember(memo, key, o);
    else last.next = o;
    return o;
  }

  private match(r: RecognizableRecord, code: string | null): Outcome {
    const { level, startDate, endDate } = r;
    const folded = this.foldedCourse(r.course);
    const group = groupKey(folded, level, startDate, endDate);
    const decision = this.decisions.size === 0 ? undefined : this.decisions.get(group);
    // A decision whose entry was since removed no longer applies: the records stay as matched.
    const linked = decision?.action === 'link' ? (this.byCode.get(this.foldedCode(decision.code)) ?? null) : null;
    let matched: Indexed | null = null;
    let likely: Indexed | null = null;
    let basis: RecognitionBasis = 'catalogue';
    if (code !== null) {
      matched = this.byCode.get(this.foldedCode(code)) ?? null;
      // A code the catalogue lacks is no match (archive.md matches on the course only without a
      // code), but the course still names the entry the clerk most likely meant.
      if (matched === null) {
        basis = 'code_unknown';
        likely = this.exact(folded, level, startDate, endDate) ?? this.likely(group, folded, level, startDate, endDate);
      }
    } else {
      matched = this.exact(folded, level, startDate, endDate);
      if (matched === null) likely = this.likely(group, folded, level, startDate, endDate);
    }
    return {
      code,
      course: r.course,
      level,
      startDate,
      endDate,
      next: undefined,
      matched,
      linked,
      rejection: decision?.action === 'reject' ? decision.reason : null,
      likely: likely?.entry.code ?? null,
      basis,
      group,
      // Six slots from the start: a packed array, never read past its end.
      results: [undefined, undefined, undefined, undefined, undefined, undefined],
    };
  }
}

export class Recognizer {
  private readonly index: CatalogueIndex;
  private readonly attendees: ReadonlyMap<string, ReadonlySet<string>> | undefined;
  /** The attendee list of each entry matched so far, by id (null: it has none). */
  private readonly lists: (ReadonlySet<string> | null | undefined)[] = [];

  constructor(input: CatalogueInput) {
    this.index = 'index' in input ? input.index : new CatalogueIndex(input.entries, input.decisions);
    this.attendees = input.attendees;
  }

  /**
   * The recognition of one record for one teacher (teacherKey is what the attendee lists hold: the
   * keyed hash on the server); null for a record below 区级, which is never recognised. Per record:
   * one map lookup by course, the list and the hours; the answer is one of six an outcome shares.
   */
  recognize(record: RecognizableRecord, teacherKey: string): Recognition | null {
    if (!isRecognizedLevel(record.level)) return null;
    const o = this.index.outcome(record);
    const m = o.matched;
    let list: ReadonlySet<string> | null | undefined = null;
    if (m !== null) {
      list = this.lists[m.id];
      if (list === undefined) this.lists[m.id] = list = this.attendees?.get(m.entry.code) ?? null;
    }
    let slot: number;
    if (m !== null && (list === null || list.has(teacherKey))) slot = record.hours > m.hours ? 1 : 0;
    // A decision settles only what the catalogue leaves unmatched or off its list.
    else if (o.linked !== null) slot = record.hours > o.linked.hours ? 3 : 2;
    else slot = m !== null ? 4 : 5;
    return o.results[slot] ?? this.index.answer(o, slot);
  }
}

/** The character pair at position i as one number (courses are BMP text; a surrogate half is a unit like any other). */
function pairAt(s: string, i: number): number {
  return s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);
}

/**
 * Memos past this size start again: an index kept across requests must not grow with every ledger
 * it ever saw (a district's year is some 50,000 groups).
 */
const MEMO_LIMIT = 200_000;

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

/** The set of a text's characters by code mod 32, as bits. */
function charBuckets(s: string): number {
  let bits = 0;
  for (let i = 0; i < s.length; i++) bits |= 1 << (s.charCodeAt(i) & 31);
  return bits;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Index of the first item ≥ value in a sorted array (its length when none). */
function firstAtLeast(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item > value in a sorted array. */
function firstAfter(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
