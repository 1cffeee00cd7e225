/**
 * Both generated manifests against Microsoft's own schemas with `xmllint --noout --schema`, when
 * the published schema files are at hand: SHIXUN_MANIFEST_XSD names a folder holding them (they are
 * Microsoft's and not in this repository; docs/ADDIN.md says where they come from). Without it the
 * schema run is skipped and the fetch-free checks of manifest.test.ts (scripts/manifest-schema.ts)
 * stand alone; the repairs that make the files compilable are tested either way.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OFFICE_CLOUDS } from '../../addin/office/office-js.js';
import { DEFAULT_ORIGIN, generateManifest, packageVersion } from '../../scripts/manifest.js';
import { repairSchema, writeRepairedSchemas } from '../../scripts/manifest-xsd.js';

const XMLLINT = '/usr/bin/xmllint';
const SOURCE = process.env.SHIXUN_MANIFEST_XSD;

describe('repairSchema', () => {
  it('should give the XML Schema namespace its http:// name and drop the lazy quantifier, nothing else', () => {
    const broken =
      '<xs:schema xmlns:xs="https://www.w3.org/2001/XMLSchema">' +
      '<xs:pattern value="([0-9]{1,5})(\\.[0-9]{1,5}){0,3}?"/><xs:pattern value="a{2}"/></xs:schema>';
    expect(repairSchema(broken)).toBe(
      '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">' +
        '<xs:pattern value="([0-9]{1,5})(\\.[0-9]{1,5}){0,3}"/><xs:pattern value="a{2}"/></xs:schema>',
    );
    expect(repairSchema(repairSchema(broken))).toBe(repairSchema(broken));
  });
});

describe.skipIf(SOURCE === undefined || !existsSync(XMLLINT))('the manifests against Microsoft’s XSDs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shixun-xsd-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const schema = () => writeRepairedSchemas(SOURCE!, join(dir, 'xsd'));

  /** xmllint's verdict and its complaint. */
  const lint = (xml: string, xsd: string) => {
    try {
      execFileSync(XMLLINT, ['--noout', '--schema', xsd, '-'], { input: xml, stdio: ['pipe', 'ignore', 'pipe'] });
      return { ok: true, error: '' };
    } catch (e) {
      return { ok: false, error: String((e as { stderr?: Buffer }).stderr ?? e) };
    }
  };

  it('should accept both flavours, for the dev origin, a deployed one and an internationalized one', () => {
    const xsd = schema();
    for (const cloud of OFFICE_CLOUDS) {
      for (const origin of [DEFAULT_ORIGIN, 'https://shixun.example.cn', 'https://xn--fiq228c.example.cn']) {
        const verdict = lint(generateManifest(origin, packageVersion(), cloud), xsd);
        expect(verdict, `${cloud} ${origin}: ${verdict.error}`).toEqual({ ok: true, error: '' });
      }
    }
  });

  it('should reject what the schema forbids: elements out of order, a bad Id, a long resid, a missing element', () => {
    const xsd = schema();
    const good = generateManifest(DEFAULT_ORIGIN, packageVersion(), 'global');
    const id = /<Id>[^<]*<\/Id>/.exec(good)![0];
    const version = /<Version>[^<]*<\/Version>/.exec(good)![0];
    const mutations = {
      order: good.replace(id, '').replace(version, `${version}${id}`),
      id: good.replace(id, '<Id>not-a-uuid</Id>'),
      resid: good.replaceAll('GetStarted.Title', 'x'.repeat(33)),
      missing: good.replace(/<ProviderName>[^<]*<\/ProviderName>/, ''),
    };
    for (const [name, bad] of Object.entries(mutations)) {
      expect(bad, name).not.toBe(good);
      expect(lint(bad, xsd).ok, name).toBe(false);
    }
  });
});
