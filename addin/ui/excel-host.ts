/**
 * The pane inside Excel: every operation is one of addin/office/excel-session.ts's Excel.run
 * functions (the "excel" engineer's), at the capability level detectHost() found.
 */
import type { Fix, Lang } from '../../shared/contract/codes.js';
import type { ExcelCaps } from '../excel/caps.js';
import type { ReportSheetSpec } from '../excel/report-sheet.js';
import {
  applyFixesInExcel,
  clearMarksInExcel,
  createTemplateInExcel,
  selectInExcel,
  validateInExcel,
  writeReportInExcel,
} from '../office/excel-session.js';
import type { WorkbookHost } from './host.js';

export function excelHost(caps: ExcelCaps, lang: () => Lang): WorkbookHost {
  return {
    kind: 'excel',

    async validate(validate, progress) {
      progress('read', 0, 1);
      const run = await validateInExcel({
        caps,
        lang: lang(),
        onProgress: (done, total) => progress('read', done, total),
        validate: async (grid) => {
          const outcome = await validate(grid);
          progress('mark', 0, 1);
          return { outcome, findings: outcome.result.findings };
        },
      });
      return { outcome: run.outcome, syncs: run.syncs };
    },

    clearMarks: async () => (await clearMarksInExcel(caps)).removed,

    select: (sheet, cell) => selectInExcel(sheet, cell),

    async applyFixes(fixes: readonly Fix[]) {
      const out = await applyFixesInExcel(caps, fixes);
      return { applied: out.applied.length, skipped: out.skipped.length };
    },

    async createTemplate(options) {
      const out = await createTemplateInExcel(caps, options);
      return { added: [...out.added, ...out.filled], kept: out.kept, codeDropdown: out.codeDropdown };
    },

    async showReport(spec: ReportSheetSpec) {
      await writeReportInExcel(caps, spec);
    },

    // The document's URL ends in its file name (a local path, or a OneDrive/SharePoint URL); a
    // workbook never saved has none.
    source: () => {
      const last = (Office.context.document.url ?? '').split('?')[0]!.split(/[\\/]/).pop() ?? '';
      let name = last;
      try {
        name = decodeURIComponent(last);
      } catch {
        // A local path may hold a bare %: then it is the name as it stands.
      }
      return name === '' ? null : { name, hash: null };
    },
  };
}
