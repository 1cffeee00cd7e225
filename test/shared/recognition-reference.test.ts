/**
 * The optimised matcher (indexes, memos, bit-parallel distances, shared answers) against archive.md
 * §2 written out the straightforward way: every record folded afresh and compared with every entry.
 * Generated catalogues and ledgers are built to land on the boundaries — close names at a fifth of
 * the characters, wrong levels, dates inside, overlapping and outside the entry, entries longer and
 * shorter than the matcher's date window, known codes typed loosely, unknown codes, attendee lists,
 * and queue decisions (link, link to a removed entry, reject) — and one Recognizer answers a whole
 * ledger, so the answers it shares between records are checked too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CatalogueEntry,
  CatalogueIndex,
  type CatalogueLevel,
  foldCourse,
  type GroupDecision,
  type Recognition,
  type RecognizableRecord,
  Recognizer,
} from '../../shared/recognition/index.js';
import { propertyRuns } from '../fixtures/property-runs.js';

const RUNS = propertyRuns(process.env.SHIXUN_PROPERTY_RUNS, 1_000);

// ---- The reference: archive.md §2 as it reads ----

const NOISE = /[\p{Z}\p{P}\p{S}\p{C}\s]+/gu;
const LEADING_YEAR = /^(?:19|20)\d{2}年度?/;
const refFoldCourse = (s: string) => s.normalize('NFKC').toLowerCase().replace(NOISE, '').replace(LEADING_YEAR, '');
const refFoldCode = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

const LEVELS = ['国家级', '省级', '市级', '区级'];

interface Catalogue {
  entries: CatalogueEntry[];
  attendees: Map<string, Set<string>>;
  decisions: Map<string, GroupDecision>;
}

/**
 * One record, one teacher. Where several entries qualify the earliest start wins, then the earlier
 * in the catalogue; a likely entry is the nearest in edit distance, then of the record's level, then
 * of the nearest start, then the earliest start and catalogue order. A course that folds to nothing
 * names no training.
 */
function reference(c: Catalogue, r: RecognizableRecord, teacher: string): Recognition | null {
  if (!LEVELS.includes(r.level)) return null;
  const order = c.entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.startDate < b.e.startDate ? -1 : a.e.startDate > b.e.startDate ? 1 : a.i - b.i))
    .map((x) => x.e);
  const folded = refFoldCourse(r.course);
  const group = `${folded}|${r.level}|${r.startDate}|${r.endDate}`;
  const sameCourse = (e: CatalogueEntry) => folded !== '' && refFoldCourse(e.course) === folded;
  const exact =
    order.find((e) => sameCourse(e) && e.level === r.level && e.startDate <= r.startDate && r.endDate <= e.endDate) ??
    null;
  const k = Math.floor(folded.length / 5);
  let likely: CatalogueEntry | null = null;
  let best: number[] = [];
  for (const [i, e] of order.entries()) {
    const f = refFoldCourse(e.course);
    if (folded === '' || f === '' || r.startDate > e.endDate || e.startDate > r.endDate) continue;
    const d = levenshtein(f, folded);
    if (d > k) continue;
    const key = [d, e.level === r.level ? 0 : 1, Math.abs(Date.parse(e.startDate) - Date.parse(r.startDate)), i];
    if (likely === null || compare(key, best) < 0) {
      likely = e;
      best = key;
    }
  }
  let matched: CatalogueEntry | null = null;
  let basis: Recognition['basis'] = 'catalogue';
  if (r.catalogueCode) {
    matched = order.findLast((e) => refFoldCode(e.code) === refFoldCode(r.catalogueCode!)) ?? null;
    if (!matched) {
      basis = 'code_unknown';
      likely = exact ?? likely;
    }
  } else {
    matched = exact;
  }
  const hoursStatus = (e: CatalogueEntry) => (r.hours > e.hours ? 'hours_exceed' : 'recognized');
  let status: Recognition['status'] = 'unmatched';
  if (matched) {
    const list = c.attendees.get(matched.code);
    status = list && !list.has(teacher) ? 'not_on_list' : hoursStatus(matched);
  }
  const decision = c.decisions.get(group);
  if ((status === 'unmatched' || status === 'not_on_list') && decision) {
    if (decision.action === 'reject') {
      basis = 'rejected';
    } else {
      const linked = order.findLast((e) => refFoldCode(e.code) === refFoldCode(decision.code));
      if (linked) {
        matched = linked;
        status = hoursStatus(linked);
        basis = 'linked';
      }
    }
  }
  const entry = status === 'unmatched' ? null : matched;
  return {
    status,
    basis,
    code: entry?.code ?? null,
    likely: status === 'unmatched' ? (likely?.code ?? null) : null,
    catalogueHours: entry?.hours ?? null,
    reason: basis === 'rejected' && decision?.action === 'reject' ? decision.reason : null,
    group,
  };
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

// ---- Generated catalogues and ledgers ----

/** Few characters, so that names collide, differ by one or two and share their pairs. */
const CHARS = ['语', '文', '数', '学', '培', '训', '研', '修', '教', '师', '1', '2', 'A', 'b'];
const course = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 16 }).map((cs) => cs.join(''));

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);

/** Dates in one quarter; some entries last about as long as the matcher's 31-day window, or longer. */
const span = fc
  .tuple(
    fc.integer({ min: 0, max: 80 }),
    fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(30, 31, 32), fc.integer({ min: 25, max: 60 })),
  )
  .map(([start, length]) => ({ start, end: start + length }));

const entryArb = fc.record({
  course,
  level: fc.constantFrom<CatalogueLevel>('国家级', '省级', '市级', '区级'),
  span,
  hours: fc.integer({ min: 1, max: 20 }).map((h) => h * 2),
  listed: fc.boolean(),
});

/** The spellings of one entry's course a clerk might type. */
function respell(text: string, how: number, at: number, ch: string): string {
  const i = at % (text.length + 1);
  switch (how) {
    case 0:
      return text;
    case 1:
      return `2026年 ${text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}`;
    case 2:
      return `（${text.slice(0, i)} ${text.slice(i)}）`;
    case 3:
      return `${text.slice(0, i)}${ch}${text.slice(i + 1)}`;
    case 4:
      return `${text.slice(0, i)}${ch}${text.slice(i)}`;
    case 5:
      return `${text.slice(0, i)}${text.slice(i + 1)}`;
    case 6:
      return `${text.slice(0, i)}${ch}${ch}${text.slice(i + 2)}`;
    default:
      return '——';
  }
}

const recordArb = fc.record({
  of: fc.nat(),
  how: fc.integer({ min: 0, max: 7 }),
  at: fc.nat(),
  ch: fc.constantFrom(...CHARS),
  level: fc.constantFrom('same', '国家级', '省级', '市级', '区级', '校级'),
  dates: fc.constantFrom('entry', 'inside', 'overlap', 'last', 'first', 'outside', 'random'),
  random: span,
  code: fc.constantFrom('none', 'none', 'own', 'loose', 'unknown'),
  hours: fc.constantFrom(-2, 0, 0, 2),
  teacher: fc.integer({ min: 0, max: 5 }),
  repeat: fc.integer({ min: 1, max: 3 }),
});

const ledgerArb = fc.record({
  entries: fc.array(entryArb, { minLength: 1, maxLength: 14 }),
  records: fc.array(recordArb, { minLength: 1, maxLength: 40 }),
  decisions: fc.array(fc.record({ of: fc.nat(), action: fc.constantFrom('link', 'gone', 'reject'), to: fc.nat() }), {
    maxLength: 4,
  }),
});

type Ledger = typeof ledgerArb extends fc.Arbitrary<infer T> ? T : never;

function build(g: Ledger): { catalogue: Catalogue; records: [RecognizableRecord, string][] } {
  const entries: CatalogueEntry[] = g.entries.map((e, i) => ({
    code: `LX-${i}`,
    course: e.course,
    level: e.level,
    category: '其他',
    form: '集中面授',
    startDate: day(e.span.start),
    endDate: day(e.span.end),
    hours: e.hours,
    organizer: null,
  }));
  const attendees = new Map<string, Set<string>>();
  g.entries.forEach((e, i) => {
    if (e.listed) attendees.set(`LX-${i}`, new Set([`t${i % 6}`, `t${(i + 2) % 6}`]));
  });
  const records: [RecognizableRecord, string][] = [];
  for (const x of g.records) {
    const e = entries[x.of % entries.length]!;
    const s = g.entries[x.of % entries.length]!.span;
    const dates = {
      entry: [s.start, s.end],
      inside: [s.start + ((s.end - s.start) >> 2), s.end - ((s.end - s.start) >> 2)],
      overlap: [s.end - 1, s.end + 3],
      // Sharing only the entry's last or first day: the edges of the matcher's date window.
      last: [s.end, s.end + 3],
      first: [Math.max(0, s.start - 3), s.start],
      outside: [s.end + 1, s.end + 2],
      random: [x.random.start, x.random.end],
    }[x.dates]!;
    const record: RecognizableRecord = {
      course: respell(e.course, x.how, x.at, x.ch),
      level: (x.level === 'same' ? e.level : x.level) as RecognizableRecord['level'],
      startDate: day(dates[0]!),
      endDate: day(dates[1]!),
      hours: e.hours + x.hours,
      catalogueCode: { none: null, own: e.code, loose: ` ${e.code.toLowerCase()} `, unknown: 'LX-99' }[x.code],
    };
    // Every teacher of a training types the same record: the matcher answers them from one match.
    for (let n = 0; n < x.repeat; n++) records.push([{ ...record }, `t${(x.teacher + n) % 6}`]);
  }
  const decisions = new Map<string, GroupDecision>();
  for (const d of g.decisions) {
    const [r] = records[d.of % records.length]!;
    const group = `${refFoldCourse(r.course)}|${r.level}|${r.startDate}|${r.endDate}`;
    const to = entries[d.to % entries.length]!.code;
    decisions.set(
      group,
      d.action === 'reject'
        ? { action: 'reject', reason: '非区级培训' }
        : { action: 'link', code: d.action === 'gone' ? 'LX-GONE' : to.toLowerCase() },
    );
  }
  return { catalogue: { entries, attendees, decisions }, records };
}

describe('Recognizer against the straightforward reference', () => {
  it('should give every record the reference status, entry, likely entry, hours, reason and group', () => {
    fc.assert(
      fc.property(ledgerArb, (g) => {
        const { catalogue, records } = build(g);
        const recognizer = new Recognizer(catalogue);
        // Another evaluation of the same catalogue, on an index shared with a third one of no lists.
        const index = new CatalogueIndex(catalogue.entries, catalogue.decisions);
        const sharing = new Recognizer({ index, attendees: catalogue.attendees });
        const unlisted = new Recognizer({ index });
        const withoutLists = { ...catalogue, attendees: new Map() };
        for (const [r, teacher] of records) {
          const expected = reference(catalogue, r, teacher);
          expect(recognizer.recognize(r, teacher)).toEqual(expected);
          expect(sharing.recognize(r, teacher)).toEqual(expected);
          expect(unlisted.recognize(r, teacher)).toEqual(reference(withoutLists, r, teacher));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('should fold every text as the NFKC-and-regex definition does', () => {
    const unit = fc.oneof(
      // Around the fast path's edges: full-width forms, the CJK marks it drops, the ends of its ranges.
      fc.constantFrom(...CHARS, '２', '０', '９', '年', '度', 'Ａ', 'Ｚ', 'ｚ', 'Z', '（', '）', '！', '～', '｟'),
      fc.constantFrom(' ', '-', '.', '@', '\u3000', '·', '—', '、', '。', '〈', '】', '〒', '〸', '〇', '…', '\t'),
      fc.constantFrom('\u4e00', '\u9fa5', '\u9fa6', '\u9fff', '\u4dff', '\uf900', '\u2f00', '\u00c5', 'Å', 'ǅ'),
      fc.string({ unit: 'grapheme', maxLength: 1 }),
    );
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 14 }),
        fc.constantFrom('', '2026年', '２０２６年度', '1999年 '),
        (cs, y) => {
          const text = y + cs.join('');
          expect(foldCourse(text)).toBe(refFoldCourse(text));
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });
});
