/**
 * Matching records to the catalogue (archive.md §2). The catalogue is indexed once — by code, by
 * folded course, and by the character pairs of folded courses for close names — so each record
 * costs a few map lookups, never a scan of the catalogue, and a district of 360,000 records matches
 * in linear time. Records that share course, level and dates (every teacher of one training) are
 * matched once; only the attendee list and the hours are looked at per record.
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

export interface CatalogueInput {
  entries: readonly CatalogueEntry[];
  /** Entry code → keys of the teachers on its attendee list; an entry absent here has no list. */
  attendees?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Queue group (groupKey) → the reviewer's decision. */
  decisions?: ReadonlyMap<string, GroupDecision>;
}

/** The queue group of a record: its folded course, level and dates. */
export function groupKey(foldedCourse: string, level: string, startDate: string, endDate: string): string {
  return `${foldedCourse}|${level}|${startDate}|${endDate}`;
}

/** The most characters of a folded course that may differ for it to be close: a fifth, rounded down. */
export function closeDistance(foldedCourse: string): number {
  return Math.floor(foldedCourse.length / 5);
}

interface Indexed {
  /** Position in the index, for the candidate marks. */
  id: number;
  /** The start date in ms, for the nearest-start tie-break. */
  startMs: number;
  entry: CatalogueEntry;
  folded: string;
  /** The teachers on its list, or null when the entry has none. */
  list: ReadonlySet<string> | null;
}

/** What the shared part of a record (code, course, level, dates) matches, before the teacher is known. */
interface Outcome {
  /** What it was matched for (the course is the memo's key). */
  level: string;
  startDate: string;
  endDate: string;
  matched: Indexed | null;
  likely: Indexed | null;
  basis: RecognitionBasis;
  group: string;
  decision: GroupDecision | null;
  /** The entry a link decision names, when the catalogue still holds it. */
  linked: Indexed | null;
  /** The answers made so far, by STATUS_SLOT × 4 + BASIS_SLOT. */
  results: (Recognition | undefined)[];
}

const STATUS_SLOT: Record<RecognitionStatus, number> = { recognized: 0, hours_exceed: 1, not_on_list: 2, unmatched: 3 };
const BASIS_SLOT: Record<RecognitionBasis, number> = { catalogue: 0, code_unknown: 1, linked: 2, rejected: 3 };

/**
 * A character pair's entries: those of at most SHORT_DAYS, by start date, so that a record's dates
 * pick out the ones that can overlap it by two binary searches; longer ones (a term-long online
 * course) are few and always looked at.
 */
interface PairList {
  short: Indexed[];
  starts: string[];
  long: Indexed[];
}

const SHORT_DAYS = 31;
const DAY_MS = 86_400_000;
const EMPTY: PairList = { short: [], starts: [], long: [] };
const within = (e: CatalogueEntry, start: string, end: string) => e.startDate <= start && end <= e.endDate;
const overlaps = (e: CatalogueEntry, start: string, end: string) => start <= e.endDate && e.startDate <= end;

export class Recognizer {
  private readonly byCode = new Map<string, Indexed>();
  private readonly byCourse = new Map<string, Indexed[]>();
  /** Character pair (two UTF-16 units in one number) → entries whose folded course holds it, each once. */
  private readonly pairs = new Map<number, PairList>();
  /** A record's start date → SHORT_DAYS earlier: dates recur on every teacher's rows. */
  private readonly windowStarts = new Map<string, string>();
  private readonly decisions: ReadonlyMap<string, GroupDecision>;
  /**
   * Outcomes by course, then level and dates (no key is built per record); for a record with a code,
   * by its folded code first.
   */
  private readonly outcomes: Memo = new Map();
  private readonly byRecordCode = new Map<string, Memo>();
  /** The same course and code texts recur on every teacher's rows: each is folded once. */
  private readonly foldedCourses = new Map<string, string>();
  private readonly foldedCodes = new Map<string, string>();
  /** Marks the entries already taken as candidates for the current record (no Set per lookup). */
  private readonly seen: Uint32Array;
  private stamp = 0;
  private readonly all: Indexed[] = [];
  private readonly patterns = new PatternTable();

  constructor(input: CatalogueInput) {
    this.decisions = input.decisions ?? new Map();
    const sorted = [...input.entries].sort((a, b) =>
      a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0,
    );
    for (const entry of sorted) {
      const folded = foldCourse(entry.course);
      const indexed: Indexed = {
        id: this.all.length,
        startMs: Date.parse(entry.startDate),
        entry,
        folded,
        list: input.attendees?.get(entry.code) ?? null,
      };
      this.all.push(indexed);
      this.byCode.set(foldCode(entry.code), indexed);
      if (folded === '') continue;
      const same = this.byCourse.get(folded);
      if (same) same.push(indexed);
      else this.byCourse.set(folded, [indexed]);
      const own = new Set<number>();
      for (let i = 0; i + 1 < folded.length; i++) {
        const pair = pairAt(folded, i);
        if (own.has(pair)) continue;
        own.add(pair);
        let list = this.pairs.get(pair);
        if (!list) this.pairs.set(pair, (list = { short: [], starts: [], long: [] }));
        if (days(entry.startDate, entry.endDate) <= SHORT_DAYS) {
          list.short.push(indexed);
          list.starts.push(entry.startDate);
        } else {
          list.long.push(indexed);
        }
      }
    }
    this.seen = new Uint32Array(this.all.length);
  }

  /** The entry with this code, if the catalogue holds it. */
  entry(code: string): CatalogueEntry | null {
    return this.byCode.get(foldCode(code))?.entry ?? null;
  }

  get size(): number {
    return this.all.length;
  }

  /**
   * The recognition of one record for one teacher (teacherKey is what the attendee lists hold: the
   * keyed hash on the server); null for a record below 区级, which is never recognised.
   */
  recognize(record: RecognizableRecord, teacherKey: string): Recognition | null {
    if (!isRecognizedLevel(record.level)) return null;
    const o = this.outcome(record);
    let status: RecognitionStatus;
    let basis = o.basis;
    let matched = o.matched;
    if (matched)
      status = matched.list !== null && !matched.list.has(teacherKey) ? 'not_on_list' : hoursStatus(record, matched);
    else status = 'unmatched';
    if ((status === 'unmatched' || status === 'not_on_list') && o.decision) {
      if (o.decision.action === 'reject') {
        basis = 'rejected';
      } else if (o.linked) {
        matched = o.linked;
        status = hoursStatus(record, o.linked);
        basis = 'linked';
      }
    }
    // The same few answers recur for every teacher of a training: each is made once and shared.
    const slot = STATUS_SLOT[status] * 4 + BASIS_SLOT[basis];
    const known = o.results[slot];
    if (known) return known;
    const entry = status === 'unmatched' ? null : matched!.entry;
    const made: Recognition = {
      status,
      basis,
      code: entry?.code ?? null,
      likely: status === 'unmatched' ? (o.likely?.entry.code ?? null) : null,
      catalogueHours: entry?.hours ?? null,
      reason: basis === 'rejected' && o.decision?.action === 'reject' ? o.decision.reason : null,
      group: o.group,
    };
    o.results[slot] = made;
    return made;
  }

  private outcome(r: RecognizableRecord): Outcome {
    let memo = this.outcomes;
    let code: string | undefined;
    if (r.catalogueCode) {
      code = this.foldedCodes.get(r.catalogueCode);
      if (code === undefined) this.foldedCodes.set(r.catalogueCode, (code = foldCode(r.catalogueCode)));
      memo = this.byRecordCode.get(code) ?? new Map();
      this.byRecordCode.set(code, memo);
    }
    let seen = memo.get(r.course);
    if (seen === undefined) memo.set(r.course, (seen = []));
    for (let i = 0; i < seen.length; i++) {
      const o = seen[i]!;
      if (o.level === r.level && o.startDate === r.startDate && o.endDate === r.endDate) return o;
    }
    const o = this.match(r, code);
    seen.push(o);
    return o;
  }

  private folded(course: string): string {
    let folded = this.foldedCourses.get(course);
    if (folded === undefined) this.foldedCourses.set(course, (folded = foldCourse(course)));
    return folded;
  }

  private match(r: RecognizableRecord, code: string | undefined): Outcome {
    const folded = this.folded(r.course);
    const group = groupKey(folded, r.level, r.startDate, r.endDate);
    const decision = this.decisions.get(group) ?? null;
    // A decision whose entry was since removed no longer applies: the records stay as matched.
    const linked = decision?.action === 'link' ? (this.byCode.get(foldCode(decision.code)) ?? null) : null;
    const { level, startDate, endDate } = r;
    const outcome = (matched: Indexed | null, likely: Indexed | null, basis: RecognitionBasis): Outcome => ({
      level,
      startDate,
      endDate,
      matched,
      likely,
      basis,
      group,
      decision,
      linked,
      results: [],
    });
    if (code !== undefined) {
      const byCode = this.byCode.get(code);
      if (byCode) return outcome(byCode, null, 'catalogue');
    }
    const exact = this.exact(folded, r.level, r.startDate, r.endDate);
    // A code the catalogue lacks is no match (archive.md matches on the course only without a
    // code), but the course still names the entry the clerk most likely meant.
    if (code !== undefined)
      return outcome(null, exact ?? this.close(folded, r.level, r.startDate, r.endDate), 'code_unknown');
    if (exact) return outcome(exact, null, 'catalogue');
    return outcome(null, this.close(folded, r.level, r.startDate, r.endDate), 'catalogue');
  }

  private exact(folded: string, level: string, start: string, end: string): Indexed | null {
    for (const x of this.byCourse.get(folded) ?? [])
      if (x.entry.level === level && within(x.entry, start, end)) return x;
    return null;
  }

  /**
   * The closest entry whose folded course differs in at most a fifth of the record's characters and
   * whose dates overlap; ties go to the same level, then to the nearest start date. Candidates come
   * from the pair index: k edits destroy at most 2k of the record's character pairs, so any entry
   * within k edits holds at least one of any 2k + 1 of them — taking the 2k + 1 rarest keeps the
   * candidate lists short however large the catalogue.
   */
  private close(folded: string, level: string, start: string, end: string): Indexed | null {
    const k = closeDistance(folded);
    const candidates: Indexed[] = [...(this.byCourse.get(folded) ?? [])];
    this.stamp++;
    for (const x of candidates) this.seen[x.id] = this.stamp;
    if (k > 0) {
      // Only short entries that start from SHORT_DAYS before the record up to its end can overlap it.
      let from = this.windowStarts.get(start);
      if (from === undefined) {
        from = new Date(Date.parse(start) - SHORT_DAYS * DAY_MS).toISOString().slice(0, 10);
        this.windowStarts.set(start, from);
      }
      // The 2k + 1 positions with the fewest entries (kept in order by insertion); only their lists
      // are scanned, each in its window.
      const want = 2 * k + 1;
      const lists: PairList[] = [];
      for (let i = 0; i + 1 < folded.length; i++) {
        const list = this.pairs.get(pairAt(folded, i)) ?? EMPTY;
        const size = list.short.length + list.long.length;
        if (lists.length === want && size >= lists[want - 1]!.short.length + lists[want - 1]!.long.length) continue;
        let at = lists.length === want ? want - 1 : lists.length;
        while (at > 0 && lists[at - 1]!.short.length + lists[at - 1]!.long.length > size) {
          lists[at] = lists[at - 1]!;
          at--;
        }
        lists[at] = list;
      }
      const seen = this.seen;
      const stamp = this.stamp;
      let scanned: PairList | null = null;
      for (let t = 0; t < lists.length; t++) {
        const list = lists[t]!;
        // A pair at two positions is one list: its entries are candidates already.
        if (list === scanned) continue;
        scanned = list;
        const hi = firstAfter(list.starts, end);
        for (let j = firstAtLeast(list.starts, from); j < hi; j++) {
          const x = list.short[j]!;
          if (seen[x.id] !== stamp) {
            seen[x.id] = stamp;
            candidates.push(x);
          }
        }
        for (const x of list.long) {
          if (seen[x.id] !== stamp) {
            seen[x.id] = stamp;
            candidates.push(x);
          }
        }
      }
    }
    let best: Indexed | null = null;
    let bestDistance = 0;
    let bestLevel = 0;
    let bestGap = 0;
    const distanceTo = this.patterns.prepare(folded);
    const startMs = Date.parse(start);
    for (const x of candidates) {
      if (!overlaps(x.entry, start, end) || Math.abs(x.folded.length - folded.length) > k) continue;
      const d = x.folded === folded ? 0 : distanceTo(x.folded, k);
      if (d > k) continue;
      const lv = x.entry.level === level ? 0 : 1;
      if (best !== null && (d > bestDistance || (d === bestDistance && lv > bestLevel))) continue;
      const gap = Math.abs(x.startMs - startMs);
      if (best !== null && d === bestDistance && lv === bestLevel && gap >= bestGap) continue;
      best = x;
      bestDistance = d;
      bestLevel = lv;
      bestGap = gap;
    }
    return best;
  }
}

/** The character pair at position i as one number (courses are BMP text; a surrogate half is a unit like any other). */
function pairAt(s: string, i: number): number {
  return s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);
}

/** Course text → its outcomes (a training has one level and one or two date spans: a short scan). */
type Memo = Map<string, Outcome[]>;

/** Calendar days from a to b (ISO dates). */
function days(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / DAY_MS;
}

/** Index of the first item ≥ value in a sorted array (its length when none). */
function firstAtLeast(sorted: readonly string[], value: string): number {
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
function firstAfter(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function hoursStatus(r: RecognizableRecord, x: Indexed): RecognitionStatus {
  return r.hours > x.entry.hours ? 'hours_exceed' : 'recognized';
}
