/**
 * The one module that knows about Office.js and @microsoft/office-js-helpers. The helpers package
 * is old (2018): its host detection reads Office internals, so hosting is decided here with
 * Office.onReady; what it does well, a namespaced localStorage with JSON values, is kept.
 * office.js itself is injected only when Office hosts the page (the URL or the session carries
 * Office's _host_Info), from the CDN of the cloud the manifest names (office-js.ts); in a plain
 * browser nothing is fetched from outside the origin.
 */
import { Storage, StorageType } from '@microsoft/office-js-helpers';
import type { Lang } from '../../shared/contract/codes.js';
import { capsFrom, type ExcelCaps, highestExcelApi, NO_CAPS } from '../excel/caps.js';
import { langFromLocale } from '../ui/messages.js';
import { CLOUD_PARAM, cloudFromSearch, OFFICE_JS_URLS, type OfficeCloud } from './office-js.js';

/** The global cloud's office.js (the browser tests answer it with a stand-in). */
export const OFFICE_JS_URL = OFFICE_JS_URLS.global;
const OFFICE_LOAD_TIMEOUT_MS = 15_000;
const CLOUD_KEY = 'shixun.cloud';

export type HostKind = 'excel' | 'standalone';

export interface HostInfo {
  kind: HostKind;
  lang: Lang;
  /** What this Excel can do (the minimum when standalone); missingFeatures(caps, lang) says what it lacks. */
  caps: ExcelCaps;
  /** The newest ExcelApi version this Excel supports ("1.8"); null when standalone. */
  excelApi: string | null;
  /** Which Office cloud's CDN office.js came from. */
  cloud: OfficeCloud;
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

/**
 * The page's cloud: from its query, else from earlier in this session (the query of the URL Office
 * opened the pane with is where the manifest put it; the session keeps it like Office's _host_Info).
 */
export function pageCloud(
  search: string,
  session: Pick<globalThis.Storage, 'getItem' | 'setItem'> | null,
): OfficeCloud {
  if (new URLSearchParams(search).has(CLOUD_PARAM)) {
    const cloud = cloudFromSearch(search);
    session?.setItem(CLOUD_KEY, cloud);
    return cloud;
  }
  return cloudFromSearch(`?${CLOUD_PARAM}=${session?.getItem(CLOUD_KEY) ?? ''}`);
}

const supportsExcelApi = (version: string) => Office.context.requirements.isSetSupported('ExcelApi', version);

/** Decides where the page runs; in Office, loads office.js from the cloud's CDN and waits for Office.onReady. */
export async function detectHost(): Promise<HostInfo> {
  const session = sessionStore();
  const cloud = pageCloud(location.search, session);
  const standalone: HostInfo = {
    kind: 'standalone',
    lang: langFromLocale(navigator.language),
    caps: NO_CAPS,
    excelApi: null,
    cloud,
  };
  if (!isOfficeHosted(location.search, session)) return standalone;
  await Promise.race([
    loadScript(OFFICE_JS_URLS[cloud]),
    new Promise((_, reject) => setTimeout(() => reject(new Error('office.js did not load')), OFFICE_LOAD_TIMEOUT_MS)),
  ]);
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return standalone;
  return {
    kind: 'excel',
    lang: langFromLocale(Office.context.displayLanguage),
    caps: capsFrom(supportsExcelApi),
    excelApi: highestExcelApi(supportsExcelApi),
    cloud,
  };
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
    settings.saveAsync((r) =>
      r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error.message)),
    );
  });
}
