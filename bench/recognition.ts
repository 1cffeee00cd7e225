/**
 * `npm run bench:recognition`: matching a district's records against its catalogue (issue 14).
 * Goal: 300 schools × 100 teachers × 12 records (360,000 records, a quarter of them 校级, which are
 * never matched) against a catalogue of 2,000 entries in under 1 s, index building included.
 *
 * The records are what schools type: most name an entry exactly, with its code or without; others
 * add the year, spaces or full-width characters, mistype a character, give the wrong level or dates
 * outside the entry, or name trainings the catalogue does not hold. Every school spells an entry's
 * typo its own way, so close-name matching runs for thousands of distinct spellings, not a handful.
 *
 * Linearity shows as a ratio measured in the same run: a quarter of the district against the whole
 * takes about a quarter of the time (the catalogue index is built either way). Beside it, a floor: the
 * same records each touched once (their course, level and dates looked up in a map), the least any
 * matcher does. On a busy shared machine the absolute figures grow with the other processes' load
 * (memory-bound code most), the ratios much less: read a figure together with its floor.
 *
 * `--runs=N` sets the timed rounds (medians reported).
 */
import { availableParallelism, loadavg } from 'node:os';
import { TRAINING_CATEGORIES, TRAINING_FORMS, type TrainingLevel } from '../shared/contract/enums.js';
import {
  type CatalogueEntry,
  CatalogueIndex,
  type CatalogueLevel,
  type RecognitionStatus,
  type RecognizableRecord,
  Recognizer,
} from '../shared/recognition/index.js';
import { createRng, type Rng } from '../test/fixtures/prng.js';

const RUNS_ARG = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = RUNS_ARG === undefined ? 5 : Math.max(1, Number(RUNS_ARG.slice('--runs='.length)));
const SCHOOLS = 300;
const TEACHERS = 100;
const RECORDS = 12;
const ENTRIES = 2_000;
const GOAL_MS = 1_000;
const YEAR = 2026;

const SUBJECTS = [
  '语文',
  '数学',
  '英语',
  '物理',
  '化学',
  '生物',
  '历史',
  '地理',
  '道德与法治',
  '科学',
  '信息技术',
  '音乐',
  '美术',
  '体育与健康',
  '心理健康',
];
const TOPICS = [
  '课堂教学能力提升',
  '新课程标准解读',
  '作业设计与评价',
  '跨学科主题学习',
  '大单元教学设计',
  '信息技术融合应用',
  '命题能力研修',
  '课题研究方法',
];
const LEVELS: readonly CatalogueLevel[] = ['区级', '区级', '区级', '市级', '省级', '国家级'];

const pad = (n: number) => String(n).padStart(2, '0');
const date = (dayOfYear: number) => {
  const d = new Date(Date.UTC(YEAR, 0, 1 + dayOfYear));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

function catalogue(rng: Rng): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const start = rng.int(0, 330);
    entries.push({
      code: `LX${YEAR}-${String(i + 1).padStart(4, '0')}`,
      course: `${SUBJECTS[i % SUBJECTS.length]}${TOPICS[Math.floor(i / SUBJECTS.length) % TOPICS.length]}专题培训第${Math.floor(i / (SUBJECTS.length * TOPICS.length)) + 1}期`,
      level: rng.pick(LEVELS),
      category: rng.pick(TRAINING_CATEGORIES.values),
      form: rng.pick(TRAINING_FORMS.values),
      startDate: date(start),
      endDate: date(start + rng.int(0, 30)),
      hours: rng.int(2, 60) / 2 + 6,
      organizer: '区教师发展中心',
    });
  }
  return entries;
}

/** One school's typo of a course: a character replaced, the same for every teacher of the school. */
function typo(course: string, school: number): string {
  const at = 2 + (school % (course.length - 4));
  return `${course.slice(0, at)}培${course.slice(at + 1)}`;
}

const FULL = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

interface Teacher {
  key: string;
  records: RecognizableRecord[];
}

function district(rng: Rng, entries: readonly CatalogueEntry[], schools: number): Teacher[] {
  const teachers: Teacher[] = [];
  for (let s = 0; s < schools; s++) {
    for (let t = 0; t < TEACHERS; t++) {
      const records: RecognizableRecord[] = [];
      for (let r = 0; r < RECORDS; r++) {
        const e = rng.pick(entries);
        const base = {
          course: e.course,
          level: e.level as TrainingLevel,
          startDate: e.startDate,
          endDate: e.endDate,
          hours: e.hours,
        };
        const roll = rng.next();
        if (r < 3) records.push({ ...base, course: '校本研修', level: '校级' });
        else if (roll < 0.3) records.push({ ...base, catalogueCode: e.code });
        else if (roll < 0.55) records.push(base);
        else if (roll < 0.65) records.push({ ...base, course: `${YEAR}年 ${FULL(e.course)}` });
        else if (roll < 0.75) records.push({ ...base, course: typo(e.course, s) });
        else if (roll < 0.8) records.push({ ...base, level: e.level === '区级' ? '市级' : '区级' });
        else if (roll < 0.85)
          records.push({ ...base, endDate: date(Math.min(364, Number(e.endDate.slice(5, 7)) * 30 + 10)) });
        else if (roll < 0.9) records.push({ ...base, hours: e.hours + 8 });
        else if (roll < 0.95) records.push({ ...base, catalogueCode: `XX-${rng.int(1, 99_999)}` });
        else records.push({ ...base, course: `第${s}校自报培训${rng.int(1, 40)}` });
      }
      teachers.push({ key: `t${s}-${t}`, records });
    }
  }
  return teachers;
}

function attendees(
  rng: Rng,
  entries: readonly CatalogueEntry[],
  teachers: readonly Teacher[],
): Map<string, Set<string>> {
  const lists = new Map<string, Set<string>>();
  for (const e of entries) if (rng.chance(0.1)) lists.set(e.code, new Set());
  for (const t of teachers) for (const code of lists.keys()) if (rng.chance(0.002)) lists.get(code)!.add(t.key);
  return lists;
}

function match(
  entries: readonly CatalogueEntry[] | CatalogueIndex,
  lists: Map<string, Set<string>>,
  teachers: readonly Teacher[],
) {
  const recognizer = new Recognizer(
    entries instanceof CatalogueIndex ? { index: entries, attendees: lists } : { entries, attendees: lists },
  );
  const tally: Record<RecognitionStatus | 'none', number> = {
    recognized: 0,
    hours_exceed: 0,
    not_on_list: 0,
    unmatched: 0,
    none: 0,
  };
  let likely = 0;
  for (const t of teachers) {
    for (const r of t.records) {
      const rec = recognizer.recognize(r, t.key);
      tally[rec?.status ?? 'none']++;
      if (rec?.likely) likely++;
    }
  }
  return { tally, likely };
}

/**
 * As the worker runs it: one evaluation per school, each its own Recognizer (its memos start
 * empty) over the catalogue's index, built once and kept (worker/recognition/load.ts).
 */
function bySchool(entries: readonly CatalogueEntry[], lists: Map<string, Set<string>>, teachers: readonly Teacher[]) {
  const index = new CatalogueIndex(entries);
  let n = 0;
  for (let s = 0; s < teachers.length; s += TEACHERS) n += match(index, lists, teachers.slice(s, s + TEACHERS)).likely;
  return n;
}

/** CPU time of this process for one call, in ms: what a Worker is billed and limited by. */
function cpu(f: () => unknown): number {
  const used = process.cpuUsage();
  f();
  const d = process.cpuUsage(used);
  return (d.user + d.system) / 1000;
}

/**
 * Each task once as a warm-up, then `runs` rounds of every task in turn, so that the load of the
 * other processes on this shared machine falls on all of them alike; medians of the CPU times, and
 * the median of each round's ratio to the first task (the floor).
 */
interface Timing {
  cpuMs: number;
  minCpuMs: number;
  /** The median over the rounds of this task's time over the first task's in the same round. */
  ratio: number;
}

function rounds<K extends string>(runs: number, tasks: Record<K, () => unknown>): Record<K, Timing> {
  const names = Object.keys(tasks) as K[];
  for (const k of names) tasks[k]();
  const times = new Map<K, number[]>(names.map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const k of names) times.get(k)!.push(cpu(tasks[k]));
  const mid = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const base = times.get(names[0]!)!;
  const out = {} as Record<K, Timing>;
  for (const [k, xs] of times)
    out[k] = { cpuMs: mid(xs), minCpuMs: Math.min(...xs), ratio: mid(xs.map((x, i) => x / base[i]!)) };
  return out;
}

/** The least work per record: one map lookup by course, level and dates. */
function floor(teachers: readonly Teacher[]): number {
  const seen = new Map<string, number>();
  for (const t of teachers) {
    for (const r of t.records) {
      const key = `${r.course}|${r.level}|${r.startDate}|${r.endDate}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  return seen.size;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const rng = createRng(14);
const entries = catalogue(rng);
const whole = district(rng, entries, SCHOOLS);
const quarter = whole.slice(0, whole.length / 4);
const lists = attendees(rng, entries, whole);
const records = whole.length * RECORDS;

console.log(
  `bench:recognition — ${SCHOOLS} schools × ${TEACHERS} teachers × ${RECORDS} records = ${fmt(records)} records, ${fmt(ENTRIES)} entries`,
);
console.log(
  `node ${process.version}, ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(2)}; medians of ${RUNS} rounds after a warm-up`,
);
const { tally, likely } = match(entries, lists, whole);
console.log(
  `statuses: ${Object.entries(tally)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ')}; unmatched with a likely entry ${fmt(likely)}`,
);
const t = rounds(RUNS, {
  floor: () => floor(whole),
  whole: () => match(entries, lists, whole),
  quarter: () => match(entries, lists, quarter),
  bySchool: () => bySchool(entries, lists, whole),
  index: () => new CatalogueIndex(entries),
});
const line = (what: string, n: number, x: Timing) =>
  `${what}: CPU ${fmt(x.cpuMs, 1)} ms (${fmt(n / (x.cpuMs / 1000))} records/s; ` +
  `fastest run ${fmt(x.minCpuMs, 1)} ms), ${x.ratio.toFixed(2)} × the floor`;
console.log(line('whole district', records, t.whole));
console.log(line('a quarter     ', records / 4, t.quarter));
console.log(line(`by school (${SCHOOLS} evaluations, one index)`, records, t.bySchool));
console.log(`  the index of ${fmt(ENTRIES)} entries alone: CPU ${fmt(t.index.cpuMs, 1)} ms`);
console.log(line('floor (each record looked up once)', records, t.floor));
console.log(
  `ratio whole / quarter (CPU): ${(t.whole.ratio / t.quarter.ratio).toFixed(2)} ` +
    '(linear: about 4, less the index built either way)',
);
console.log(`load ${loadavg()[0]!.toFixed(2)} at the end`);

const ok = t.whole.cpuMs < GOAL_MS;
console.log(
  `goal: the whole district under ${fmt(GOAL_MS)} ms of CPU time, index included — ${ok ? 'met' : 'NOT met'}`,
);
if (!ok) process.exitCode = 1;
