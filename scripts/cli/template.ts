/** `template [--catalogue] --out OUT.xlsx [--lang en]`: the empty standard workbook, or the blank catalogue. */
import { reportText } from '../../shared/labels/cli.js';
import { CATALOGUE_SHEETS } from '../../shared/recognition/index.js';
import { writeTemplate } from '../../workbook/write-template.js';
import { LANG_OPTION, langOf, parse, required } from './args.js';
import { type CliIo, EXIT } from './io.js';
import { writeWorkbookFile } from './workbook-file.js';

export async function templateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, { ...LANG_OPTION, out: { type: 'string' }, catalogue: { type: 'boolean' } }, 0);
  const lang = langOf(values.lang);
  const out = required(values.out, '--out OUT.xlsx');
  // The catalogue template (archive.md §2): 培训项目目录 and 参训名单, with the same dropdowns and text columns.
  await writeWorkbookFile(out, await writeTemplate(values.catalogue ? CATALOGUE_SHEETS : undefined));
  const text = reportText(lang);
  io.stdout(`${values.catalogue ? text.catalogueTemplateWritten(out) : text.templateWritten(out)}\n`);
  return EXIT.ok;
}
