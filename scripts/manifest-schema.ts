/**
 * Fetch-free validation of an add-in manifest against the part of Microsoft's schemas the add-in
 * uses (OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd,
 * as published in OfficeDev/office-js-docs-pr docs/overview/schemas/taskpane/): the schema files are
 * Microsoft's and are not shipped here, so their rules for every element and attribute the manifest
 * writes are restated below, and an element they do not cover is an error rather than a pass.
 *
 * Checked: well-formedness as a strict XML parser sees it (comments without `--`, only the predefined
 * entities, one root), each element's namespace, the children of each complex type in schema order
 * with their occurrence bounds, xsi:type on abstract types, required and undeclared attributes, and
 * the simple types (UUID, Version, ShortVersion, CultureName, the 125/250-character strings, URLs of
 * at most 2048 characters, 32-character resource ids, the Permissions values).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;
type Ns = keyof typeof NS;

type SimpleCheck = (value: string) => string | null;

const length =
  (min: number, max: number): SimpleCheck =>
  (v) => {
    const n = [...v].length;
    return n < min || n > max ? `length ${n} outside ${min}–${max}` : null;
  };
const pattern =
  (re: RegExp, name: string): SimpleCheck =>
  (v) =>
    re.test(v) ? null : `not a ${name}`;

const HEX = '[0-9a-fA-F]';
const GUID = `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`;

const SIMPLE = {
  NonEmptyString: length(1, Number.MAX_SAFE_INTEGER),
  ShortString: length(1, 125),
  LongString: length(1, 250),
  ReferenceId: length(1, 32),
  URL: (v: string) => {
    const n = length(1, 2048)(v);
    if (n) return n;
    // xs:anyURI: a URI reference; the add-in only ever writes absolute ones.
    if (/\s/.test(v)) return 'a URL with white space';
    try {
      new URL(v);
      return null;
    } catch {
      return 'not an absolute URL';
    }
  },
  UUID: pattern(new RegExp(`^(?:(?:urn:uuid:)?${GUID}|\\{${GUID}\\})$`), 'UUID'),
  Version: pattern(/^[0-9]{1,5}(?:\.[0-9]{1,5}){0,3}$/, 'Version (up to four parts of up to five digits)'),
  ShortVersion: pattern(/^[0-9]{1,5}\.[0-9]{1,5}$/, 'ShortVersion (major.minor)'),
  CultureName: pattern(
    /^(?:[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(?:-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(?:-[a-zA-Z]{2,3}(?:_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/,
    'culture name (BCP 47)',
  ),
  Integer: pattern(/^[+-]?[0-9]+$/, 'integer'),
  Permissions: (v: string) =>
    ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'].includes(v)
      ? null
      : 'not a task pane permission',
} satisfies Record<string, SimpleCheck>;
type Simple = keyof typeof SIMPLE;

interface Attr {
  type: Simple;
  required?: boolean;
}

interface Particle {
  name: string;
  ns: Ns;
  /** A key of TYPES (a test checks that each one is). */
  type: string;
  min: number;
  max: number;
}

interface ComplexType {
  attrs?: Record<string, Attr>;
  /** Element-only content, in this order. */
  seq?: Particle[];
  /** Simple content. */
  text?: Simple;
  /** Abstract: the concrete type is named by xsi:type, in the element's namespace (values: keys of TYPES). */
  xsiTypes?: Record<string, string>;
}

const one = (name: string, ns: Ns, type: string): Particle => ({ name, ns, type, min: 1, max: 1 });
const opt = (name: string, ns: Ns, type: string): Particle => ({ name, ns, type, min: 0, max: 1 });
const many = (name: string, ns: Ns, type: string, min = 0): Particle => ({
  name,
  ns,
  type,
  min,
  max: Number.POSITIVE_INFINITY,
});

const localeAware = (ns: Ns, value: Simple, withId?: Simple): ComplexType => ({
  attrs: { DefaultValue: { type: value, required: true }, ...(withId ? { id: { type: withId, required: true } } : {}) },
  seq: [many('Override', ns, `Override.${ns}.${value}`)],
});
const override = (value: Simple): ComplexType => ({
  attrs: { Locale: { type: 'CultureName', required: true }, Value: { type: value, required: true } },
});
const resourceRef: ComplexType = { attrs: { resid: { type: 'ReferenceId', required: true } } };

const TYPES: Record<string, ComplexType> = {
  OfficeApp: { xsiTypes: { TaskPaneApp: 'TaskPaneApp' } },
  TaskPaneApp: {
    seq: [
      one('Id', 'app', 'UUID'),
      opt('AlternateId', 'app', 'AlternateId'),
      one('Version', 'app', 'Version'),
      one('ProviderName', 'app', 'ShortString'),
      one('DefaultLocale', 'app', 'CultureName'),
      one('DisplayName', 'app', 'ShortLocaleAwareSetting'),
      one('Description', 'app', 'LongLocaleAwareSetting'),
      opt('IconUrl', 'app', 'URLLocaleAwareSetting'),
      opt('HighResolutionIconUrl', 'app', 'URLLocaleAwareSetting'),
      opt('SupportUrl', 'app', 'URLLocaleAwareSetting'),
      opt('AppDomains', 'app', 'AppDomains'),
      opt('Hosts', 'app', 'Hosts'),
      opt('Requirements', 'app', 'Requirements'),
      one('DefaultSettings', 'app', 'TaskPaneAppSettings'),
      one('Permissions', 'app', 'Permissions'),
      opt('VersionOverrides', 'ov', 'VersionOverrides'),
    ],
  },
  UUID: { text: 'UUID' },
  AlternateId: { text: 'NonEmptyString' },
  Version: { text: 'Version' },
  ShortString: { text: 'ShortString' },
  LongString: { text: 'LongString' },
  CultureName: { text: 'CultureName' },
  Permissions: { text: 'Permissions' },
  ShortLocaleAwareSetting: localeAware('app', 'ShortString'),
  LongLocaleAwareSetting: localeAware('app', 'LongString'),
  URLLocaleAwareSetting: localeAware('app', 'URL'),
  'Override.app.ShortString': override('ShortString'),
  'Override.app.LongString': override('LongString'),
  'Override.app.URL': override('URL'),
  'Override.bt.ShortString': override('ShortString'),
  'Override.bt.LongString': override('LongString'),
  'Override.bt.URL': override('URL'),
  AppDomains: { seq: [many('AppDomain', 'app', 'LongString', 1)] },
  Hosts: { seq: [many('Host', 'app', 'Host', 1)] },
  Host: { attrs: { Name: { type: 'ShortString', required: true } } },
  Requirements: { seq: [opt('Sets', 'app', 'Sets')] },
  Sets: { attrs: { DefaultMinVersion: { type: 'ShortVersion' } }, seq: [many('Set', 'app', 'Set', 1)] },
  Set: { attrs: { Name: { type: 'ShortString', required: true }, MinVersion: { type: 'ShortVersion' } } },
  TaskPaneAppSettings: { seq: [one('SourceLocation', 'app', 'URLLocaleAwareSetting')] },
  VersionOverrides: { xsiTypes: { VersionOverridesV1_0: 'VersionOverridesV1_0' } },
  VersionOverridesV1_0: {
    seq: [
      opt('Description', 'ov', 'ResourceReference'),
      opt('Requirements', 'ov', 'BtRequirements'),
      opt('Hosts', 'ov', 'OvHosts'),
      opt('Resources', 'ov', 'Resources'),
    ],
  },
  BtRequirements: { seq: [one('Sets', 'bt', 'BtSets')] },
  BtSets: { attrs: { DefaultMinVersion: { type: 'ShortVersion' } }, seq: [many('Set', 'bt', 'Set', 1)] },
  OvHosts: { seq: [many('Host', 'ov', 'OvHost', 1)] },
  OvHost: { xsiTypes: { Workbook: 'Workbook' } },
  Workbook: { seq: [opt('DesktopFormFactor', 'ov', 'FormFactor')] },
  FormFactor: {
    seq: [
      opt('GetStarted', 'ov', 'GetStarted'),
      opt('FunctionFile', 'ov', 'ResourceReference'),
      many('ExtensionPoint', 'ov', 'ExtensionPoint', 1),
    ],
  },
  GetStarted: {
    seq: [
      one('Title', 'ov', 'ResourceReference'),
      one('Description', 'ov', 'ResourceReference'),
      one('LearnMoreUrl', 'ov', 'ResourceReference'),
    ],
  },
  ExtensionPoint: { xsiTypes: { PrimaryCommandSurface: 'PrimaryCommandSurface' } },
  PrimaryCommandSurface: { seq: [many('OfficeTab', 'ov', 'OfficeTab'), many('CustomTab', 'ov', 'CustomTab')] },
  OfficeTab: { attrs: { id: { type: 'ShortString', required: true } }, seq: [many('Group', 'ov', 'Group', 1)] },
  CustomTab: {
    attrs: { id: { type: 'ShortString', required: true } },
    seq: [many('Group', 'ov', 'Group', 1), one('Label', 'ov', 'ResourceReference')],
  },
  Group: {
    attrs: { id: { type: 'ShortString', required: true } },
    seq: [one('Label', 'ov', 'ResourceReference'), one('Icon', 'ov', 'IconList'), many('Control', 'ov', 'Control', 1)],
  },
  Control: { xsiTypes: { Button: 'Button' } },
  Button: {
    attrs: { id: { type: 'ShortString', required: true } },
    seq: [
      one('Label', 'ov', 'ResourceReference'),
      one('Supertip', 'ov', 'Supertip'),
      one('Icon', 'ov', 'IconList'),
      one('Action', 'ov', 'Action'),
    ],
  },
  Supertip: { seq: [one('Title', 'ov', 'ResourceReference'), one('Description', 'ov', 'ResourceReference')] },
  IconList: { seq: [many('Image', 'bt', 'ImageResourceReference', 1)] },
  ImageResourceReference: {
    attrs: { resid: { type: 'ReferenceId', required: true }, size: { type: 'Integer', required: true } },
  },
  Action: { xsiTypes: { ShowTaskpane: 'ShowTaskpane' } },
  ShowTaskpane: {
    seq: [
      opt('TaskpaneId', 'ov', 'ShortString'),
      one('SourceLocation', 'ov', 'ResourceReference'),
      opt('Title', 'ov', 'ResourceReference'),
    ],
  },
  ResourceReference: resourceRef,
  Resources: {
    seq: [
      opt('Images', 'bt', 'Images'),
      opt('Urls', 'bt', 'Urls'),
      opt('ShortStrings', 'bt', 'ShortStrings'),
      opt('LongStrings', 'bt', 'LongStrings'),
    ],
  },
  Images: { seq: [many('Image', 'bt', 'ImageWithId')] },
  Urls: { seq: [many('Url', 'bt', 'UrlWithId')] },
  ShortStrings: { seq: [many('String', 'bt', 'ShortStringWithId')] },
  LongStrings: { seq: [many('String', 'bt', 'LongStringWithId')] },
  ImageWithId: localeAware('bt', 'URL', 'ReferenceId'),
  UrlWithId: localeAware('bt', 'URL', 'ReferenceId'),
  ShortStringWithId: localeAware('bt', 'ShortString', 'ReferenceId'),
  LongStringWithId: localeAware('bt', 'LongString', 'ReferenceId'),
};

/** The type names the model refers to that it does not define (a test expects none). */
export function undefinedTypes(): string[] {
  const refs = Object.values(TYPES).flatMap((t) => [
    ...(t.seq ?? []).map((p) => p.type),
    ...Object.values(t.xsiTypes ?? {}),
  ]);
  return [...new Set(refs)].filter((r) => !(r in TYPES));
}

/** Where a strict parser (xmllint, Office's) stops and a lenient one goes on. */
function strictSyntax(xml: string): string[] {
  const errors: string[] = [];
  const lineOf = (i: number) => xml.slice(0, i).split('\n').length;
  if (!xml.startsWith('<?xml ')) errors.push('line 1: the XML declaration must come first');
  if (/<!DOCTYPE/i.test(xml)) errors.push('a DOCTYPE is not expected in a manifest');
  for (const m of xml.matchAll(/<!--([\s\S]*?)-->/g)) {
    if (m[1]!.includes('--') || m[1]!.endsWith('-'))
      errors.push(`line ${lineOf(m.index!)}: "--" inside a comment is not allowed in XML`);
  }
  const outsideComments = xml.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
  for (const m of outsideComments.matchAll(/&([^;\s<&]*);?/g)) {
    if (!/^(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+)$/.test(m[1]!) || !m[0].endsWith(';')) {
      errors.push(`line ${lineOf(m.index!)}: "${m[0]}" is not a predefined entity or character reference`);
    }
  }
  return errors;
}

type Node = Record<string, unknown>;
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  commentPropName: '#comment',
});

interface Element {
  prefix: string;
  local: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
  path: string;
  scope: Record<string, string>;
}

function toElements(nodes: Node[], parentScope: Record<string, string>, parentPath: string): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    const tag = Object.keys(node).find((k) => k !== ':@');
    if (!tag || tag === '#text' || tag === '#comment' || tag.startsWith('?')) continue;
    const attrs = (node[':@'] ?? {}) as Record<string, string>;
    const scope = { ...parentScope };
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns') scope[''] = v;
      else if (k.startsWith('xmlns:')) scope[k.slice(6)] = v;
    }
    const [prefix, local] = tag.includes(':') ? (tag.split(':') as [string, string]) : ['', tag];
    const path = `${parentPath}/${tag}`;
    const content = node[tag] as Node[];
    const text = content
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join('');
    out.push({ prefix, local, attrs, children: toElements(content, scope, path), text, path, scope });
  }
  return out;
}

function validateElement(el: Element, typeName: string, errors: string[]): void {
  let type = TYPES[typeName];
  if (!type) throw new Error(`the schema subset has no type ${typeName}`);
  const where = el.path;
  if (type.xsiTypes) {
    const raw = el.attrs['xsi:type'];
    if (el.scope.xsi !== NS.xsi) errors.push(`${where}: the xsi prefix is not bound to ${NS.xsi}`);
    if (!raw) {
      errors.push(`${where}: xsi:type is required (the type is abstract)`);
      return;
    }
    const [p, name] = raw.includes(':') ? (raw.split(':') as [string, string]) : ['', raw];
    const concrete = type.xsiTypes[name];
    const elementNs = el.scope[el.prefix];
    if (!concrete || el.scope[p] !== elementNs) {
      errors.push(`${where}: xsi:type="${raw}" is not a type this manifest's schema subset allows here`);
      return;
    }
    type = TYPES[concrete]!;
  }
  const declared = type.attrs ?? {};
  for (const [name, value] of Object.entries(el.attrs)) {
    if (name === 'xmlns' || name.startsWith('xmlns:') || name === 'xsi:type') continue;
    const attr = declared[name];
    if (!attr) {
      errors.push(`${where}: attribute ${name} is not declared by the schema`);
      continue;
    }
    const problem = SIMPLE[attr.type](value);
    if (problem) errors.push(`${where}/@${name}: "${value}" is ${problem} (${attr.type})`);
  }
  for (const [name, attr] of Object.entries(declared)) {
    if (attr.required && !(name in el.attrs)) errors.push(`${where}: attribute ${name} is required`);
  }
  if (type.text) {
    if (el.children.length > 0) errors.push(`${where}: simple content expected, found <${el.children[0]!.local}>`);
    const problem = SIMPLE[type.text](el.text);
    if (problem) errors.push(`${where}: "${el.text}" is ${problem} (${type.text})`);
    return;
  }
  if (el.text.trim() !== '') errors.push(`${where}: text is not allowed here`);
  const seq = type.seq ?? [];
  let i = 0;
  for (const particle of seq) {
    let count = 0;
    while (i < el.children.length) {
      const child = el.children[i]!;
      if (child.local !== particle.name || child.scope[child.prefix] !== NS[particle.ns]) break;
      validateElement(child, particle.type, errors);
      count++;
      i++;
    }
    if (count < particle.min) errors.push(`${where}: <${particle.name}> is required here (in schema order)`);
    if (count > particle.max) errors.push(`${where}: <${particle.name}> may occur at most ${particle.max} time(s)`);
  }
  if (i < el.children.length) {
    const child = el.children[i]!;
    errors.push(
      `${where}: <${child.prefix ? `${child.prefix}:` : ''}${child.local}> is unexpected here ` +
        "(wrong place in the schema's order, or not in the schema)",
    );
  }
}

/** Every way the manifest breaks the schemas' rules for what it uses; empty when it is valid. */
export function validateManifest(xml: string): string[] {
  const errors = strictSyntax(xml);
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) errors.push(`line ${wellFormed.err.line}: ${wellFormed.err.msg}`);
  if (errors.length > 0) return errors;
  const roots = toElements(parser.parse(xml) as Node[], {}, '');
  if (roots.length !== 1) return [`one root element expected, found ${roots.length}`];
  const root = roots[0]!;
  if (root.local !== 'OfficeApp' || root.scope[root.prefix] !== NS.app)
    return [`the root must be <OfficeApp> in ${NS.app}`];
  validateElement(root, 'OfficeApp', errors);
  return errors;
}
