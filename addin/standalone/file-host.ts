/**
 * The page in a plain browser: the workbook is a file opened (or dropped) here — .xlsx, .xls, WPS
 * .et or .csv — and read on this computer, in the pane's Web Worker (off the page's thread), which
 * keeps its cells; fixes produce a new .xlsx copy (written there) to download, never touching the
 * original; reports are shown in the page
 * instead of written into sheets. No DOM here: the pane's components render what these signals hold.
 *
 * A failed open closes the file opened before it (issue 10, "nothing stale"): `file` is cleared
 * before the new bytes are read, so no later 校验 or 提交 can use the old workbook.
 */
import { type Signal, signal } from '@preact/signals';
import type { Fix, Lang } from '../../shared/contract/codes.js';
import { SHEET_LIST } from '../../shared/contract/sheets.js';
import type { FileKind } from '../../shared/files/index.js';
import type { AnnotationText } from '../../workbook/write-annotated.js';
import type { ReportSheetSpec } from '../excel/report-sheet.js';
import { download } from '../ui/download.js';
import type { WorkbookHost } from '../ui/host.js';
import type { ValidationClient } from '../ui/validation-client.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The open workbook as the page knows it. Its cells are in the pane's Web Worker, never here: the
 * page keeps the file itself (a reference, not a copy of its bytes) for the fixed copy's download.
 */
export interface OpenedFile {
  name: string;
  /** The clerk's file, or the fixed copy. */
  data: Blob;
  /** Each sheet's name and its number of rows. */
  sheets: { name: string; rows: number }[];
  /** What the file turned out to be (by its content, not its name). */
  fileKind: FileKind;
  /** SHA-256 of the bytes, lower-case hex: what a receipt names. */
  contentHash: string;
  /** Counts every open and every fixed copy: a validation run belongs to one of them. */
  serial: number;
  /** True once fixes were applied: the copy differs from the clerk's file. */
  fixed: boolean;
  /** The worker (ValidationClient.instance) that has it open. */
  worker: number;
}

export type OpenOutcome = { ok: true; file: OpenedFile } | { ok: false; code: string; message: string };

export interface FileHost {
  host: WorkbookHost;
  /** The open workbook; null before any open and after a failed one. */
  file: Signal<OpenedFile | null>;
  /** Report sheets shown in the page, one per name, in the order first shown. */
  reports: Signal<ReportSheetSpec[]>;
  /** Closes the current file, then reads the new one in the worker; a failure leaves no file open. */
  open(name: string, data: Blob): Promise<OpenOutcome>;
  /** Saves the fixed copy (after fixes were applied). */
  downloadFixed(): void;
  /** Saves a copy of the open workbook with validation `run`'s findings marked at their cells and listed. */
  downloadAnnotated(run: number, text: AnnotationText): Promise<void>;
}

function copyName(name: string, suffix: string): string {
  return name.replace(/(\.[^.]*)?$/, `-${suffix}.xlsx`);
}

export function fileHost(client: ValidationClient, lang: () => Lang = () => 'zh'): FileHost {
  const file = signal<OpenedFile | null>(null);
  const reports = signal<ReportSheetSpec[]>([]);
  let serial = 0;

  /**
   * Reads a file in the pane's Web Worker (workbook/read-file.ts there): a file it cannot read
   * comes back as its file.* code and the clerk's message in the pane's language.
   */
  async function open(name: string, data: Blob): Promise<OpenOutcome> {
    file.value = null;
    const read = await client.open(data, name, lang());
    if (!read.ok) return { ok: false, code: read.code, message: read.message };
    const { fileKind, contentHash, sheets } = read.file;
    const worker = client.instance;
    const opened: OpenedFile = { name, data, sheets, fileKind, contentHash, serial: ++serial, fixed: false, worker };
    file.value = opened;
    return { ok: true, file: opened };
  }

  /**
   * The worker that had the file open failed and was replaced by one holding nothing: the same
   * bytes are opened there again. Anything but the very file closes it (false: the clerk opens one).
   */
  async function reopen(current: OpenedFile): Promise<boolean> {
    const read = await client.open(current.data, current.name, lang());
    if (!read.ok || read.file.contentHash !== current.contentHash) {
      file.value = null;
      return false;
    }
    current.worker = client.instance;
    return true;
  }

  const host: WorkbookHost = {
    kind: 'standalone',
    async validate(validate, progress) {
      const current = file.value;
      if (!current) return null;
      progress('validate', 0, 1);
      if (current.worker !== client.instance && !(await reopen(current))) return null;
      return { outcome: await validate(null), syncs: 0, source: current.serial };
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
      // The worker writes the copy and opens it in place of the file: nothing of the old one stays there.
      file.value = null;
      const out = await client.fix(fixes, lang());
      if (!out.ok) {
        // Not written: the file and its run are still the worker's open ones.
        if (out.kept) file.value = current;
        throw new Error(out.message);
      }
      const { fileKind, contentHash, sheets } = out.file;
      const data = new Blob([out.bytes], { type: XLSX_TYPE });
      const worker = client.instance;
      file.value = { name: current.name, data, sheets, fileKind, contentHash, serial: ++serial, fixed: true, worker };
      return { applied: out.applied, skipped: out.skipped };
    },
    async createTemplate(options) {
      const { writeTemplate } = await import('../../workbook/write-template.js');
      const catalogueCodes = options?.catalogueCodes ?? [];
      download('师训台账模板.xlsx', await writeTemplate(SHEET_LIST, { catalogueCodes }), XLSX_TYPE);
      return { added: SHEET_LIST.map((s) => s.name), kept: [], codeDropdown: catalogueCodes.length > 0 };
    },
    async showReport(spec: ReportSheetSpec) {
      const others = reports.value.filter((r) => r.name !== spec.name);
      const at = reports.value.findIndex((r) => r.name === spec.name);
      reports.value = at < 0 ? [...others, spec] : [...others.slice(0, at), spec, ...others.slice(at)];
    },
    source: () => (file.value ? { name: file.value.name, hash: file.value.contentHash } : null),
  };

  return {
    host,
    file,
    reports,
    open,
    downloadFixed() {
      const current = file.value;
      if (current?.fixed) download(copyName(current.name, '已修正'), current.data, XLSX_TYPE);
    },
    async downloadAnnotated(run, text) {
      const current = file.value;
      if (!current) return;
      const bytes = await client.annotated(run, text);
      download(copyName(current.name, '问题标注'), bytes, XLSX_TYPE);
    },
  };
}
