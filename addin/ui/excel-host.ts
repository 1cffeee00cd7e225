/** The pane inside Excel: every operation is one Excel.run over the plain functions of excel/. */
import type { Fix } from '../../shared/contract/codes.js';
import type { ExcelCaps } from '../excel/caps.js';
import { applyFixes, selectCell } from '../excel/apply-fixes.js';
import { createTemplate } from '../excel/create-template.js';
import { clearMarks, markFindings, type MarkRegistry } from '../excel/mark-findings.js';
import { readWorkbook } from '../excel/read-workbook.js';
import { writeReportSheet, type ReportSheetSpec } from '../excel/report-sheet.js';
import { documentSetting, setDocumentSetting } from '../office/helpers.js';
import type { WorkbookHost } from './host.js';

const MARKS_KEY = 'shixun.marks';

export function excelHost(caps: ExcelCaps): WorkbookHost {
  return {
    kind: 'excel',

    // Read, validate and mark in one Excel.run: the objects of the earlier marks that the read
    // finds are removed in the marking batch, so re-validating costs no extra round trip.
    validate: (validate, progress) =>
      Excel.run(async (context) => {
        progress('read', 0, 1);
        const read = await readWorkbook(context, {
          caps,
          marks: documentSetting<MarkRegistry>(MARKS_KEY),
          onProgress: (done, total) => progress('read', done, total),
        });
        const outcome = await validate(read.grid);
        progress('mark', 0, 1);
        const marked = await markFindings(context, read, outcome.result.findings, caps);
        await setDocumentSetting(MARKS_KEY, marked.registry);
        return { outcome, grid: read.grid, syncs: read.syncs + marked.syncs };
      }),

    clearMarks: () =>
      Excel.run(async (context) => {
        const out = await clearMarks(context, documentSetting<MarkRegistry>(MARKS_KEY), caps);
        await setDocumentSetting(MARKS_KEY, null);
        return out.removed;
      }),

    select: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),

    applyFixes: (fixes: readonly Fix[]) =>
      Excel.run(async (context) => {
        const out = await applyFixes(context, fixes, caps);
        return { applied: out.applied.length, skipped: out.skipped.length };
      }),

    createTemplate: () =>
      Excel.run(async (context) => {
        const out = await createTemplate(context, caps);
        return { added: [...out.added, ...out.filled], kept: out.kept };
      }),

    showReport: (spec: ReportSheetSpec) =>
      Excel.run(async (context) => {
        await writeReportSheet(context, spec, caps);
      }),

    // The document's URL ends in its file name (a local path, or a OneDrive/SharePoint URL); a
    // workbook never saved has none.
    sourceName: () => {
      const last = (Office.context.document.url ?? '').split('?')[0]!.split(/[\\/]/).pop() ?? '';
      let name = last;
      try {
        name = decodeURIComponent(last);
      } catch {
        // A local path may hold a bare %: then it is the name as it stands.
      }
      return name === '' ? null : name;
    },
  };
}
