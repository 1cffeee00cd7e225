/**
 * The requirement-set audit: every Excel API member the add-in uses, found with the TypeScript
 * compiler (property accesses and calls, the paths of `load('a/b')` strings, and the properties of
 * object literals typed by Excel), checked against the `[Api set: ExcelApi 1.x]` tag @types/office-js
 * gives it. A member above the manifest's minimum (addin/excel/api-sets.ts) must be
 *   - guarded where it is used: inside `if (caps.F)`, `caps.F ? … : …`, `caps.F && …`, or after
 *     `if (!caps.F) return;`, where F is an ExcelCaps flag whose set is at least the member's; or
 *   - inside a function whose JSDoc says `@excelApi 1.x`, every use of which is guarded likewise; or
 *   - a member of an object that itself exists only from that set on (NoteCollection.add on a
 *     NoteCollection, 1.18): getting hold of the object was audited where it happened.
 * Setting a property counts against its setter's set ("1.1 for reading …; 1.2 for setting it").
 *
 * Usage: tsx scripts/excel-api-audit.ts   (prints every use; exits 1 when one is unguarded)
 */
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { compareApiVersions, FEATURES, MIN_EXCEL_API } from '../addin/excel/api-sets.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ApiSet {
  /** ExcelApi version to read or call the member. */
  read: string;
  /** ExcelApi version to set it (the same as `read` unless the tag says otherwise). */
  write: string;
}

export interface ApiUse {
  file: string;
  line: number;
  /** "Range.conditionalFormats", "load(Range.format)", "call addFlagFormat" … */
  member: string;
  /** The set the use needs; null when the tag names no numbered ExcelApi set (ExcelApiDesktop, preview). */
  needs: string | null;
  /** The tag as written, for the report. */
  tag: string;
  /** What covers it: "guard 1.6", "@excelApi 1.6", "object 1.18", "minimum". */
  coveredBy: string | null;
  ok: boolean;
}

/** Parses the text inside `[Api set: …]`. */
export function parseApiSetTag(tag: string): ApiSet | null {
  const m = /^ExcelApi (\d+\.\d+)(.*)$/.exec(tag.trim());
  if (!m) return null;
  const write = /[;,]\s*(\d+\.\d+) for (?:setting|set)\b/.exec(m[2]!);
  return { read: m[1]!, write: write ? write[1]! : m[1]! };
}

function apiSetTagOf(node: ts.Node): string | null {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  if (!docs?.length) return null;
  const text = docs.map((d) => d.getText()).join('\n');
  return /\[Api set: ([^\]]+)\]/.exec(text)?.[1]?.trim() ?? null;
}

function isInExcelNamespace(decl: ts.Node): boolean {
  if (!decl.getSourceFile().fileName.includes('@types/office-js')) return false;
  for (let p: ts.Node | undefined = decl.parent; p; p = p.parent) {
    if (ts.isModuleDeclaration(p) && p.name.getText() === 'Excel' && ts.isSourceFile(p.parent)) return true;
  }
  return false;
}

function ownerName(decl: ts.Node): string {
  const parent = decl.parent;
  if ((ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent)) && parent.name) return parent.name.text;
  return 'Excel';
}

/** The set of the class a member is declared in (NoteCollection: 1.18), the minimum when untagged. */
function ownerSet(decl: ts.Node): string {
  const parent = decl.parent;
  if (!ts.isClassDeclaration(parent) && !ts.isInterfaceDeclaration(parent)) return MIN_EXCEL_API;
  const tag = apiSetTagOf(parent);
  return (tag && parseApiSetTag(tag)?.read) || MIN_EXCEL_API;
}

function isWrite(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === node &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

function exits(statement: ts.Statement): boolean {
  if (
    ts.isReturnStatement(statement) ||
    ts.isThrowStatement(statement) ||
    ts.isContinueStatement(statement) ||
    ts.isBreakStatement(statement)
  )
    return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

export interface AuditorOptions {
  /** The tsconfig the program is built with (office-js types and the add-in's settings). */
  tsconfig?: string;
  /** The manifest's minimum. */
  minimum?: string;
  /** More files to compile with the add-in's settings and audit (the audit's own test fixture). */
  extraFiles?: readonly string[];
}

export interface Auditor {
  /** Every use of an Excel API member in `files` (absolute paths, compiled by the tsconfig). */
  audit(files: readonly string[]): ApiUse[];
  /** The tag of `Type.member` in @types/office-js (Excel namespace), null when it has none. */
  memberSet(type: string, member: string): ApiSet | null;
}

function parsedConfig(configPath: string): ts.ParsedCommandLine {
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  return config;
}

/** Builds the program once (it takes seconds: office-js's types are 190,000 lines). */
export function excelApiAuditor(opts: AuditorOptions = {}): Auditor {
  const minimum = opts.minimum ?? MIN_EXCEL_API;
  const config = parsedConfig(opts.tsconfig ?? join(root, 'addin/tsconfig.json'));
  const program = ts.createProgram({
    rootNames: [...config.fileNames, ...(opts.extraFiles ?? [])],
    options: config.options,
  });
  const checker = program.getTypeChecker();
  const features = FEATURES as Record<string, string>;
  let uses: ApiUse[] = [];

  /** The versions a condition guarantees when it evaluates to `truth`. */
  function implied(expr: ts.Expression, truth: boolean): string[] {
    if (ts.isParenthesizedExpression(expr)) return implied(expr.expression, truth);
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken)
      return implied(expr.operand, !truth);
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if ((op === ts.SyntaxKind.AmpersandAmpersandToken && truth) || (op === ts.SyntaxKind.BarBarToken && !truth)) {
        return [...implied(expr.left, truth), ...implied(expr.right, truth)];
      }
      return [];
    }
    if (truth && ts.isPropertyAccessExpression(expr) && expr.name.text in features) {
      const type = checker.getTypeAtLocation(expr.expression);
      if (type.aliasSymbol?.name === 'ExcelCaps') return [features[expr.name.text]!];
    }
    return [];
  }

  function excelApiTag(fn: ts.Node): string | null {
    const target = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn.parent : fn;
    for (const tag of ts.getJSDocTags(ts.isVariableDeclaration(target) ? target.parent.parent : target)) {
      if (tag.tagName.text !== 'excelApi') continue;
      const text = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
      if (text && /^\d+\.\d+$/.test(text.trim())) return text.trim();
    }
    return null;
  }

  /** The highest version the code around `node` guarantees, and what guarantees it. */
  function guardOf(node: ts.Node): { level: string; by: string } {
    let level = minimum;
    let by = 'minimum';
    const raise = (versions: string[], what: string) => {
      for (const v of versions) {
        if (compareApiVersions(v, level) > 0) {
          level = v;
          by = `${what} ${v}`;
        }
      }
    };
    for (let cur = node; cur.parent; cur = cur.parent) {
      const p = cur.parent;
      if (ts.isIfStatement(p)) {
        if (cur === p.thenStatement) raise(implied(p.expression, true), 'guard');
        else if (cur === p.elseStatement) raise(implied(p.expression, false), 'guard');
      } else if (ts.isConditionalExpression(p)) {
        if (cur === p.whenTrue) raise(implied(p.condition, true), 'guard');
        else if (cur === p.whenFalse) raise(implied(p.condition, false), 'guard');
      } else if (ts.isBinaryExpression(p) && cur === p.right) {
        if (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) raise(implied(p.left, true), 'guard');
        else if (p.operatorToken.kind === ts.SyntaxKind.BarBarToken) raise(implied(p.left, false), 'guard');
      } else if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
        for (const s of p.statements) {
          if (s === cur) break;
          if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement))
            raise(implied(s.expression, false), 'guard');
        }
      }
      if (ts.isFunctionLike(p)) {
        const tag = excelApiTag(p);
        if (tag) raise([tag], '@excelApi');
      }
    }
    return { level, by };
  }

  function record(at: ts.Node, member: string, tag: string | null, write: boolean, owner: string): void {
    const set = tag ? parseApiSetTag(tag) : { read: minimum, write: minimum };
    const sf = at.getSourceFile();
    const line = sf.getLineAndCharacterOfPosition(at.getStart()).line + 1;
    const needs = set ? (write ? set.write : set.read) : null;
    let coveredBy: string | null = null;
    if (needs !== null) {
      if (compareApiVersions(needs, minimum) <= 0) coveredBy = 'minimum';
      else if (compareApiVersions(needs, owner) <= 0) coveredBy = `object ${owner}`;
      else {
        const guard = guardOf(at);
        if (compareApiVersions(needs, guard.level) <= 0) coveredBy = guard.by;
      }
    }
    uses.push({
      file: relative(root, sf.fileName),
      line,
      member: write ? `${member} =` : member,
      needs,
      tag: tag ?? '(untagged)',
      coveredBy,
      ok: coveredBy !== null,
    });
  }

  function excelDeclaration(symbol: ts.Symbol | undefined): ts.Declaration[] {
    return (symbol?.declarations ?? []).filter(isInExcelNamespace);
  }

  /** One use of a property symbol (the union of its declarations: the least demanding one). */
  function recordSymbol(at: ts.Node, symbol: ts.Symbol | undefined, write: boolean, prefix = ''): void {
    const decls = excelDeclaration(symbol);
    if (decls.length === 0) return;
    let best: { decl: ts.Declaration; tag: string | null; needs: string } | null = null;
    for (const decl of decls) {
      const tag = apiSetTagOf(decl);
      const set = tag ? parseApiSetTag(tag) : { read: MIN_EXCEL_API, write: MIN_EXCEL_API };
      const needs = set ? (write ? set.write : set.read) : '999.0';
      if (!best || compareApiVersions(needs, best.needs) < 0) best = { decl, tag, needs };
    }
    const name = `${prefix}${ownerName(best!.decl)}.${symbol!.name}`;
    record(at, name, best!.tag, write, ownerSet(best!.decl));
  }

  function loadPaths(call: ts.CallExpression, receiver: ts.Expression): void {
    for (const arg of call.arguments) {
      if (!ts.isStringLiteralLike(arg)) continue;
      for (const path of arg.text.split(',')) {
        let type: ts.Type | undefined = checker.getTypeAtLocation(receiver);
        for (const segment of path.trim().split('/')) {
          if (!type) break;
          const prop = checker.getPropertyOfType(checker.getApparentType(type), segment);
          if (!prop) break;
          recordSymbol(arg, prop, false, 'load ');
          const propType = checker.getTypeOfSymbolAtLocation(prop, arg);
          type = propType.getNumberIndexType() ?? propType;
        }
      }
    }
  }

  function audit(files: readonly string[]): ApiUse[] {
    uses = [];
    const taggedFunctions = new Map<ts.Symbol, string>();
    const scanned = files.map((f) => {
      const sf = program.getSourceFile(f);
      if (!sf) throw new Error(`not in the program: ${f}`);
      return sf;
    });
    for (const sf of scanned) {
      ts.forEachChild(sf, function visit(node) {
        if (ts.isFunctionDeclaration(node) && node.name) {
          const tag = excelApiTag(node);
          const symbol = checker.getSymbolAtLocation(node.name);
          if (tag && symbol) taggedFunctions.set(symbol, tag);
        }
        ts.forEachChild(node, visit);
      });
    }

    for (const sf of scanned) {
      ts.forEachChild(sf, function visit(node) {
        if (ts.isPropertyAccessExpression(node)) {
          recordSymbol(node.name, checker.getSymbolAtLocation(node.name), isWrite(node));
          const call = node.parent;
          if (
            node.name.text === 'load' &&
            ts.isCallExpression(call) &&
            call.expression === node &&
            excelDeclaration(checker.getSymbolAtLocation(node.name)).length > 0
          ) {
            loadPaths(call, node.expression);
          }
        } else if (ts.isObjectLiteralExpression(node)) {
          const type = checker.getContextualType(node);
          for (const prop of node.properties) {
            if (!(ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop)) || !type) continue;
            const name = prop.name.getText();
            recordSymbol(prop.name, checker.getPropertyOfType(type, name), true);
          }
        } else if (ts.isIdentifier(node) && !(ts.isFunctionDeclaration(node.parent) && node.parent.name === node)) {
          let symbol = checker.getSymbolAtLocation(node);
          if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
          const tag = symbol && taggedFunctions.get(symbol);
          if (tag) record(node, `call ${node.text}`, `ExcelApi ${tag}`, false, MIN_EXCEL_API);
        }
        ts.forEachChild(node, visit);
      });
    }
    return uses;
  }

  function memberSet(type: string, member: string): ApiSet | null {
    const office = program.getSourceFiles().find((sf) => sf.fileName.includes('@types/office-js/index.d.ts'));
    if (!office) throw new Error('@types/office-js is not in the program');
    let found: ApiSet | null = null;
    ts.forEachChild(office, function visit(node) {
      if (found) return;
      if (
        (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) &&
        node.name?.text === type &&
        isInExcelNamespace(node)
      ) {
        const decl = node.members.find((m) => m.name?.getText() === member);
        const tag = decl && apiSetTagOf(decl);
        if (tag) found = parseApiSetTag(tag);
        return;
      }
      ts.forEachChild(node, visit);
    });
    return found;
  }

  return { audit, memberSet };
}

/** The add-in's own sources: everything under addin/ that TypeScript compiles. */
export function addinSources(): string[] {
  const addin = `${join(root, 'addin')}/`;
  return parsedConfig(join(root, 'addin/tsconfig.json'))
    .fileNames.map((f) => resolve(f))
    .filter((f) => f.startsWith(addin));
}

function main(): void {
  const uses = excelApiAuditor().audit(addinSources());
  const rows = uses.filter((u) => u.needs !== MIN_EXCEL_API || !u.ok);
  for (const u of rows) {
    process.stdout.write(
      `${u.ok ? 'ok  ' : 'FAIL'}  ${u.needs ?? '?'}\t${u.member}\t${u.coveredBy ?? 'UNGUARDED'}\t${u.file}:${u.line}\n`,
    );
  }
  const failed = uses.filter((u) => !u.ok);
  process.stdout.write(
    `${uses.length} uses of Excel API members, ${uses.length - rows.length} within ExcelApi ${MIN_EXCEL_API}; ` +
      `${failed.length} unguarded\n`,
  );
  if (failed.length > 0) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
