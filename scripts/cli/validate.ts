/** `validate FILE.xlsx [--year Y] [--json] [--lang en]` */
import { JSON_OPTION, LANG_OPTION, langOf, parse, YEAR_OPTION, yearOf } from './args.js';
import { type CliIo, EXIT } from './io.js';
import { renderValidation, validateJson } from './report.js';
import { runValidation } from './run-validation.js';

export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals, values } = parse(argv, { ...YEAR_OPTION, ...LANG_OPTION, ...JSON_OPTION }, 1);
  const year = yearOf(values.year);
  const lang = langOf(values.lang);
  const { result, progress } = await runValidation(positionals[0]!, year, lang, io);
  progress.finish();
  io.stdout(
    values.json
      ? `${JSON.stringify(validateJson(result), null, 2)}\n`
      : renderValidation(result, positionals[0]!, lang),
  );
  return result.ok ? EXIT.ok : EXIT.findings;
}
