/**
 * The page in a plain browser: the workbook is a file opened (or dropped) here — .xlsx, .xls, WPS
 * .et or .csv — and read on this computer, in the pane's Web Worker (off the page's thread); fixes
 * produce a new .xlsx copy to download, never touching the original; reports are shown in the page
 * instead of written into sheets. No DOM here: the pane's components render what these signals hold.
 *
 * A failed open closes the file opened before it (issue 10, "nothing stale"): `file` is cleared
 * before the new bytes are read, so no later 校验 or 提交 can use the old workbook.
 */
import { type Signal, signal } from '@preact/signals';
import type { Finding, Fix, Lang } from '../../shared/contract/codes.js';
import { SHEET_LIST } from '../../shared/contract/sheets.js';
import type { FileKind } from '../../shared/files/index.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import type { AnnotationText } from '../../workbook/write-annotated.js';
import type { ReportSheetSpec } from '../excel/report-sheet.js';
import { download } from '../ui/download.js';
import type { WorkbookHost } from '../ui/host.js';
import type { ValidationClient } from '../ui/validation-client.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
  grid: WorkbookGrid;
  /** What the file turned out to be (by its content, not its name). */
  fileKind: FileKind;
  /** SHA-256 of the bytes, lower-case hex: what a receipt names. */
  contentHash: string;
  /** Counts every open and every fixed copy: a validation run belongs to one of them. */
  serial: number;
  /** True once fixes were applied: the copy differs from the clerk's file. */
  fixed: boolean;
}

export type OpenOutcome = { ok: true; file: OpenedFile } | { ok: false; code: string; message: string };

export interface FileHost {
  host: WorkbookHost;
  /** The open workbook; null before any open and after a failed one. */
  file: Signal<OpenedFile | null>;
  /** Report sheets shown in the page, one per name, in the order first shown. */
  reports: Signal<ReportSheetSpec[]>;
  /** Closes the current file, then reads the new one; a failure leaves no file open. */
  open(name: string, bytes: Uint8Array): Promise<OpenOutcome>;
  /** Saves the fixed copy (after fixes were applied). */
  downloadFixed(): void;
  /** Saves a copy of the open workbook with every finding marked at its cell and listed. */
  downloadAnnotated(findings: readonly Finding[], text: AnnotationText): Promise<void>;
}

type Read =
  | { ok: true; grid: WorkbookGrid; fileKind: FileKind; contentHash: string }
  | { ok: false; code: string; message: string };

/**
 * Reads a file in the pane's Web Worker (workbook/read-file.ts there): a file it cannot read comes
 * back as its file.* code and the clerk's message in `lang`; the cells come back in pieces the
 * page's thread takes in without a pause.
 */
async function readInWorker(client: ValidationClient, name: string, bytes: Uint8Array, lang: Lang): Promise<Read> {
  const opened = await client.open(new Blob([bytes as Uint8Array<ArrayBuffer>]), name, lang);
  if (!opened.ok) return { ok: false, code: opened.code, message: opened.message };
  return {
    ok: true,
    grid: await client.openedGrid(),
    fileKind: opened.file.fileKind,
    contentHash: opened.file.contentHash,
  };
}

function copyName(name: string, suffix: string): string {
  return name.replace(/(\.[^.]*)?$/, `-${suffix}.xlsx`);
}

export function fileHost(client: ValidationClient, lang: () => Lang = () => 'zh'): FileHost {
  const file = signal<OpenedFile | null>(null);
  const reports = signal<ReportSheetSpec[]>([]);
  let serial = 0;

  async function open(name: string, bytes: Uint8Array): Promise<OpenOutcome> {
    file.value = null;
    const read = await readInWorker(client, name, bytes, lang());
    if (!read.ok) return read;
    const { grid, fileKind, contentHash } = read;
    const opened: OpenedFile = { name, bytes, grid, fileKind, contentHash, serial: ++serial, fixed: false };
    file.value = opened;
    return { ok: true, file: opened };
  }

  const host: WorkbookHost = {
    kind: 'standalone',
    async validate(validate, progress) {
      const current = file.value;
      if (!current) return null;
      progress('validate', 0, 1);
      return { outcome: await validate(current.grid), grid: current.grid, syncs: 0, source: current.serial };
    },
    async clearMarks() {
      return 0;
    },
    async select() {
      // The page shows the finding's detail itself; there is no sheet to move to.
    },
    async applyFixes(fixes: readonly Fix[]) {
      const current = file.value;
      if (!current) return { applied: 0, skipped: fixes.length };
      const { applyFixes, gridToXlsx } = await import('../../workbook/write-fixes.js');
      // An .xls, .et or .csv has no .xlsx to copy: its fixed copy is written from its cells.
      const original = current.fileKind === 'xlsx' ? current.bytes : await gridToXlsx(current.grid);
      const out = await applyFixes(original, fixes);
      const read = await readInWorker(client, current.name, out.bytes, lang());
      if (!read.ok) throw new Error(read.message);
      const { grid, fileKind, contentHash } = read;
      file.value = { name: current.name, bytes: out.bytes, grid, fileKind, contentHash, serial: ++serial, fixed: true };
      return { applied: out.applied, skipped: out.skipped.length };
    },
    async createTemplate() {
      const { writeTemplate } = await import('../../workbook/write-template.js');
      download('师训台账模板.xlsx', await writeTemplate(), XLSX_TYPE);
      return { added: SHEET_LIST.map((s) => s.name), kept: [] };
    },
    async showReport(spec: ReportSheetSpec) {
      const others = reports.value.filter((r) => r.name !== spec.name);
      const at = reports.value.findIndex((r) => r.name === spec.name);
      reports.value = at < 0 ? [...others, spec] : [...others.slice(0, at), spec, ...others.slice(at)];
    },
    sourceName: () => file.value?.name ?? null,
  };

  return {
    host,
    file,
    reports,
    open,
    downloadFixed() {
      const current = file.value;
      if (current?.fixed) download(copyName(current.name, '已修正'), current.bytes, XLSX_TYPE);
    },
    async downloadAnnotated(findings, text) {
      const current = file.value;
      if (!current) return;
      const { annotateWorkbook } = await import('../../workbook/write-annotated.js');
      const bytes = await annotateWorkbook({ bytes: current.bytes, grid: current.grid }, findings, text);
      download(copyName(current.name, '问题标注'), bytes, XLSX_TYPE);
    },
  };
}
