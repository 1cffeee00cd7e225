/** Reading and validating one workbook file, as validate, check, fix and submit all begin. */
import type { Lang } from '../../shared/contract/codes.js';
import { reportText } from '../../shared/labels/cli.js';
import { CSV_ONE_SHEET } from '../../shared/labels/files.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import type { ValidationResult } from '../../shared/validate/types.js';
import type { CliIo } from './io.js';
import { type Progress, progress } from './progress.js';
import { readWorkbookFile, type WorkbookFile } from './workbook-file.js';

export interface ValidationRun {
  file: WorkbookFile;
  result: ValidationResult;
  progress: Progress;
}

export async function runValidation(path: string, year: number, lang: Lang, io: CliIo): Promise<ValidationRun> {
  const words = reportText(lang).progress;
  const p = progress(io, words.done);
  p.phase(words.reading(path));
  const file = await readWorkbookFile(path);
  if (file.fileKind === 'csv') p.note(CSV_ONE_SHEET[lang]);
  p.phase(words.validating);
  const result = validateWorkbook(file.grid, { year, lang, onProgress: p.step });
  return { file, result, progress: p };
}

/**
 * A run's validation and progress alone (check): the file's bytes and cells are not returned, so
 * that they can be freed once validated.
 */
export async function validateOnly(
  path: string,
  year: number,
  lang: Lang,
  io: CliIo,
): Promise<Pick<ValidationRun, 'result' | 'progress'>> {
  const { result, progress } = await runValidation(path, year, lang, io);
  return { result, progress };
}
