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
import { catalogueCommand } from './catalogue.js';

export const ADMIN_USAGE = `usage: npm run --silent cli -- admin <command> [options]

  init --local|--remote [--persist-to DIR] [--label TEXT]     create the first admin token (printed once)

  against a running worker (--server URL --token ADMIN_TOKEN, or SHIXUN_SERVER / SHIXUN_TOKEN):
  bureau add --id ID --name NAME
  bureau list
  school add --code CODE --name NAME --type 小学 --rural yes|no --bureau ID
  school list [--bureau ID]
  token issue --role clerk|reviewer|admin (--school CODE | --bureau ID) [--label TEXT] [--expires ISO-TIME]
      clerk and reviewer tokens expire on 31 Aug (Beijing) by default, at the end of the school year
  token revoke TOKEN_ID
  token renew TOKEN_ID [--expires ISO-TIME]                    a new expiry (default: end of the school year)
  token list
  policy put --year Y --bureau ID --file POLICY.json [--deadline YYYY-MM-DD]
  policy get --year Y --bureau ID
  export --year Y --bureau ID --out FILE [--format csv|xlsx]   full ID numbers; audited
  catalogue import FILE.xlsx --year Y [--bureau ID]           the training catalogue (admin catalogue help)
  catalogue export --year Y --out FILE.xlsx [--bureau ID]

  add --json for machine-readable output.
exit status: 0 ok, 1 refused by the server, 2 wrong call, 3 network or server failure
`;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

class Usage extends Error {}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
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
  return { positional, flags };
}

function str(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  if (v === true) throw new Usage(`--${name} needs a value`);
  return v;
}

function need(p: Parsed, name: string): string {
  const v = str(p, name);
  if (v === undefined) throw new Usage(`missing --${name}`);
  return v;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The first admin token: its hash is inserted with `wrangler d1 execute`, the token printed once. */
function init(p: Parsed, io: Io): number {
  const local = p.flags.has('local');
  const remote = p.flags.has('remote');
  if (local === remote) throw new Usage('give exactly one of --local or --remote');
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
    io.stderr(
      `${r.stdout ?? ''}${r.stderr ?? ''}\n错误 error: wrangler d1 execute failed (exit ${r.status}); are the migrations applied?\n`,
    );
    return 3;
  }
  if (p.flags.has('json')) io.stdout(`${JSON.stringify({ token, id })}\n`);
  else io.stdout(`管理员令牌 admin token (shown once, keep it safe):\n${token}\n(id ${id})\n`);
  return 0;
}

/** Seams of the client that tests replace (a fake server's fetch, no real waiting between retries). */
export type AdminSeams = Pick<ClientOptions, 'fetch' | 'retry'>;

function client(p: Parsed, io: Io, seams: AdminSeams): ShixunClient {
  const server = (str(p, 'server') ?? process.env.SHIXUN_SERVER ?? '').replace(/\/+$/, '');
  const token = str(p, 'token') ?? process.env.SHIXUN_TOKEN;
  if (!server) throw new Usage('missing --server URL');
  if (!token) throw new Usage('missing --token ADMIN_TOKEN');
  return createClient({
    server,
    token,
    ...seams,
    retry: {
      onRetry: ({ attempt, delayMs, reason }) =>
        io.stderr(`重试 retrying #${attempt} (${reason}) ${Math.round(delayMs / 100) / 10} s\n`),
      ...seams.retry,
    },
  });
}

/** A body checked with the schema the worker checks it with: a wrong value is a wrong call (exit 2). */
function body<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new Usage(r.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; '));
  return r.data;
}

function format(p: Parsed): ExportFormat {
  const f = str(p, 'format') ?? 'csv';
  if (f !== 'csv' && f !== 'xlsx') throw new Usage(`--format must be csv or xlsx, not "${f}"`);
  return f;
}

/** The server's refusal on standard error: exit 3 when nothing (or a 5xx) answered, 1 otherwise. */
function refused(f: ApiFailure, io: Io): number {
  io.stderr(`错误 error (${f.code}): ${f.message}\n`);
  if (f.details !== undefined) io.stderr(`${JSON.stringify(f.details, null, 2)}\n`);
  return f.kind === 'network' || (f.status ?? 0) >= 500 ? 3 : 1;
}

const yesNo = (v: string) => {
  if (['yes', 'y', '是', '1', 'true'].includes(v)) return true;
  if (['no', 'n', '否', '0', 'false'].includes(v)) return false;
  throw new Usage(`--rural must be yes or no, not "${v}"`);
};

/** One token a line: id, role, scope, state (revoked, expired, valid until the Beijing day, or never expires), label. */
function tokenLine(t: TokenInfo, now = new Date()): string {
  const scope = t.schoolCode ?? t.bureauId ?? '*';
  let state = 'never expires';
  if (t.revokedAt) state = `revoked ${t.revokedAt}`;
  else if (t.expiresAt && Date.parse(t.expiresAt) <= now.getTime())
    state = `EXPIRED (valid until ${lastValidDay(t.expiresAt)})`;
  else if (t.expiresAt) state = `valid until ${lastValidDay(t.expiresAt)}`;
  return `${t.id}\t${t.role}\t${scope}\t${state}\t${t.label}`;
}

async function remote(p: Parsed, io: Io, seams: AdminSeams): Promise<number> {
  const [group, verb, arg] = p.positional;
  const c = client(p, io, seams);
  const json = p.flags.has('json');
  const print = <T>(r: ApiResult<T>, text: (value: T) => string): number => {
    if (!r.ok) return refused(r, io);
    io.stdout(json ? `${JSON.stringify(r.value, null, 2)}\n` : `${text(r.value)}\n`);
    return 0;
  };
  switch (`${group} ${verb ?? ''}`.trim()) {
    case 'bureau add':
      return print(
        await c.admin.bureaus.add(body(bureauCreateSchema, { id: need(p, 'id'), name: need(p, 'name') })),
        (b) => `added bureau ${b.id} ${b.name}`,
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
      return print(await c.admin.schools.add(school), (s) => `added school ${s.code} ${s.name} (bureau ${s.bureauId})`);
    }
    case 'school list':
      return print(await c.admin.schools.list(str(p, 'bureau')), (r) =>
        r.items.map((s) => `${s.code}\t${s.name}\t${s.type}\t${s.rural ? '农村' : '城镇'}\t${s.bureauId}`).join('\n'),
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
      return print(
        await c.admin.tokens.issue(token),
        (r) => `token (shown once, keep it safe):\n${r.token}\n${tokenLine(r.info)}`,
      );
    }
    case 'token revoke':
      if (!arg) throw new Usage('token revoke needs the token id (see token list)');
      return print(await c.admin.tokens.revoke(arg), (t) => `revoked ${tokenLine(t)}`);
    case 'token renew': {
      if (!arg) throw new Usage('token renew needs the token id (see token list)');
      const expires = str(p, 'expires');
      const renewal = body(tokenRenewSchema, expires ? { expiresAt: expires } : {});
      return print(await c.admin.tokens.renew(arg, renewal), (t) => `renewed ${tokenLine(t)}`);
    }
    case 'token list':
      return print(await c.admin.tokens.list(), (r) => r.items.map((t) => tokenLine(t)).join('\n'));
    case 'policy put': {
      const file = JSON.parse(readFileSync(need(p, 'file'), 'utf8')) as unknown;
      const deadline = str(p, 'deadline');
      const r = await c.policies.put(year(p), { bureau: need(p, 'bureau'), ...(deadline ? { deadline } : {}) }, file);
      return print(r, (v) => `stored policy for ${v.bureauId} ${v.year} (deadline ${v.deadline})`);
    }
    case 'policy get': {
      const r = await c.policies.get(year(p), need(p, 'bureau'));
      if (!r.ok) return refused(r, io);
      io.stdout(`${JSON.stringify(r.value, null, 2)}\n`);
      return 0;
    }
    case 'export': {
      const scope = { bureau: need(p, 'bureau'), year: year(p) };
      const outFile = need(p, 'out');
      const r = await c.admin.export(scope, format(p));
      if (!r.ok) return refused(r, io);
      writeFileSync(outFile, new Uint8Array(await r.value.blob.arrayBuffer()), { mode: 0o600 });
      io.stderr(`wrote ${outFile} (full ID numbers: keep it safe; the export is logged)\n`);
      return 0;
    }
    default:
      throw new Usage(`unknown admin command "${p.positional.join(' ')}"`);
  }
}

function year(p: Parsed): number {
  const y = need(p, 'year');
  if (!/^\d{4}$/.test(y)) throw new Usage(`--year must be a year such as 2026, not "${y}"`);
  return Number(y);
}

export async function adminCommand(
  argv: readonly string[],
  io: Io = processIo,
  seams: AdminSeams = {},
): Promise<number> {
  try {
    const p = parse(argv);
    if (p.positional[0] === 'help' || p.flags.has('help') || p.positional.length === 0) {
      io.stdout(ADMIN_USAGE);
      return p.positional.length === 0 && !p.flags.has('help') ? 2 : 0;
    }
    if (p.positional[0] === 'init') return init(p, io);
    // Its own options and output (findings, a file): scripts/cli/catalogue.ts parses its argv itself.
    if (p.positional[0] === 'catalogue')
      return await catalogueCommand(argv.slice(argv.indexOf('catalogue') + 1), io, seams);
    return await remote(p, io, seams);
  } catch (e) {
    if (!(e instanceof Usage)) throw e;
    io.stderr(`错误 error: ${e.message}\n\n${ADMIN_USAGE}`);
    return 2;
  }
}
