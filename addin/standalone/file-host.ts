/**
 * The page in a plain browser: the workbook is a file opened (or dropped) here — .xlsx, .xls, WPS
 * .et or .csv — and read on this computer, in the Web Worker that also validates it; fixes produce a
 * new .xlsx copy to download, never touching the original; reports are shown in the page instead
 * of written into sheets. A file that fails to open closes the one opened before.
 */
import type { Fix, Lang } from '../../shared/contract/codes.js';
import { fileErrorMessage, type FileError } from '../../shared/files/index.js';
import type { ReportSheetSpec } from '../excel/report-sheet.js';
import { SHEET_LIST } from '../../shared/contract/sheets.js';
import { download, h, replace, table } from '../ui/dom.js';
import type { WorkbookHost } from '../ui/host.js';
import { MESSAGES, type Messages } from '../ui/messages.js';
import type { OpenedFile, ValidationClient } from '../ui/validation-client.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The open file: its bytes stay in the Blob (read again only to write a fixed copy). */
interface OpenFile {
  blob: Blob;
  info: OpenedFile;
}

export interface FileHost {
  host: WorkbookHost;
  /** The "open a file" section, with drop support on the whole page. */
  openSection: HTMLElement;
  /** Where report sheets are shown. */
  reportArea: HTMLElement;
  /** Offers the fixed copy for download (null before any fix). */
  downloadFixed: (() => void) | null;
  onOpened: (listener: () => void) => void;
  /** Re-labels the open section after a language switch. */
  relabel: (t: Messages) => void;
}

function fixedName(name: string): string {
  return name.replace(/(\.(xlsx|xlsm|xls|et|csv))?$/i, '-已修正.xlsx');
}

const langOf = (m: Messages): Lang => (m === MESSAGES.en ? 'en' : 'zh');

export function fileHost(initial: Messages, client: ValidationClient): FileHost {
  let t = initial;
  let file: OpenFile | null = null;
  /** The status line as a function of the language, so a switch re-renders it. */
  let statusText = (m: Messages) => m.noWorkbook;
  let fixed = false;
  const listeners: (() => void)[] = [];
  const status = h('p', { class: 'status', id: 'open-status', role: 'status' }, t.noWorkbook);
  const input = h('input', { type: 'file', id: 'file-input', accept: '.xlsx,.xlsm,.xls,.et,.csv' });
  const reportArea = h('div', { class: 'report', id: 'report-area' });

  async function open(name: string, blob: Blob): Promise<void> {
    // Closed before the new file is read: a failure below leaves nothing that could be validated or sent.
    file = null;
    fixed = false;
    result.downloadFixed = null;
    for (const l of listeners) l();
    const opened = await openInWorker(client, name, blob, langOf(t));
    if (!opened.ok) {
      const error = opened.error;
      statusText = (m) => m.unreadable(fileErrorMessage(error, langOf(m)));
      status.textContent = statusText(t);
      status.className = 'status error';
      return;
    }
    file = { blob, info: opened.file };
    const sheets = opened.file.sheets.length;
    statusText = (m) => m.opened(name, sheets);
    status.textContent = statusText(t);
    status.className = 'status ok';
    for (const l of listeners) l();
  }

  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) void open(f.name, f);
  });
  const hint = h('span', {}, t.openHint);
  const chooser = h('label', { class: 'button', for: 'file-input' }, t.openButton);
  const drop = h('div', { class: 'drop', id: 'drop-zone' }, hint, ' ', chooser, input);
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  document.addEventListener('dragleave', () => drop.classList.remove('over'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f) void open(f.name, f);
  });
  const heading = h('h2', {}, t.openTitle);
  const openSection = h('section', { id: 'open' }, heading, drop, status);

  const result: FileHost = {
    openSection,
    reportArea,
    downloadFixed: null,
    onOpened: (l) => listeners.push(l),
    relabel: (m) => {
      t = m;
      heading.textContent = m.openTitle;
      hint.textContent = m.openHint;
      chooser.textContent = m.openButton;
      status.textContent = statusText(m);
    },
    host: {
      kind: 'standalone',
      async validate(validate, progress) {
        if (!file) return null;
        progress('validate', 0, 1);
        // The app's `validate` carries the year the clerk chose; the rewritten pane calls
        // client.validateOpened(year, lang) instead and skips this round trip of the grid.
        const grid = await client.openedGrid();
        return { outcome: await validate(grid), grid, syncs: 0 };
      },
      async clearMarks() {
        return 0;
      },
      async select(sheet, cell) {
        for (const row of document.querySelectorAll('tr.selected')) row.classList.remove('selected');
        const row = document.querySelector(`tr[data-sheet="${CSS.escape(sheet)}"][data-cell="${CSS.escape(cell)}"]`);
        row?.classList.add('selected');
        row?.scrollIntoView({ block: 'nearest' });
      },
      async applyFixes(fixes: readonly Fix[]) {
        if (!file) return { applied: 0, skipped: fixes.length };
        const { applyFixes, gridToXlsx } = await import('../../workbook/write-fixes.js');
        // An .xls or .csv has no .xlsx to copy: the fixed copy is written from its cells.
        const original = file.info.fileKind === 'xlsx' ? new Uint8Array(await file.blob.arrayBuffer()) : await gridToXlsx(await client.openedGrid());
        const out = await applyFixes(original, fixes);
        const name = file.info.name;
        const blob = new Blob([out.bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
        const opened = await openInWorker(client, name, blob, langOf(t));
        if (!opened.ok) throw new Error(fileErrorMessage(opened.error, langOf(t)));
        file = { blob, info: opened.file };
        fixed = true;
        result.downloadFixed = fixed ? () => download(fixedName(name), out.bytes, XLSX_TYPE) : null;
        return { applied: out.applied, skipped: out.skipped.length };
      },
      async createTemplate() {
        const { writeTemplate } = await import('../../workbook/write-template.js');
        download('师训台账模板.xlsx', await writeTemplate(), XLSX_TYPE);
        return { added: SHEET_LIST.map((s) => s.name), kept: [] };
      },
      async showReport(spec: ReportSheetSpec) {
        const id = `report-${spec.name}`;
        const block = h(
          'div',
          { class: 'report-sheet', id, 'data-sheet': spec.name },
          h('h3', {}, spec.heading),
          ...spec.summary.map((r) => h('p', { class: 'muted' }, r.filter((x) => x !== '').join('　'))),
          table(
            spec.header,
            spec.rows.map((r) => r.map((c, i) => (spec.percentColumns?.includes(i) && typeof c === 'number' ? `${(c * 100).toFixed(1)}%` : c))),
            { class: 'grid' },
          ),
        );
        const existing = reportArea.querySelector(`[data-sheet="${CSS.escape(spec.name)}"]`);
        if (existing) existing.replaceWith(block);
        else reportArea.append(block);
        if (spec.statusColumn !== undefined) {
          for (const tr of block.querySelectorAll('tbody tr')) {
            const text = tr.children[spec.statusColumn]?.textContent ?? '';
            const style = spec.statusStyles?.find((s) => s.text === text);
            if (style) (tr as HTMLElement).style.background = style.fill;
          }
        }
      },
    },
  };
  replace(reportArea);
  return result;
}

/**
 * Opens a file in the pane's Web Worker: the one function the page calls when a clerk picks a file.
 * A file the worker cannot read comes back as its file error (code and details, rendered in the
 * page's language); whatever was open before is closed either way.
 */
export async function openInWorker(
  client: ValidationClient,
  name: string,
  blob: Blob,
  lang: Lang,
  onProgress?: (done: number, total: number) => void,
): Promise<{ ok: true; file: OpenedFile } | { ok: false; error: FileError }> {
  const opened = await client.open(blob, name, lang, onProgress);
  return opened.ok ? opened : { ok: false, error: { code: opened.code, details: opened.details } };
}
