/** `template --out OUT.xlsx [--lang en]`: the empty standard workbook. */
import { writeTemplate } from '../../workbook/write-template.js';
import { LANG_OPTION, langOf, parse, required } from './args.js';
import { EXIT, type CliIo } from './io.js';
import { reportText } from './text.js';
import { writeWorkbookFile } from './workbook-file.js';

export async function templateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, { ...LANG_OPTION, out: { type: 'string' } }, 0);
  const lang = langOf(values.lang);
  const out = required(values.out, '--out OUT.xlsx');
  await writeWorkbookFile(out, await writeTemplate());
  io.stdout(reportText(lang).templateWritten(out) + '\n');
  return EXIT.ok;
}
