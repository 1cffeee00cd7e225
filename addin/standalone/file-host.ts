/**
 * The page in a plain browser: the workbook is an .xlsx file opened (or dropped) here and read on
 * this computer by the xlsx adapter; fixes produce a new copy to download, never touching the
 * original; reports are shown in the page instead of written into sheets.
 */
import type { Fix } from '../../shared/contract/codes.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import type { ReportSheetSpec } from '../excel/report-sheet.js';
import { readXlsx } from '../../workbook/read.js';
import { applyFixes } from '../../workbook/write-fixes.js';
import { writeTemplate } from '../../workbook/write-template.js';
import { SHEET_LIST } from '../../shared/contract/sheets.js';
import { download, h, replace, table } from '../ui/dom.js';
import type { WorkbookHost } from '../ui/host.js';
import type { Messages } from '../ui/messages.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
  grid: WorkbookGrid;
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
  return name.replace(/(\.xlsx)?$/i, '-已修正.xlsx');
}

export function fileHost(initial: Messages): FileHost {
  let t = initial;
  let file: OpenedFile | null = null;
  /** The status line as a function of the language, so a switch re-renders it. */
  let statusText = (m: Messages) => m.noWorkbook;
  let fixed = false;
  const listeners: (() => void)[] = [];
  const status = h('p', { class: 'status', id: 'open-status', role: 'status' }, t.noWorkbook);
  const input = h('input', { type: 'file', id: 'file-input', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const reportArea = h('div', { class: 'report', id: 'report-area' });

  async function open(name: string, data: ArrayBuffer): Promise<void> {
    const bytes = new Uint8Array(data);
    const read = await readXlsx(bytes);
    if (!read.ok) {
      const message = read.message;
      statusText = (m) => m.unreadable(message);
      status.textContent = statusText(t);
      status.className = 'status error';
      return;
    }
    file = { name, bytes, grid: read.grid };
    fixed = false;
    const sheets = read.grid.sheets.length;
    statusText = (m) => m.opened(name, sheets);
    status.textContent = statusText(t);
    status.className = 'status ok';
    for (const l of listeners) l();
  }

  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) void f.arrayBuffer().then((b) => open(f.name, b));
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
    if (f) void f.arrayBuffer().then((b) => open(f.name, b));
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
        return { outcome: await validate(file.grid), grid: file.grid, syncs: 0 };
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
        const out = await applyFixes(file.bytes, fixes);
        const read = await readXlsx(out.bytes);
        if (!read.ok) throw new Error(read.message);
        file = { name: file.name, bytes: out.bytes, grid: read.grid };
        fixed = true;
        const current = file;
        result.downloadFixed = fixed ? () => download(fixedName(current.name), current.bytes, XLSX_TYPE) : null;
        return { applied: out.applied, skipped: out.skipped.length };
      },
      async createTemplate() {
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
