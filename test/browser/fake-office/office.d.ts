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
