/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Code passed to page.evaluate runs in the page and names DOM globals.
/**
 * What "the pane fits" means, checked in the page the same way at every width for both the
 * standalone page and the pane in Excel: no element reaching past the right edge and no box that
 * scrolls sideways, the Apply button inside the view, and no code or rule id in the visible text.
 */
import type { Page } from 'playwright-core';
import { FINDING_CODES, FIX_CODES } from '../../shared/contract/codes.js';
import { RULE_IDS } from '../../shared/labels/index.js';

/** A task pane's widths (Excel on Windows and Mac, Excel on the web) and a desktop browser's. */
export const WIDTHS = [320, 350, 420, 1280] as const;

/** Elements that stick out to the right or scroll sideways, named by their section, id and class. */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const name = (el: Element) => {
      const section =
        el.closest('section, .report-sheet, header')?.id ||
        el.closest('.report-sheet')?.getAttribute('data-sheet') ||
        '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : '';
      return `${section ? `#${section} ` : ''}${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}`;
    };
    const bad: string[] = [];
    if (document.documentElement.scrollWidth > width)
      bad.push(`page is ${document.documentElement.scrollWidth} px wide`);
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > width + 0.5 || r.left < -0.5)
        bad.push(`${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
      const x = getComputedStyle(el).overflowX;
      if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1)
        bad.push(`${name(el)} scrolls sideways`);
    }
    return bad.slice(0, 20);
  });
}

/** The document and every section (and the report area): how far each is wider than its box. */
export function sectionsTooWide(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes: Element[] = [document.documentElement, ...document.querySelectorAll('section, #report-area')];
    return boxes
      .filter((el) => el.scrollWidth > el.clientWidth)
      .map((el) => `${el.id || el.tagName.toLowerCase()}: ${el.scrollWidth} > ${el.clientWidth} px`);
  });
}

/** True when the element is entirely inside the window. */
export function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return (
      r.width > 0 &&
      r.top >= 0 &&
      r.left >= 0 &&
      r.bottom <= window.innerHeight &&
      r.right <= document.documentElement.clientWidth
    );
  }, selector);
}

const CODES = [...Object.keys(FINDING_CODES), ...FIX_CODES, ...RULE_IDS];

/**
 * Finding codes, fix codes and rule ids found in the page's visible text (a closed 代码 detail is
 * not visible), plus anything shaped like an identifier of ours (snake_case, or dotted words).
 */
export async function rawCodesIn(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point (a closed 代码 detail is not read).
  const text = await page.evaluate(() => document.body.innerText);
  const found = new Set<string>();
  for (const code of CODES)
    if (new RegExp(`(^|[^a-z_.])${code.replace(/\./g, '\\.')}($|[^a-z_])`).test(text)) found.add(code);
  for (const m of text.matchAll(/\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]+\.[a-z_]+\b/g)) {
    // File names (台账.xlsx) are the clerk's own; only the extension follows the dot there.
    if (!/^[a-z]+\.(xlsx|xlsm|xls|et|csv)$/.test(m[0])) found.add(m[0]);
  }
  return [...found];
}
