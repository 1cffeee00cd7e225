/**
 * Microsoft's manifest schemas, made compilable by libxml2 for `xmllint --schema`. The schema
 * files are Microsoft's (office-js-docs-pr, docs/overview/schemas/taskpane/) and are not in this
 * repository; given a folder holding the published files, this writes a repaired copy:
 *   - the 2019 copies declare the XML Schema namespace as `https://www.w3.org/2001/XMLSchema` (a
 *     link checker's edit; the 2017 copies have http://), which no schema processor knows;
 *   - the Version pattern's lazy `{0,3}?` is not XSD regex syntax; `{0,3}` means the same for a
 *     pattern, which always matches the whole value;
 *   - ContentAppVersionOverridesV1_0.xsd, which the main schema imports, was never published there:
 *     a stand-in declaring that namespace's VersionOverrides as any content (content add-ins only).
 * Usage: tsx scripts/manifest-xsd.ts SCHEMA_DIR [OUT_DIR]   (OUT_DIR: dist/manifest-xsd)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The main schema and everything it imports, directly or not. */
export const SCHEMA_FILES = [
  'OfficeAppManifestV1_1.xsd',
  'OfficeAppBasicTypesV1_0.xsd',
  'TaskPaneAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_1.xsd',
] as const;

export const MAIN_SCHEMA = SCHEMA_FILES[0];
const CONTENT_STUB = 'ContentAppVersionOverridesV1_0.xsd';

const STUB = `<?xml version="1.0" encoding="utf-8"?>
<!-- Local stand-in (scripts/manifest-xsd.ts): never published in office-js-docs-pr; content add-ins only. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
  targetNamespace="http://schemas.microsoft.com/office/contentappversionoverrides">
  <xs:element name="VersionOverrides" type="xs:anyType"/>
</xs:schema>
`;

/** The two textual repairs; a file that needs neither comes back unchanged. */
export function repairSchema(text: string): string {
  return text
    .replaceAll('https://www.w3.org/2001/XMLSchema', 'http://www.w3.org/2001/XMLSchema')
    .replaceAll('){0,3}?"', '){0,3}"');
}

/** Writes the repaired set into `out`; throws naming the first published file that is missing. */
export function writeRepairedSchemas(source: string, out: string): string {
  mkdirSync(out, { recursive: true });
  for (const name of SCHEMA_FILES) {
    const from = join(source, name);
    if (!existsSync(from)) throw new Error(`${from} is missing: the folder must hold ${SCHEMA_FILES.join(', ')}`);
    writeFileSync(join(out, name), repairSchema(readFileSync(from, 'utf8')));
  }
  const stub = join(source, CONTENT_STUB);
  writeFileSync(join(out, CONTENT_STUB), existsSync(stub) ? repairSchema(readFileSync(stub, 'utf8')) : STUB);
  return join(out, MAIN_SCHEMA);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [source, out = resolve(fileURLToPath(new URL('../dist/manifest-xsd', import.meta.url)))] =
    process.argv.slice(2);
  if (source === undefined) {
    process.stderr.write('usage: tsx scripts/manifest-xsd.ts SCHEMA_DIR [OUT_DIR]\n');
    process.exit(2);
  }
  process.stdout.write(`${writeRepairedSchemas(source, out)}\n`);
}
