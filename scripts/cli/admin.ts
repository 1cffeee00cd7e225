/**
 * `npm run --silent cli -- admin …`: the bureau IT staff's commands. `admin init` creates the first
 * admin token straight in D1 (local or remote, through wrangler); every other command calls the
 * running worker's /api/v1/admin routes with an admin token.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  type ApiFailure,
  type ApiResult,
  type ClientOptions,
  createClient,
  type ExportFormat,
  type ShixunClient,
} from '../../client/index.js';
import {
  bureauCreateSchema,
  schoolCreateSchema,
  tokenIssueSchema,
  tokenRenewSchema,
} from '../../shared/api/requests.js';
import type { TokenInfo } from '../../shared/api/responses.js';
import { lastValidDay } from '../../shared/api/token-expiry.js';
import type { Lang } from '../../shared/contract/codes.js';
import {
  ADMIN_TEXT,
  ADMIN_USAGE,
  CLI_ERRORS,
  ERROR_PREFIX,
  reportText,
  serverErrorLine,
} from '../../shared/labels/cli.js';
import { serverOrigin } from './args.js';
import { catalogueCommand } from './catalogue.js';
import { type CliStreams, langOfArgv, processIo, UsageError } from './io.js';

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
  lang: Lang;
}

function parse(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) flags.set(a.slice(2), argv[++i]!);
    else flags.set(a.slice(2), true);
  }
  return { positional, flags, lang: langOfArgv(argv) };
}

function str(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  if (v === true) throw new UsageError(CLI_ERRORS.optionNeedsValue(`--${name}`));
  return v;
}

function need(p: Parsed, name: string): string {
  const v = str(p, name);
  if (v === undefined) throw new UsageError(CLI_ERRORS.missing(`--${name}`));
  return v;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The first admin token: its hash is inserted with `wrangler d1 execute`, the token printed once. */
function init(p: Parsed, io: CliStreams): number {
  const local = p.flags.has('local');
  const remote = p.flags.has('remote');
  if (local === remote) throw new UsageError(CLI_ERRORS.exactlyOneTarget());
  const token = `sxa_${randomBytes(24).toString('base64url')}`;
  const hash = createHash('sha256').update(token).digest('hex');
  const id = `tok_${randomBytes(9).toString('base64url')}`;
  const label = (str(p, 'label') ?? 'admin (init)').replace(/'/g, "''");
  const sql = `INSERT INTO tokens (id, hash, role, label, created_at) VALUES ('${id}', '${hash}', 'admin', '${label}', '${new Date().toISOString()}')`;
  const persist = str(p, 'persist-to');
  const args = [
    'd1',
    'execute',
    'DB',
    local ? '--local' : '--remote',
    ...(persist ? ['--persist-to', persist] : []),
    '--command',
    sql,
    '--yes',
  ];
  const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'wrangler'), args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (r.status !== 0) {
    // wrangler's own output first: it says what went wrong; the last line says what it means here.
    io.stderr(
      `${r.stdout ?? ''}${r.stderr ?? ''}\n${ERROR_PREFIX[p.lang]}${ADMIN_TEXT[p.lang].wranglerFailed(r.status)}\n`,
    );
    return 3;
  }
  if (p.flags.has('json')) io.stdout(`${JSON.stringify({ token, id })}\n`);
  else io.stdout(`${ADMIN_TEXT[p.lang].firstToken(token, id)}\n`);
  return 0;
}

/** Seams of the client that tests replace (a fake server's fetch, no real waiting between retries). */
export type AdminSeams = Pick<ClientOptions, 'fetch' | 'retry'>;

function client(p: Parsed, io: CliStreams, seams: AdminSeams): ShixunClient {
  const server = str(p, 'server') ?? process.env.SHIXUN_SERVER;
  const token = str(p, 'token') ?? process.env.SHIXUN_TOKEN;
  if (!server) throw new UsageError(CLI_ERRORS.missing('--server URL'));
  if (!token) throw new UsageError(CLI_ERRORS.missing('--token ADMIN_TOKEN'));
  return createClient({
    server: serverOrigin(server),
    token,
    ...seams,
    retry: {
      onRetry: ({ attempt, delayMs, reason }) =>
        io.stderr(`${reportText(p.lang).retrying(attempt, reason, Math.round(delayMs / 100) / 10)}\n`),
      ...seams.retry,
    },
  });
}

/** A body checked with the schema the worker checks it with: a wrong value is a wrong call (exit 2). */
function body<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  // The schema's own words are English; the field names are the options' (--code, --role, …).
  const texts = r.error.issues.map((i) => CLI_ERRORS.invalidField(i.path.join('.') || 'value', i.message));
  throw new UsageError({ zh: texts.map((t) => t.zh).join('；'), en: texts.map((t) => t.en).join('; ') });
}

function format(p: Parsed): ExportFormat {
  const f = str(p, 'format') ?? 'csv';
  if (f !== 'csv' && f !== 'xlsx') throw new UsageError(CLI_ERRORS.format(f));
  return f;
}

/** The server's refusal on standard error: exit 3 when nothing (or a 5xx) answered, 1 otherwise. */
function refused(f: ApiFailure, io: CliStreams, lang: Lang): number {
  io.stderr(`${serverErrorLine(f.code, lang === 'en' ? f.messageEn : f.message, lang)}\n`);
  if (f.details !== undefined) io.stderr(`${JSON.stringify(f.details, null, 2)}\n`);
  return f.kind === 'network' || (f.status ?? 0) >= 500 ? 3 : 1;
}

const yesNo = (v: string) => {
  if (['yes', 'y', '是', '1', 'true'].includes(v)) return true;
  if (['no', 'n', '否', '0', 'false'].includes(v)) return false;
  throw new UsageError(CLI_ERRORS.rural(v));
};

/** One token a line: id, role, scope, state (revoked, expired, valid until the Beijing day, or never expires), label. */
function tokenLine(t: TokenInfo, lang: Lang, now = new Date()): string {
  const words = ADMIN_TEXT[lang];
  const scope = t.schoolCode ?? t.bureauId ?? '*';
  let state: string = words.neverExpires;
  if (t.revokedAt) state = words.revokedAt(t.revokedAt);
  else if (t.expiresAt && Date.parse(t.expiresAt) <= now.getTime()) state = words.expired(lastValidDay(t.expiresAt));
  else if (t.expiresAt) state = words.validUntil(lastValidDay(t.expiresAt));
  return `${t.id}\t${t.role}\t${scope}\t${state}\t${t.label}`;
}

async function remote(p: Parsed, io: CliStreams, seams: AdminSeams): Promise<number> {
  const [group, verb, arg] = p.positional;
  const c = client(p, io, seams);
  const json = p.flags.has('json');
  const words = ADMIN_TEXT[p.lang];
  const line = (t: TokenInfo) => tokenLine(t, p.lang);
  const print = <T>(r: ApiResult<T>, text: (value: T) => string): number => {
    if (!r.ok) return refused(r, io, p.lang);
    io.stdout(json ? `${JSON.stringify(r.value, null, 2)}\n` : `${text(r.value)}\n`);
    return 0;
  };
  switch (`${group} ${verb ?? ''}`.trim()) {
    case 'bureau add':
      return print(
        await c.admin.bureaus.add(body(bureauCreateSchema, { id: need(p, 'id'), name: need(p, 'name') })),
        (b) => words.bureauAdded(b.id, b.name),
      );
    case 'bureau list':
      return print(await c.admin.bureaus.list(), (r) => r.items.map((b) => `${b.id}\t${b.name}`).join('\n'));
    case 'school add': {
      const school = body(schoolCreateSchema, {
        code: need(p, 'code'),
        name: need(p, 'name'),
        type: need(p, 'type'),
        rural: yesNo(need(p, 'rural')),
        bureauId: need(p, 'bureau'),
      });
      return print(await c.admin.schools.add(school), (s) => words.schoolAdded(s.code, s.name, s.bureauId));
    }
    case 'school list':
      return print(await c.admin.schools.list(str(p, 'bureau')), (r) =>
        r.items.map((s) => `${s.code}\t${s.name}\t${s.type}\t${words.rural(s.rural)}\t${s.bureauId}`).join('\n'),
      );
    case 'token issue': {
      const role = need(p, 'role');
      const school = str(p, 'school');
      const bureau = str(p, 'bureau');
      const expires = str(p, 'expires');
      const token = body(tokenIssueSchema, {
        role,
        ...(school ? { schoolCode: school } : {}),
        ...(bureau ? { bureauId: bureau } : {}),
        label: str(p, 'label') ?? `${role} ${school ?? bureau ?? ''}`.trim(),
        ...(expires ? { expiresAt: expires } : {}),
      });
      return print(await c.admin.tokens.issue(token), (r) => words.tokenIssued(r.token, line(r.info)));
    }
    case 'token revoke':
      if (!arg) throw new UsageError(CLI_ERRORS.tokenIdNeeded('revoke'));
      return print(await c.admin.tokens.revoke(arg), (t) => words.revoked(line(t)));
    case 'token renew': {
      if (!arg) throw new UsageError(CLI_ERRORS.tokenIdNeeded('renew'));
      const expires = str(p, 'expires');
      const renewal = body(tokenRenewSchema, expires ? { expiresAt: expires } : {});
      return print(await c.admin.tokens.renew(arg, renewal), (t) => words.renewed(line(t)));
    }
    case 'token list':
      return print(await c.admin.tokens.list(), (r) => r.items.map((t) => line(t)).join('\n'));
    case 'policy put': {
      const file = policyFile(need(p, 'file'));
      const deadline = str(p, 'deadline');
      const r = await c.policies.put(year(p), { bureau: need(p, 'bureau'), ...(deadline ? { deadline } : {}) }, file);
      return print(r, (v) => words.policyStored(v.bureauId, v.year, v.deadline));
    }
    case 'policy get': {
      const r = await c.policies.get(year(p), need(p, 'bureau'));
      if (!r.ok) return refused(r, io, p.lang);
      io.stdout(`${JSON.stringify(r.value, null, 2)}\n`);
      return 0;
    }
    case 'export': {
      const scope = { bureau: need(p, 'bureau'), year: year(p) };
      const outFile = need(p, 'out');
      const r = await c.admin.export(scope, format(p));
      if (!r.ok) return refused(r, io, p.lang);
      writeFileSync(outFile, new Uint8Array(await r.value.blob.arrayBuffer()), { mode: 0o600 });
      io.stderr(`${words.exported(outFile)}\n`);
      return 0;
    }
    default:
      throw new UsageError(CLI_ERRORS.unknownAdmin(p.positional.join(' ')));
  }
}

/** POLICY.json for `policy put`: a file that is missing or not JSON is a wrong call, said in words. */
function policyFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(CLI_ERRORS.fileNotFound(file));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(CLI_ERRORS.notJsonFile(file, e instanceof Error ? e.message : String(e)));
  }
}

function year(p: Parsed): number {
  const y = need(p, 'year');
  if (!/^\d{4}$/.test(y)) throw new UsageError(CLI_ERRORS.adminYear(y));
  return Number(y);
}

export async function adminCommand(
  argv: readonly string[],
  io: CliStreams = processIo,
  seams: AdminSeams = {},
): Promise<number> {
  const lang = langOfArgv(argv);
  try {
    const p = parse(argv);
    if (p.positional[0] === 'help' || p.flags.has('help') || p.positional.length === 0) {
      io.stdout(ADMIN_USAGE[lang]);
      return p.positional.length === 0 && !p.flags.has('help') ? 2 : 0;
    }
    if (p.positional[0] === 'init') return init(p, io);
    // Its own options and output (findings, a file): scripts/cli/catalogue.ts parses its argv itself.
    if (p.positional[0] === 'catalogue')
      return await catalogueCommand(argv.slice(argv.indexOf('catalogue') + 1), io, seams);
    return await remote(p, io, seams);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${ERROR_PREFIX[lang]}${e.in(lang)}\n\n${ADMIN_USAGE[lang]}`);
    return 2;
  }
}
