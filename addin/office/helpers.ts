/**
 * The one module that knows about Office.js and @microsoft/office-js-helpers. The helpers package
 * is old (2018): its host detection reads Office internals, so hosting is decided here with
 * Office.onReady; what it does well, a namespaced localStorage with JSON values, is kept.
 * office.js itself is injected only when Office hosts the page (the URL or the session carries
 * Office's _host_Info); in a plain browser nothing is fetched from outside the origin.
 */
import { Storage, StorageType } from '@microsoft/office-js-helpers';
import type { Lang } from '../../shared/contract/codes.js';
import type { ExcelCaps } from '../excel/caps.js';
import { langFromLocale } from '../ui/messages.js';

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_LOAD_TIMEOUT_MS = 15_000;

export type HostKind = 'excel' | 'standalone';

export interface HostInfo {
  kind: HostKind;
  lang: Lang;
  caps: ExcelCaps;
}

/** Office opens the pane with ?_host_Info=Excel$Win32$16.01$zh-CN$… and keeps it for the session. */
export function isOfficeHosted(search: string, session: Pick<globalThis.Storage, 'getItem'> | null): boolean {
  if (/[?&]_host_Info=/i.test(search)) return true;
  return Boolean(session?.getItem('hostInfoValue'));
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(script);
  });
}

function sessionStore(): globalThis.Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage access can throw in sandboxed frames: then there is no session to consult.
    return null;
  }
}

function excelCaps(): ExcelCaps {
  const supports = (v: string) => Office.context.requirements.isSetSupported('ExcelApi', v);
  return {
    annotations: supports('1.18') ? 'notes' : supports('1.10') ? 'comments' : 'none',
    suspend: supports('1.9'),
  };
}

/** Decides where the page runs; in Office, waits for Office.onReady. */
export async function detectHost(): Promise<HostInfo> {
  const standalone: HostInfo = { kind: 'standalone', lang: langFromLocale(navigator.language), caps: { annotations: 'none', suspend: false } };
  if (!isOfficeHosted(location.search, sessionStore())) return standalone;
  await Promise.race([
    loadScript(OFFICE_JS_URL),
    new Promise((_, reject) => setTimeout(() => reject(new Error('office.js did not load')), OFFICE_LOAD_TIMEOUT_MS)),
  ]);
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return standalone;
  return { kind: 'excel', lang: langFromLocale(Office.context.displayLanguage), caps: excelCaps() };
}

/** Remembered on this computer (the pane's origin storage, which Office keeps per add-in). */
let store: Storage<string> | null = null;

function local(): Storage<string> {
  store ??= new Storage<string>('shixun', StorageType.LocalStorage);
  return store;
}

export function remember(key: string, value: string | null): void {
  if (value === null) {
    if (local().has(key)) local().delete(key);
  } else local().set(key, value);
}

export function recall(key: string): string | null {
  return local().has(key) ? local().get(key) : null;
}

/** Per-document memory (the marks registry): Office's document settings, saved with the workbook. */
export function documentSetting<T>(key: string): T | null {
  const v = Office.context.document.settings.get(key) as T | null | undefined;
  return v ?? null;
}

export function setDocumentSetting(key: string, value: unknown): Promise<void> {
  const settings = Office.context.document.settings;
  if (value === null) settings.remove(key);
  else settings.set(key, value);
  return new Promise((resolve, reject) => {
    settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error.message))));
  });
}
