/// <reference lib="dom" />
// Code passed to page.evaluate / waitForFunction runs in the page and names DOM globals.
/**
 * Shared by every browser test (the pane's and the dashboard's): Chromium driven by playwright-core
 * (no browser is ever downloaded; scripts/chromium.ts finds it), and the server that global-setup.ts
 * started.
 */
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, expect, inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.js';

const browsers = new Set<Browser>();
let contextsBefore = new Set<BrowserContext>();

const openContexts = () => [...browsers].flatMap((b) => (b.isConnected() ? b.contexts() : []));

/**
 * Every test file that imports this module closes what its tests opened even when a test fails
 * halfway: the contexts (and with them the pages) a test created are closed after it, the browsers
 * after the file. Contexts a file opens in beforeAll stay open for all its tests.
 */
beforeEach(() => {
  contextsBefore = new Set(openContexts());
});
afterEach(async () => {
  await Promise.all(
    openContexts()
      .filter((c) => !contextsBefore.has(c))
      .map((c) => c.close()),
  );
});
afterAll(async () => {
  await Promise.all([...browsers].map((b) => b.close()));
  browsers.clear();
});

const violations: string[] = [];

/** The Content-Security-Policy violations any page of a launchBrowser() browser reported so far. */
export function cspViolations(): readonly string[] {
  return violations;
}

/** Chromium's report of a refused load or inline code: "Refused to … violates the following Content Security Policy directive". */
function watchCsp(page: Page): void {
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  page.on('worker', (w) =>
    w.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(`${w.url()}: ${m.text()}`)),
  );
}

/**
 * Chromium, with every page of every context watched for CSP violations (the worker's headers must
 * let the pane and the dashboard do all they do). browser.newPage goes through newContext too.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  browsers.add(browser);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', watchCsp);
    return context;
  };
  return browser;
}

export interface DemoSchool {
  code: string;
  name: string;
  token: string;
}

/** demo-tokens.json as scripts/start.ts writes it. */
export interface DemoTokens {
  admin: string;
  reviewer: string;
  bureau: { id: string; name: string };
  year: number;
  schools: DemoSchool[];
  /** A second bureau, for the tests that one bureau cannot see another's data. */
  otherBureau: { bureau: { id: string; name: string }; reviewer: string; schools: DemoSchool[] };
}

/** The base URL of the running server, e.g. http://127.0.0.1:8799. */
export function baseUrl(): string {
  return inject('baseUrl');
}

export function readTokens(): DemoTokens {
  return JSON.parse(readFileSync(inject('tokensFile'), 'utf8')) as DemoTokens;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    tokensFile: string;
  }
}

/**
 * Opens a page of the server, waiting out the moments when wrangler reloads its assets (another
 * `npm run build` in the same tree swaps dist/public and wrangler answers 500 until it has reloaded).
 */
export async function gotoWhenReady(page: Page, url: string, tries = 10): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const res = await page.goto(url).catch((err: Error) => err);
    if (!(res instanceof Error) && res?.ok()) return;
    if (attempt >= tries) throw res instanceof Error ? res : new Error(`${url} answered ${res?.status()}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/**
 * Presses 提交 and waits for the confirmation it asks for. Preparing reads the server's versions
 * and has the worker make the body, which on a loaded machine (the other test projects run beside
 * this one) takes longer than Playwright's 30 s default; and when the pane answers with a message
 * instead (blocked, another school, identical content), the test fails with that message.
 */
export async function askToSubmit(page: Page): Promise<void> {
  await page.click('#submit');
  await page.waitForFunction(
    () => document.querySelector('#confirm') ?? document.querySelector('#submit-status.error, #submit-status.ok'),
    null,
    { timeout: 120_000 },
  );
  expect(await page.locator('#confirm').count(), (await page.textContent('#submit-status')) ?? '').toBe(1);
}
