/**
 * `fix FILE --out OUT.xlsx [--lang en]`: an .xlsx copy with every fix applied; the original is never
 * modified. An .xlsx keeps everything but the fixed cells; an .xls, .et or .csv has no .xlsx to copy,
 * so its copy is written from its cells (values only: formats and formulas are not carried over).
 */
import { reportText } from '../../shared/labels/cli.js';
import { applyFixes, gridToXlsx } from '../../workbook/write-fixes.js';
import { LANG_OPTION, langOf, parse, required, yearOf } from './args.js';
import { type CliIo, EXIT } from './io.js';
import { runValidation } from './run-validation.js';
import { requireXlsxPath, writeWorkbookFile } from './workbook-file.js';

export async function fixCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals, values } = parse(argv, { ...LANG_OPTION, out: { type: 'string' } }, 1);
  const lang = langOf(values.lang);
  const out = required(values.out, '--out OUT.xlsx');
  requireXlsxPath(out, '--out');
  const { file, result, progress } = await runValidation(positionals[0]!, yearOf(undefined), lang, io);
  const t = reportText(lang);
  progress.phase(t.progress.writing(out));
  const original = file.fileKind === 'xlsx' ? file.bytes : await gridToXlsx(file.grid);
  const fixed = await applyFixes(original, result.fixes);
  await writeWorkbookFile(out, fixed.bytes, file.path);
  progress.finish();
  const lines = [result.fixes.length === 0 ? t.nothingToFix(out) : t.fixWritten(fixed.applied, out)];
  for (const s of fixed.skipped) lines.push(t.fixSkipped(`${s.fix.sheet}!${s.fix.cell}`, s.reason));
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
