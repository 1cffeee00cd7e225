import type { WorkbookGrid } from '../../shared/grid.js';
export interface WorkbookFile {
    path: string;
    bytes: Uint8Array;
    grid: WorkbookGrid;
}
export declare function requireXlsxPath(path: string, what: string): void;
export declare function readWorkbookFile(path: string): Promise<WorkbookFile>;
/** Writes OUT.xlsx; refuses to overwrite the input, which is never modified. */
export declare function writeWorkbookFile(out: string, bytes: Uint8Array, input?: string): Promise<void>;
