/// <reference lib="dom" />
// Code passed to page.evaluate / waitForFunction runs in the page and names DOM globals.
/**
 * `npm run bench:dashboard`: how long each page of the bureau dashboard takes to show its data, in
 * Debian's Chromium, against a worker on loopback seeded with a 300-school district (two thirds
 * submitted, as on a day before the deadline). Prints the median and worst of several runs for a
 * full page load and for an in-app navigation; the target is under 300 ms a page.
 */
import { chromium } from 'playwright-core';
import { createClient } from '../client/index.js';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium.js';
import { sleep, startLocalWorker } from './local-worker.js';

const SCHOOLS = 300;
const SUBMITTED = 200;
const RUNS = 7;
const PORT = 8796;

const log = (m: string) => process.stderr.write(`${m}\n`);
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;

const worker = await startLocalWorker({ port: PORT, schools: SCHOOLS, submit: SUBMITTED }, log);
try {
  const { base, tokens } = worker;
  const reviewer = createClient({ server: base, token: tokens.reviewer });
  const readSummary = async () => {
    const r = await reviewer.bureau.summary({ year: tokens.year });
    if (!r.ok) throw new Error(`the summary answered ${r.status ?? 'nothing'} ${r.code}`);
    return r.value;
  };
  // start.ts answers health before its demo submissions are all in: wait for them.
  let summary = await readSummary();
  for (
    const deadline = Date.now() + 300_000;
    summary.totals.submitted < SUBMITTED && Date.now() < deadline;
    summary = await readSummary()
  ) {
    log(`waiting for the demo submissions: ${summary.totals.submitted} of ${SUBMITTED}`);
    await sleep(3_000);
  }
  const school = summary.schools.filter((s) => s.submitted).sort((a, b) => b.teachers - a.teachers)[0]!;
  const pages: [string, string][] = [
    ['summary', `#/summary?year=${tokens.year}`],
    ['schools', `#/schools?year=${tokens.year}`],
    ['school', `#/school/${school.code}?year=${tokens.year}`],
    ['teachers', `#/teachers?year=${tokens.year}&rule=cycle_hours`],
    ['policy', `#/policy?year=${tokens.year}`],
  ];

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript((t) => sessionStorage.setItem('shixun.token', t), tokens.reviewer);
  const page = await context.newPage();
  const times = new Map<string, { full: number[]; inApp: number[] }>();
  // One unmeasured round first: the bundle and fonts come from cache afterwards, as for a reviewer.
  for (let run = 0; run <= RUNS; run++) {
    for (const [name, hash] of pages) {
      await page.goto('about:blank');
      await page.goto(`${base}/bureau/${hash}`);
      await page.waitForSelector(`main[data-ready="${name}"]`);
      const full = Number(await page.getAttribute('main', 'data-since-navigation-ms'));
      await page.evaluate(() => {
        location.hash = '#/nowhere';
      });
      await page.waitForSelector('main[data-ready="not-found"]');
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      await page.waitForSelector(`main[data-ready="${name}"]`);
      const inApp = Number(await page.getAttribute('main', 'data-load-ms'));
      if (run === 0) continue;
      const t = times.get(name) ?? { full: [], inApp: [] };
      t.full.push(full);
      t.inApp.push(inApp);
      times.set(name, t);
    }
  }
  await browser.close();

  console.log(
    `Bureau dashboard page times — ${summary.schools.length} schools, ${summary.totals.submitted} submitted, ${summary.totals.teachers} teachers; school page: ${school.name} (${school.teachers} teachers)`,
  );
  console.log(
    `Chromium 1366×768, ${RUNS} runs after a warm-up; "full" = navigation start to data painted, "in-app" = hash change to data painted\n`,
  );
  console.log('page       full median  full max  in-app median  in-app max  < 300 ms');
  for (const [name, t] of times) {
    const ok = median(t.full) < 300 ? 'yes' : 'NO';
    console.log(
      `${name.padEnd(9)}  ${String(median(t.full)).padStart(8)} ms  ${String(Math.max(...t.full)).padStart(5)} ms  ${String(median(t.inApp)).padStart(10)} ms  ${String(Math.max(...t.inApp)).padStart(7)} ms  ${ok}`,
    );
  }
} finally {
  await worker.stop();
}
