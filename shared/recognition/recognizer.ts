/**
 * Matching records to the catalogue (archive.md §2). The catalogue is indexed once — by code, by
 * folded course, and by the character pairs of folded courses for close names — so each record
 * costs a few map lookups, never a scan of the catalogue, and a district of 360,000 records matches
 * in linear time. Records that share code, course, level and dates (every teacher of one training)
 * are matched once; only the attendee list and the hours are looked at per record.
 */
import { boundedDistance } from './distance.js';
import { foldCode, foldCourse } from './fold.js';
import {
  isRecognizedLevel, type CatalogueEntry, type GroupDecision, type Recognition, type RecognitionBasis,
  type RecognitionStatus, type RecognizableRecord,
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
  entry: CatalogueEntry;
  folded: string;
  /** The teachers on its list, or null when the entry has none. */
  list: ReadonlySet<string> | null;
}

/** What the shared part of a record (code, course, level, dates) matches, before the teacher is known. */
interface Outcome {
  matched: Indexed | null;
  likely: Indexed | null;
  basis: RecognitionBasis;
  group: string;
}

const within = (e: CatalogueEntry, start: string, end: string) => e.startDate <= start && end <= e.endDate;
const overlaps = (e: CatalogueEntry, start: string, end: string) => start <= e.endDate && e.startDate <= end;

export class Recognizer {
  private readonly byCode = new Map<string, Indexed>();
  private readonly byCourse = new Map<string, Indexed[]>();
  /** Character pair → entries whose folded course holds it (each entry once). */
  private readonly pairs = new Map<string, Indexed[]>();
  private readonly decisions: ReadonlyMap<string, GroupDecision>;
  private readonly outcomes = new Map<string, Outcome>();
  /** Marks the entries already taken as candidates for the current record (no Set per lookup). */
  private readonly seen: Uint32Array;
  private stamp = 0;
  private readonly all: Indexed[] = [];

  constructor(input: CatalogueInput) {
    this.decisions = input.decisions ?? new Map();
    const sorted = [...input.entries].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
    for (const entry of sorted) {
      const folded = foldCourse(entry.course);
      const indexed: Indexed = { id: this.all.length, entry, folded, list: input.attendees?.get(entry.code) ?? null };
      this.all.push(indexed);
      this.byCode.set(foldCode(entry.code), indexed);
      if (folded === '') continue;
      const same = this.byCourse.get(folded);
      if (same) same.push(indexed);
      else this.byCourse.set(folded, [indexed]);
      const own = new Set<string>();
      for (let i = 0; i + 1 < folded.length; i++) {
        const pair = folded.slice(i, i + 2);
        if (own.has(pair)) continue;
        own.add(pair);
        const list = this.pairs.get(pair);
        if (list) list.push(indexed);
        else this.pairs.set(pair, [indexed]);
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
    let reason: string | null = null;
    if (matched) status = matched.list !== null && !matched.list.has(teacherKey) ? 'not_on_list' : hoursStatus(record, matched);
    else status = 'unmatched';
    if (status === 'unmatched' || status === 'not_on_list') {
      const decision = this.decisions.get(o.group);
      if (decision?.action === 'reject') {
        basis = 'rejected';
        reason = decision.reason;
      } else if (decision?.action === 'link') {
        const linked = this.byCode.get(foldCode(decision.code));
        // A decision whose entry was since removed no longer applies: the record stays as matched.
        if (linked) {
          matched = linked;
          status = hoursStatus(record, linked);
          basis = 'linked';
        }
      }
    }
    const entry = status === 'unmatched' ? null : matched!.entry;
    return {
      status,
      basis,
      code: entry?.code ?? null,
      likely: status === 'unmatched' ? (o.likely?.entry.code ?? null) : null,
      catalogueHours: entry?.hours ?? null,
      reason,
      group: o.group,
    };
  }

  private outcome(r: RecognizableRecord): Outcome {
    const code = r.catalogueCode ? foldCode(r.catalogueCode) : '';
    const key = `${code}\u0001${r.course}\u0001${r.level}\u0001${r.startDate}\u0001${r.endDate}`;
    let o = this.outcomes.get(key);
    if (o === undefined) {
      o = this.match(code, foldCourse(r.course), r.level, r.startDate, r.endDate);
      this.outcomes.set(key, o);
    }
    return o;
  }

  private match(code: string, folded: string, level: string, start: string, end: string): Outcome {
    const group = groupKey(folded, level, start, end);
    if (code !== '') {
      const byCode = this.byCode.get(code);
      if (byCode) return { matched: byCode, likely: null, basis: 'catalogue', group };
      // A code the catalogue lacks is no match (archive.md matches on the course only without a
      // code), but the course still names the entry the clerk most likely meant.
      return { matched: null, likely: this.exact(folded, level, start, end) ?? this.close(folded, level, start, end), basis: 'code_unknown', group };
    }
    const exact = this.exact(folded, level, start, end);
    if (exact) return { matched: exact, likely: null, basis: 'catalogue', group };
    return { matched: null, likely: this.close(folded, level, start, end), basis: 'catalogue', group };
  }

  private exact(folded: string, level: string, start: string, end: string): Indexed | null {
    for (const x of this.byCourse.get(folded) ?? []) if (x.entry.level === level && within(x.entry, start, end)) return x;
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
      const lists: Indexed[][] = [];
      for (let i = 0; i + 1 < folded.length; i++) lists.push(this.pairs.get(folded.slice(i, i + 2)) ?? []);
      lists.sort((a, b) => a.length - b.length);
      for (const list of lists.slice(0, 2 * k + 1)) {
        for (const x of list) {
          if (this.seen[x.id] === this.stamp) continue;
          this.seen[x.id] = this.stamp;
          candidates.push(x);
        }
      }
    }
    let best: Indexed | null = null;
    let bestScore: [number, number, number] | null = null;
    for (const x of candidates) {
      if (!overlaps(x.entry, start, end) || Math.abs(x.folded.length - folded.length) > k) continue;
      const d = x.folded === folded ? 0 : boundedDistance(folded, x.folded, k);
      if (d > k) continue;
      const score: [number, number, number] = [d, x.entry.level === level ? 0 : 1, dayGap(x.entry.startDate, start)];
      if (bestScore === null || lexLess(score, bestScore)) {
        best = x;
        bestScore = score;
      }
    }
    return best;
  }
}

function hoursStatus(r: RecognizableRecord, x: Indexed): RecognitionStatus {
  return r.hours > x.entry.hours ? 'hours_exceed' : 'recognized';
}

function dayGap(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b));
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
