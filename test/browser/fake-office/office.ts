/**
 * A stand-in for office.js, served by the browser test in place of Microsoft's CDN file: just
 * enough of Office (host, display language, requirement sets, document settings) and of Excel
 * (Excel.run over test/addin/fake-excel.ts in live mode) to drive the real pane in Chromium.
 * The workbook starts as window.__FAKE_SHEETS__ and is inspected through window.__fakeExcel.
 */
import { fakeExcel, type FakeSheet } from '../../addin/fake-excel.js';

declare global {
  interface Window {
    __FAKE_SHEETS__?: FakeSheet[];
    __FAKE_LANGUAGE__?: string;
    __fakeExcel: ReturnType<typeof fakeExcel>;
  }
}

const globals = window as unknown as Record<string, unknown>;

const workbook = fakeExcel(window.__FAKE_SHEETS__ ?? [], { live: true });
window.__fakeExcel = workbook;
const settings = new Map<string, unknown>();

globals.Excel = {
  run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => batch(workbook.context),
};

globals.Office = {
  HostType: { Excel: 'Excel' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  onReady: async () => ({ host: 'Excel', platform: 'PC' }),
  context: {
    displayLanguage: window.__FAKE_LANGUAGE__ ?? 'zh-CN',
    requirements: { isSetSupported: (set: string, version: string) => set === 'ExcelApi' && Number(version.split('.')[1]) <= 18 },
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
