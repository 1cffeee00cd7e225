/**
 * `npm run --silent cli -- admin …`: the bureau IT staff's commands. `admin init` creates the first
 * admin token straight in D1 (local or remote, through wrangler); every other command calls the
 * running worker's /api/v1/admin routes with an admin token.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiErrorBody } from '../../shared/api/errors.js';
import type { BureauInfo, IssuedToken, PolicyResponse, SchoolInfo, TokenInfo } from '../../shared/api/responses.js';

export const ADMIN_USAGE = `usage: npm run --silent cli -- admin <command> [options]

  init --local|--remote [--persist-to DIR] [--label TEXT]     create the first admin token (printed once)

  against a running worker (--server URL --token ADMIN_TOKEN, or SHIXUN_SERVER / SHIXUN_TOKEN):
  bureau add --id ID --name NAME
  bureau list
  school add --code CODE --name NAME --type 小学 --rural yes|no --bureau ID
  school list [--bureau ID]
  token issue --role clerk|reviewer|admin (--school CODE | --bureau ID) [--label TEXT] [--expires ISO-TIME]
  token revoke TOKEN_ID
  token list
  policy put --year Y --bureau ID --file POLICY.json [--deadline YYYY-MM-DD]
  policy get --year Y --bureau ID
  export --year Y --bureau ID --out FILE [--format csv|xlsx]   full ID numbers; audited

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
  const args = ['d1', 'execute', 'DB', local ? '--local' : '--remote', ...(persist ? ['--persist-to', persist] : []), '--command', sql, '--yes'];
  const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'wrangler'), args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (r.status !== 0) {
    io.stderr(`${r.stdout ?? ''}${r.stderr ?? ''}\n错误 error: wrangler d1 execute failed (exit ${r.status}); are the migrations applied?\n`);
    return 3;
  }
  if (p.flags.has('json')) io.stdout(JSON.stringify({ token, id }) + '\n');
  else io.stdout(`管理员令牌 admin token (shown once, keep it safe):\n${token}\n(id ${id})\n`);
  return 0;
}

interface Client {
  call<T>(method: string, route: string, body?: unknown): Promise<T>;
  raw(route: string): Promise<Response>;
}

class Refused extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.error.message ?? `HTTP ${status}`);
  }
}

function client(p: Parsed): Client {
  const server = (str(p, 'server') ?? process.env.SHIXUN_SERVER ?? '').replace(/\/+$/, '');
  const token = str(p, 'token') ?? process.env.SHIXUN_TOKEN;
  if (!server) throw new Usage('missing --server URL');
  if (!token) throw new Usage('missing --token ADMIN_TOKEN');
  const raw = (route: string, init: RequestInit = {}) =>
    fetch(`${server}/api/v1${route}`, { ...init, headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}` } });
  return {
    raw: (route) => raw(route),
    async call<T>(method: string, route: string, body?: unknown): Promise<T> {
      const res = await raw(route, {
        method,
        ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}),
      });
      const text = await res.text();
      const json = text ? (JSON.parse(text) as unknown) : null;
      if (!res.ok) throw new Refused(res.status, json as ApiErrorBody | null);
      return json as T;
    },
  };
}

const yesNo = (v: string) => {
  if (['yes', 'y', '是', '1', 'true'].includes(v)) return true;
  if (['no', 'n', '否', '0', 'false'].includes(v)) return false;
  throw new Usage(`--rural must be yes or no, not "${v}"`);
};

function tokenLine(t: TokenInfo): string {
  const scope = t.schoolCode ?? t.bureauId ?? '*';
  const state = t.revokedAt ? `revoked ${t.revokedAt}` : t.expiresAt ? `expires ${t.expiresAt}` : 'active';
  return `${t.id}\t${t.role}\t${scope}\t${state}\t${t.label}`;
}

async function remote(p: Parsed, io: Io): Promise<number> {
  const [group, verb, arg] = p.positional;
  const c = client(p);
  const json = p.flags.has('json');
  const out = (value: unknown, text: string) => io.stdout(json ? JSON.stringify(value, null, 2) + '\n' : text + '\n');
  switch (`${group} ${verb ?? ''}`.trim()) {
    case 'bureau add': {
      const b = await c.call<BureauInfo>('POST', '/admin/bureaus', { id: need(p, 'id'), name: need(p, 'name') });
      out(b, `added bureau ${b.id} ${b.name}`);
      return 0;
    }
    case 'bureau list': {
      const r = await c.call<{ items: BureauInfo[] }>('GET', '/admin/bureaus');
      out(r, r.items.map((b) => `${b.id}\t${b.name}`).join('\n'));
      return 0;
    }
    case 'school add': {
      const s = await c.call<SchoolInfo>('POST', '/admin/schools', {
        code: need(p, 'code'),
        name: need(p, 'name'),
        type: need(p, 'type'),
        rural: yesNo(need(p, 'rural')),
        bureauId: need(p, 'bureau'),
      });
      out(s, `added school ${s.code} ${s.name} (bureau ${s.bureauId})`);
      return 0;
    }
    case 'school list': {
      const b = str(p, 'bureau');
      const r = await c.call<{ items: SchoolInfo[] }>('GET', `/admin/schools${b ? `?bureau=${encodeURIComponent(b)}` : ''}`);
      out(r, r.items.map((s) => `${s.code}\t${s.name}\t${s.type}\t${s.rural ? '农村' : '城镇'}\t${s.bureauId}`).join('\n'));
      return 0;
    }
    case 'token issue': {
      const role = need(p, 'role');
      const school = str(p, 'school');
      const bureau = str(p, 'bureau');
      const r = await c.call<IssuedToken>('POST', '/admin/tokens', {
        role,
        ...(school ? { schoolCode: school } : {}),
        ...(bureau ? { bureauId: bureau } : {}),
        label: str(p, 'label') ?? `${role} ${school ?? bureau ?? ''}`.trim(),
        ...(str(p, 'expires') ? { expiresAt: str(p, 'expires') } : {}),
      });
      out(r, `token (shown once, keep it safe):\n${r.token}\n${tokenLine(r.info)}`);
      return 0;
    }
    case 'token revoke': {
      if (!arg) throw new Usage('token revoke needs the token id (see token list)');
      const t = await c.call<TokenInfo>('POST', `/admin/tokens/${encodeURIComponent(arg)}/revoke`);
      out(t, `revoked ${tokenLine(t)}`);
      return 0;
    }
    case 'token list': {
      const r = await c.call<{ items: TokenInfo[] }>('GET', '/admin/tokens');
      out(r, r.items.map(tokenLine).join('\n'));
      return 0;
    }
    case 'policy put': {
      const year = need(p, 'year');
      const file = JSON.parse(readFileSync(need(p, 'file'), 'utf8')) as unknown;
      const q = new URLSearchParams({ bureau: need(p, 'bureau') });
      const deadline = str(p, 'deadline');
      if (deadline) q.set('deadline', deadline);
      const r = await c.call<PolicyResponse>('PUT', `/policies/${encodeURIComponent(year)}?${q}`, file);
      out(r, `stored policy for ${r.bureauId} ${r.year} (deadline ${r.deadline})`);
      return 0;
    }
    case 'policy get': {
      const q = new URLSearchParams({ bureau: need(p, 'bureau') });
      const r = await c.call<PolicyResponse>('GET', `/policies/${encodeURIComponent(need(p, 'year'))}?${q}`);
      io.stdout(JSON.stringify(r, null, 2) + '\n');
      return 0;
    }
    case 'export': {
      const q = new URLSearchParams({ bureau: need(p, 'bureau'), year: need(p, 'year'), format: str(p, 'format') ?? 'csv' });
      const outFile = need(p, 'out');
      const res = await c.raw(`/admin/export?${q}`);
      if (!res.ok) throw new Refused(res.status, (await res.json().catch(() => null)) as ApiErrorBody | null);
      writeFileSync(outFile, new Uint8Array(await res.arrayBuffer()), { mode: 0o600 });
      io.stderr(`wrote ${outFile} (full ID numbers: keep it safe; the export is logged)\n`);
      return 0;
    }
    default:
      throw new Usage(`unknown admin command "${p.positional.join(' ')}"`);
  }
}

export async function adminCommand(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const p = parse(argv);
    if (p.positional[0] === 'help' || p.flags.has('help') || p.positional.length === 0) {
      io.stdout(ADMIN_USAGE);
      return p.positional.length === 0 && !p.flags.has('help') ? 2 : 0;
    }
    if (p.positional[0] === 'init') return init(p, io);
    return await remote(p, io);
  } catch (e) {
    if (e instanceof Usage) {
      io.stderr(`错误 error: ${e.message}\n\n${ADMIN_USAGE}`);
      return 2;
    }
    if (e instanceof Refused) {
      const code = e.body?.error.code ?? `http.${e.status}`;
      io.stderr(`错误 error (${code}): ${e.message}\n`);
      if (e.body?.error.details !== undefined) io.stderr(JSON.stringify(e.body.error.details, null, 2) + '\n');
      return e.status >= 500 ? 3 : 1;
    }
    if (e instanceof TypeError || (e instanceof Error && e.name === 'FetchError')) {
      io.stderr(`错误 error: cannot reach the server: ${e.message}\n`);
      return 3;
    }
    throw e;
  }
}
