/**
 * A stand-in for office.js, served by the browser test in place of Microsoft's CDN file: just
 * enough of Office (host, display language, requirement sets, document settings) and of Excel
 * (Excel.run over test/addin/fake-excel.ts in live mode) to drive the real pane in Chromium.
 * The workbook starts as window.__FAKE_SHEETS__ and is inspected through window.__fakeExcel.
 *
 * Capability level: the newest ExcelApi the stand-in has is window.__FAKE_EXCEL_API__ (set by the
 * test with addInitScript), else the page's `fakeExcelApi` query parameter (for a person trying the
 * pane by hand: taskpane.html?_host_Info=…&fakeExcelApi=1.1), else 'current'. isSetSupported
 * answers from it, and the fake workbook refuses every member above it as Excel does (the sync
 * fails; window.__fakeExcel.violations lists them).
 */
import { compareApiVersions, KNOWN_EXCEL_API_VERSIONS } from '../../../addin/excel/api-sets.js';
import { type FakeSheet, fakeExcel } from '../../addin/fake-excel.js';

declare global {
  interface Window {
    __FAKE_SHEETS__?: FakeSheet[];
    __FAKE_LANGUAGE__?: string;
    /** '1.1', '1.8', … or 'current'. */
    __FAKE_EXCEL_API__?: string;
    __fakeExcel: ReturnType<typeof fakeExcel>;
    /** Set once the pane has called Office.onReady. */
    __officeReady?: boolean;
  }
}

const globals = window as unknown as Record<string, unknown>;

const level = window.__FAKE_EXCEL_API__ ?? new URLSearchParams(location.search).get('fakeExcelApi') ?? 'current';
const workbook = fakeExcel(window.__FAKE_SHEETS__ ?? [], { live: true, api: level });
window.__fakeExcel = workbook;
const settings = new Map<string, unknown>();
const newest = level === 'current' ? KNOWN_EXCEL_API_VERSIONS[KNOWN_EXCEL_API_VERSIONS.length - 1]! : level;

globals.Excel = {
  run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => batch(workbook.context),
};

globals.Office = {
  HostType: { Excel: 'Excel' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  onReady: async () => {
    window.__officeReady = true;
    return { host: 'Excel', platform: 'PC' };
  },
  context: {
    displayLanguage: window.__FAKE_LANGUAGE__ ?? 'zh-CN',
    requirements: {
      isSetSupported: (set: string, version = '1.1') => set === 'ExcelApi' && compareApiVersions(version, newest) <= 0,
    },
    document: {
      settings: {
        get: (key: string) => settings.get(key) ?? null,
        set: (key: string, value: unknown) => void settings.set(key, JSON.parse(JSON.stringify(value))),
        remove: (key: string) => void settings.delete(key),
        saveAsync: (callback: (r: { status: string }) => void) => callback({ status: 'succeeded' }),
      },
    },
  },
};
