import type { WorkbookGrid } from '../shared/grid.js';
export type XlsxBytes = ArrayBuffer | Uint8Array;
export type ReadXlsxResult = {
    ok: true;
    grid: WorkbookGrid;
} | {
    ok: false;
    code: 'xlsx.unreadable';
    message: string;
};
export declare function readXlsx(bytes: XlsxBytes): Promise<ReadXlsxResult>;
