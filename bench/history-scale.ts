/**
 * The history figures of docs/SCALING.md and docs/HISTORY.md, on a local worker with a fresh D1:
 * - a 2,000-teacher school's 2025 submission with its 2021–2024 ledgers in the bureau, end to end
 *   (HTTP, gzip body, validation, the history lookup, evaluation, storage, receipt);
 * - POST /history for that roster (what the pane's preview and `check --server` wait for);
 * - re-evaluation after an earlier year changes, in a district of 300 schools × 100 teachers with
 *   five years each and two teachers of every school moving to the next in 2024: one school's 2021
 *   corrected, the large school's 2021 corrected, and every district school's 2024 corrected.
 * A re-evaluated verdict is counted by its `evaluatedAt` (GET /submissions, reviewer).
 */
import { randomBytes } from 'node:crypto';
import type { SubmissionList } from '../shared/api/responses.js';
import { postSubmission } from './district.js';
import { bodyOf, corrected, HISTORY_YEARS, HistoryDistrict, rosterIds } from './history-district.js';
import { type LocalWorker, sleep, startLocalWorker } from './local-worker.js';

export interface HistoryScaleOptions {
  port: number;
  schools: number;
  teachers: number;
  bigTeachers: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const key = () => `hist-${randomBytes(10).toString('hex')}`;

/** One clerk's submission, retried like the client (same key) on 503/429 or a dropped connection. */
async function submitOnce(
  base: string,
  token: string,
  body: Uint8Array<ArrayBuffer>,
): Promise<{ ms: number; id: string; timing: string | null }> {
  const k = key();
  for (let attempt = 1; ; attempt++) {
    const r = await postSubmission(base, token, body, k, null).catch((e: Error) => ({
      status: 0,
      ms: 0,
      json: { error: { code: e.message } },
      timing: null,
    }));
    if (r.status === 201)
      return { ms: r.ms, id: (r.json as { submission: { id: string } }).submission.id, timing: r.timing };
    if (attempt >= 5 || (r.status !== 0 && r.status !== 503 && r.status !== 429))
      throw new Error(`submission answered ${r.status}: ${JSON.stringify(r.json).slice(0, 300)}`);
    await sleep(500 * attempt);
  }
}

async function inParallel<T>(items: readonly T[], clerks: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: clerks }, async () => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) await work(x);
    }),
  );
}

/** Current versions of the bureau evaluated at or after `since`, except `except` (the new versions themselves). */
/** A GET, tried again when the connection drops (wrangler dev closes idle keep-alive sockets under load). */
async function getJson<T>(url: string, token: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(600_000),
      });
      if (r.status !== 200) throw new Error(`GET ${url} answered ${r.status}: ${(await r.text()).slice(0, 200)}`);
      return (await r.json()) as T;
    } catch (e) {
      if (attempt >= 3 || !(e instanceof TypeError)) throw e;
      await sleep(1000);
    }
  }
}

async function reevaluatedSince(
  base: string,
  reviewer: string,
  since: string,
  except: ReadonlySet<string>,
): Promise<{ n: number; stale: number }> {
  let n = 0;
  let stale = 0;
  for (const year of HISTORY_YEARS) {
    const list = await getJson<SubmissionList>(`${base}/api/v1/submissions?year=${year}`, reviewer);
    const current = list.items.filter((s) => s.current && !except.has(s.id));
    n += current.filter((s) => s.evaluatedAt >= since).length;
    stale += current.filter((s) => s.stale).length;
  }
  return { n, stale };
}

export interface HistoryFigures {
  district: { schools: number; teachers: number; ledgers: number; setupMs: number };
  big: {
    teachers: number;
    trainingsPerYear: number;
    earlierYearsMs: number[];
    submit2025Ms: number[];
    /** The route's Server-Timing of each (its steps in ms). */
    submit2025Steps: (string | null)[];
    historyMs: number;
    historyBytes: number;
    historyRecords: number;
  };
  oneSchool2021: { ms: number; reevaluated: number };
  big2021: { ms: number; reevaluated: number };
  district2024: { ms: number; reevaluated: number; p50: number; max: number };
}

/** `track` hears of the worker it starts (and null once stopped), so that the caller can stop it on Ctrl-C. */
export async function historyScale(
  o: HistoryScaleOptions,
  log: (m: string) => void,
  track: (w: LocalWorker | null) => void,
): Promise<HistoryFigures> {
  let worker = await startLocalWorker({ port: o.port, schools: o.schools + 1 }, log);
  track(worker);
  try {
    const { base } = worker;
    const [bigSchool, ...rest] = worker.tokens.schools;
    // A restart re-issues the demo tokens: the current ones, by school code.
    const tokenOf = (s: { code: string }) => worker.tokens.schools.find((t) => t.code === s.code)!.token;
    const reviewer = () => worker.tokens.reviewer;
    // workerd's heap grows over a long run of submissions until it aborts (seen at 1.4 GB, after about
    // 1,800 submissions): each measured phase starts on a fresh worker over the same D1.
    const restart = async () => {
      const persistTo = worker.persistTo!;
      await worker.stop({ keepData: true });
      track(null);
      worker = await startLocalWorker({ port: o.port, schools: o.schools + 1, reuse: persistTo }, log);
      track(worker);
    };
    const district = new HistoryDistrict({
      schools: rest
        .slice(0, o.schools)
        .map((s, i) => ({ code: s.code, name: s.name, teachers: o.teachers, seed: 7000 + i })),
      moveYear: 2024,
      movers: 2,
    });
    const big = new HistoryDistrict({
      schools: [{ code: bigSchool!.code, name: bigSchool!.name, teachers: o.bigTeachers, seed: 6000 }],
      moveYear: 9999,
      movers: 0,
    });

    log(`history: submitting ${o.schools} schools × ${HISTORY_YEARS.length} years, one year at a time`);
    const setup = Date.now();
    for (const year of HISTORY_YEARS) {
      await inParallel(
        district.plan.schools.map((_, i) => i),
        10,
        async (i) => {
          await submitOnce(base, tokenOf(rest[i]!), bodyOf(year, district.ledger(i, year)));
        },
      );
      log(`history: ${year} stored (${((Date.now() - setup) / 1000).toFixed(0)} s)`);
    }
    const setupMs = Date.now() - setup;
    await restart();

    log(`history: the ${o.bigTeachers}-teacher school's 2021–2024 ledgers`);
    const earlierYearsMs: number[] = [];
    const ledgers = new Map(HISTORY_YEARS.map((y) => [y, big.ledger(0, y)]));
    for (const year of HISTORY_YEARS.slice(0, -1)) {
      earlierYearsMs.push((await submitOnce(base, tokenOf(bigSchool!), bodyOf(year, ledgers.get(year)!))).ms);
      log(`history: ${year}: ${(earlierYearsMs.at(-1)! / 1000).toFixed(2)} s`);
    }
    log('history: its 2025 ledger, three times (the first version, then two corrections)');
    let ledger2025 = ledgers.get(2025)!;
    const submit2025Ms: number[] = [];
    const submit2025Steps: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await submitOnce(base, tokenOf(bigSchool!), bodyOf(2025, ledger2025));
      submit2025Ms.push(r.ms);
      submit2025Steps.push(r.timing);
      log(`history: 2025: ${(submit2025Ms.at(-1)! / 1000).toFixed(2)} s`);
      ledger2025 = corrected(ledger2025);
    }

    log('history: POST /history for its roster');
    const ids = rosterIds(ledger2025);
    const times: number[] = [];
    let bytes = 0;
    let records = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = await fetch(`${base}/api/v1/history`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokenOf(bigSchool!)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ year: 2025, ids }),
      });
      const text = await r.text();
      times.push(performance.now() - t);
      log(`history: POST /history ${(times.at(-1)! / 1000).toFixed(2)} s`);
      if (r.status !== 200) throw new Error(`history answered ${r.status}: ${text.slice(0, 200)}`);
      bytes = Buffer.byteLength(text);
      records = (JSON.parse(text) as { teachers: { trainings: unknown[] }[] }).teachers.reduce(
        (a, t) => a + t.trainings.length,
        0,
      );
    }

    log('history: one district school corrects its 2021 ledger');
    const correct = async (token: string, year: number, grid: ReturnType<HistoryDistrict['ledger']>) => {
      const since = new Date().toISOString();
      const r = await submitOnce(base, token, bodyOf(year, corrected(grid)));
      const after = await reevaluatedSince(base, reviewer(), since, new Set([r.id]));
      log(`history: ${(r.ms / 1000).toFixed(2)} s, ${after.n} other verdicts re-evaluated, ${after.stale} left stale`);
      return { ms: r.ms, reevaluated: after.n };
    };
    const oneSchool2021 = await correct(tokenOf(rest[0]!), 2021, district.ledger(0, 2021));
    log('history: the large school corrects its 2021 ledger');
    const big2021 = await correct(tokenOf(bigSchool!), 2021, ledgers.get(2021)!);

    await restart();
    log(`history: all ${o.schools} district schools correct their 2024 ledgers, 10 at a time`);
    const since = new Date().toISOString();
    const started = Date.now();
    const each: number[] = [];
    const fresh = new Set<string>();
    await inParallel(
      district.plan.schools.map((_, i) => i),
      10,
      async (i) => {
        const r = await submitOnce(base, tokenOf(rest[i]!), bodyOf(2024, corrected(district.ledger(i, 2024))));
        each.push(r.ms);
        fresh.add(r.id);
      },
    );
    const ms = Date.now() - started;
    const after = await reevaluatedSince(base, reviewer(), since, fresh);
    const district2024 = { ms, reevaluated: after.n, p50: median(each), max: Math.max(...each) };
    log(`history: ${(ms / 1000).toFixed(1)} s, ${after.n} other verdicts re-evaluated, ${after.stale} left stale`);

    return {
      district: {
        schools: o.schools,
        teachers: o.schools * o.teachers,
        ledgers: o.schools * HISTORY_YEARS.length,
        setupMs,
      },
      big: {
        teachers: o.bigTeachers,
        trainingsPerYear: ledgers.get(2025)!.sheets[2]!.rows.length - 1,
        earlierYearsMs,
        submit2025Ms,
        submit2025Steps,
        historyMs: median(times),
        historyBytes: bytes,
        historyRecords: records,
      },
      oneSchool2021,
      big2021,
      district2024,
    };
  } catch (e) {
    log(`history: failed; the worker's last words:\n${worker.stderrTail().join('\n')}`);
    throw e;
  } finally {
    await worker.stop();
    track(null);
  }
}

export function renderHistoryFigures(
  f: HistoryFigures,
  lookupStatements: { teachers: number; statements: number; batches: number }[],
): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    '',
    `History (${f.district.schools} schools × ${f.district.teachers / f.district.schools} teachers × 5 years = ${f.district.ledgers} ledgers, stored in ${s(f.district.setupMs)}; two teachers of every school move in 2024):`,
    ...lookupStatements.map(
      (l) =>
        `  history lookup for ${l.teachers} teachers: ${l.statements} statements in ${l.batches} batch (counted on a stand-in D1)`,
    ),
    `  ${f.big.teachers}-teacher school (${f.big.trainingsPerYear} trainings a year), 2021–2024 stored in ${f.big.earlierYearsMs.map(s).join(' / ')}`,
    `  its 2025 submission with four years of history, end to end: ${f.big.submit2025Ms.map(s).join(' / ')} (median ${s(median(f.big.submit2025Ms))})`,
    ...f.big.submit2025Steps.map((t, i) => `    steps of submission ${i + 1} (Server-Timing, ms): ${t ?? 'none'}`),
    `  POST /history for its roster: ${s(f.big.historyMs)} (median of 3), ${(f.big.historyBytes / 1e6).toFixed(1)} MB, ${f.big.historyRecords} trainings`,
    `  one 100-teacher school corrects 2021: ${s(f.oneSchool2021.ms)}, ${f.oneSchool2021.reevaluated} other verdicts re-evaluated`,
    `  the ${f.big.teachers}-teacher school corrects 2021: ${s(f.big2021.ms)}, ${f.big2021.reevaluated} other verdicts re-evaluated`,
    `  all ${f.district.schools} schools correct 2024 (10 at a time): ${s(f.district2024.ms)} in all, p50 ${s(f.district2024.p50)}, max ${s(f.district2024.max)}, ${f.district2024.reevaluated} other verdicts re-evaluated`,
    '',
  ];
}
