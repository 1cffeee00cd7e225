import type { Lang } from '../../shared/contract/codes.js';
import type { ExcelCaps } from '../excel/caps.js';
export declare const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export type HostKind = 'excel' | 'standalone';
export interface HostInfo {
    kind: HostKind;
    lang: Lang;
    caps: ExcelCaps;
}
/** Office opens the pane with ?_host_Info=Excel$Win32$16.01$zh-CN$… and keeps it for the session. */
export declare function isOfficeHosted(search: string, session: Pick<globalThis.Storage, 'getItem'> | null): boolean;
/** Decides where the page runs; in Office, waits for Office.onReady. */
export declare function detectHost(): Promise<HostInfo>;
export declare function remember(key: string, value: string | null): void;
export declare function recall(key: string): string | null;
/** Per-document memory (the marks registry): Office's document settings, saved with the workbook. */
export declare function documentSetting<T>(key: string): T | null;
export declare function setDocumentSetting(key: string, value: unknown): Promise<void>;
