import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ADDIN_ID, DEFAULT_ORIGIN, buildManifest, manifestVersion, packageVersion } from '../../scripts/manifest.js';

type Node = Record<string, unknown>;

const ordered = new XMLParser({ ignoreAttributes: false, preserveOrder: true, attributeNamePrefix: '@' });
const plain = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/** The element names under the first element called `name`, in document order. */
function childOrder(xml: string, path: string[]): string[] {
  let nodes = ordered.parse(xml) as Node[];
  for (const name of path) {
    const node = nodes.find((n) => name in n);
    if (!node) throw new Error(`no <${name}>`);
    nodes = node[name] as Node[];
  }
  return nodes.flatMap((n) => Object.keys(n).filter((k) => k !== ':@' && k !== '#text' && k !== '#comment'));
}

function allValues(node: unknown, key: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => allValues(n, key, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key && typeof v === 'string') out.push(v);
      else allValues(v, key, out);
    }
  }
  return out;
}

function check(xml: string, origin: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(childOrder(xml, ['OfficeApp'])).toEqual([
    'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
    'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides',
  ]);
  expect(childOrder(xml, ['OfficeApp', 'VersionOverrides'])).toEqual(['Hosts', 'Resources']);
  expect(childOrder(xml, ['OfficeApp', 'VersionOverrides', 'Hosts', 'Host', 'DesktopFormFactor'])).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
  expect(childOrder(xml, ['OfficeApp', 'VersionOverrides', 'Resources'])).toEqual(['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);

  const doc = plain.parse(xml) as { OfficeApp: Node & { '@xsi:type': string; Id: string; Version: string | number } };
  const app = doc.OfficeApp;
  expect(app['@xsi:type']).toBe('TaskPaneApp');
  expect(String(app.Id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(String(app.Version)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

  const overrides = app.VersionOverrides as Node;
  const host = ((overrides.Hosts as Node).Host as Node);
  expect(host['@xsi:type']).toBe('Workbook');
  const tab = (((host.DesktopFormFactor as Node).ExtensionPoint as Node).OfficeTab as Node);
  expect(tab['@id']).toBe('TabHome');
  const control = (tab.Group as Node).Control as Node;
  expect((control.Action as Node)['@xsi:type']).toBe('ShowTaskpane');

  const resources = overrides.Resources as Node;
  const ids = new Set(allValues(resources, '@id'));
  const resids = allValues(overrides.Hosts, '@resid');
  expect(resids.length).toBeGreaterThan(5);
  for (const resid of resids) expect(ids, `resid ${resid}`).toContain(resid);
  const sizes = allValues((resources['bt:Images'] as Node), '@id');
  expect(sizes).toEqual(['Icon.16x16', 'Icon.32x32', 'Icon.80x80']);

  const strings = [...allValues(resources['bt:ShortStrings'], '@DefaultValue'), ...allValues(resources['bt:LongStrings'], '@DefaultValue')];
  expect(strings.every((s) => /[\u4e00-\u9fff]/.test(s))).toBe(true);
  const overridesEn = allValues(resources, '@Locale');
  expect(overridesEn.length).toBe(5);
  expect(new Set(overridesEn)).toEqual(new Set(['en-US']));

  const urls = [...allValues(doc, '@DefaultValue'), ...allValues(app.AppDomains, 'AppDomain')].filter((v) => /^[a-z]+:\/\//i.test(v));
  expect(urls.length).toBeGreaterThanOrEqual(10);
  for (const url of urls) {
    expect(url.startsWith('https://'), url).toBe(true);
    expect(new URL(url).origin, url).toBe(origin);
  }
  expect(xml).toContain('<Label resid="Group.Label"/>');
  expect(xml).toContain('DefaultValue="师训台账"');
}

describe('manifest', () => {
  it('should keep the committed manifest.xml equal to the generator’s output for the dev origin', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../manifest.xml'), 'utf8');
    expect(committed).toBe(buildManifest(DEFAULT_ORIGIN, manifestVersion(packageVersion())));
    check(committed, DEFAULT_ORIGIN);
  });

  it('should generate a valid manifest for a deployed origin, every URL under it', () => {
    const xml = buildManifest('https://shixun.example.workers.dev/some/path', '1.2.3.4');
    check(xml, 'https://shixun.example.workers.dev');
    expect(xml).toContain(`<Id>${ADDIN_ID}</Id>`);
    expect(xml).toContain('<Version>1.2.3.4</Version>');
  });

  it('should refuse a plain-HTTP origin, which Office would not load', () => {
    expect(() => buildManifest('http://localhost:8787', '1.0.0.0')).toThrow(/HTTPS/);
  });

  it('should turn a package version into the four parts the manifest wants', () => {
    expect(manifestVersion('0.1.0')).toBe('0.1.0.0');
    expect(manifestVersion('2.3.4-beta.1')).toBe('2.3.4.0');
  });
});
