/**
 * The worker's request parsing on random input (fast-check). Two layers:
 * - the parsing layer itself — the body reader (limit, gzip, UTF-8), JSON.parse, the zod schemas, and
 *   for submissions the re-validation and preparation that follow — 10,000 cases per property, in
 *   process, because 10,000 full requests per property would not fit in CI time;
 * - the whole app (auth, middleware, handlers, D1) — 300 cases per property.
 * SHIXUN_PROPERTY_RUNS (npm run test:quick) lowers both (the first to no fewer than 3,000).
 * Every outcome is a 2xx or a 4xx with a stable code; nothing else escapes, and nothing is left half-written.
 */
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { submissionRequestSchema } from '../../shared/api/submission.js';
import { DEFAULT_POLICY, defaultAsOf, PolicyError } from '../../shared/policy/index.js';
import { resolvePolicy } from '../../shared/policy/policy-file.js';
import { type IdKeys, idKeys } from '../../worker/crypto/ids.js';
import { emptyHistory } from '../../worker/db/history.js';
import { ApiError } from '../../worker/errors.js';
import { readLimitedText } from '../../worker/middleware/json-body.js';
import { hmacsOf, prepareSubmission, validateSubmission } from '../../worker/submission/prepare.js';
import { propertyRuns } from '../fixtures/property-runs.js';
import { API_ERROR_CODES, expectHandled, tableCounts } from './faults-kit.js';
import {
  buildWorkbook,
  call,
  gzip,
  makeId,
  NOW,
  passingTrainings,
  SCHOOLS,
  seedTenants,
  type TeacherSpec,
  TOKENS,
  testApp,
  YEAR,
} from './helpers.js';

/**
 * At least 3,000 even in npm run test:quick: about 0.3% of the mutated submissions stay valid, and
 * the coverage guards below need one (6 of 2,000 in a measured run; at 300 cases, expect none 4 times in 10).
 */
const PARSE_RUNS = Math.max(3_000, propertyRuns(env.SHIXUN_PROPERTY_RUNS, 10_000));
const APP_RUNS = Math.min(300, propertyRuns(env.SHIXUN_PROPERTY_RUNS, 300));
const LIMIT = 1024 * 1024;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const teachers: TeacherSpec[] = [
  { name: '周九', id: makeId(61, '男'), gender: '男' },
  { name: '吴十', id: makeId(62, '女'), gender: '女' },
];
const VALID_SUBMISSION = {
  year: YEAR,
  workbook: buildWorkbook(SCHOOLS.A1, teachers, passingTrainings(teachers[0]!)),
} as unknown as Json;
const VALID_POLICY = { id: 'fuzz-2025', rules: structuredClone(DEFAULT_POLICY.rules) } as unknown as Json;

// ------------------------------------------------------------------ mutations of a valid body

type Path = (string | number)[];

function allPaths(v: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) allPaths(x, [...prefix, k], out);
  return out;
}

function parentOf(root: Json, path: Path): { parent: Json[] | Record<string, Json>; key: string | number } | null {
  if (path.length === 0) return null;
  let cur: Json = root;
  for (const p of path.slice(0, -1)) cur = (cur as Record<string, Json>)[p as string]!;
  return { parent: cur as Json[] | Record<string, Json>, key: path[path.length - 1]! };
}

const getAt = (root: Json, path: Path): Json =>
  path.reduce<Json>((v, p) => (v as Record<string, Json>)[p as string]!, root);

type Mutation =
  | { kind: 'set'; at: number; value: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; a: number; b: number }
  | {
      kind: 'retype';
      at: number;
      to: 'string' | 'number' | 'date' | 'error' | 'bool' | 'null' | 'array' | 'object' | 'huge';
    }
  | { kind: 'extraKey'; at: number; key: string; value: Json };

const json = () => fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: json() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('retype' as const),
    at: fc.nat(),
    to: fc.constantFrom('string', 'number', 'date', 'error', 'bool', 'null', 'array', 'object', 'huge'),
  }),
  fc.record({ kind: fc.constant('extraKey' as const), at: fc.nat(), key: fc.string({ maxLength: 12 }), value: json() }),
);

function retype(v: Json, to: Extract<Mutation, { kind: 'retype' }>['to']): Json {
  switch (to) {
    case 'string':
      return typeof v === 'string' ? `${v}x` : (JSON.stringify(v) ?? '');
    case 'number':
      return typeof v === 'number' ? -v * 1e6 : Number.isFinite(Number(v)) ? Number(v) : 1e308;
    case 'date':
      return { d: typeof v === 'string' ? v : '2025-13-45' };
    case 'error':
      return { e: '#N/A' };
    case 'bool':
      return !v;
    case 'null':
      return null;
    case 'array':
      return [v];
    case 'object':
      return { v };
    case 'huge':
      return 'x'.repeat(40_000);
  }
}

/** The mutated body as JSON text ('' when a mutation deleted the whole body). */
function mutate(base: Json, mutations: Mutation[]): string {
  const root = { r: structuredClone(base) } as Record<string, Json>;
  for (const m of mutations) {
    // Paths under the wrapper, so the whole body can be replaced too.
    const paths = allPaths(root).filter((p) => p.length > 0);
    if (paths.length === 0) {
      // The whole body was deleted: only a new value can follow.
      if (m.kind === 'set') root.r = m.value;
      continue;
    }
    const pick = (n: number) => paths[n % paths.length]!;
    if (m.kind === 'swap') {
      const a = pick(m.a);
      const b = pick(m.b);
      const pa = parentOf(root, a)!;
      const pb = parentOf(root, b)!;
      const va = getAt(root, a);
      const vb = getAt(root, b);
      // Swapping a node with its own ancestor would make a cycle: skip those.
      if (a.join('\u0000').startsWith(b.join('\u0000')) || b.join('\u0000').startsWith(a.join('\u0000'))) continue;
      (pa.parent as Record<string, Json>)[pa.key as string] = structuredClone(vb);
      (pb.parent as Record<string, Json>)[pb.key as string] = structuredClone(va);
      continue;
    }
    const path = pick(m.at);
    const { parent, key } = parentOf(root, path)!;
    const at = parent as Record<string, Json>;
    if (m.kind === 'set') at[key as string] = m.value;
    else if (m.kind === 'retype') at[key as string] = retype(at[key as string]!, m.to);
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete at[key as string];
    } else if (m.kind === 'duplicate') {
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]!));
      else at[`${String(key)}_copy`] = structuredClone(at[key as string]!);
    } else {
      const target = at[key as string];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) target[m.key] = m.value;
      else at[key as string] = { [m.key]: m.value, value: target ?? null };
    }
  }
  return root.r === undefined ? '' : JSON.stringify(root.r);
}

/** Byte-level damage after serializing: cut, one byte changed, gzip or not. */
interface Wire {
  cut: number | null;
  flip: [number, number] | null;
  gzip: boolean;
}
const wireArb: fc.Arbitrary<Wire> = fc.record({
  cut: fc.option(fc.nat(), { freq: 5 }),
  flip: fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { freq: 5 }),
  gzip: fc.boolean(),
});

/** fc.anything() as JSON text (undefined, functions and symbols vanish as JSON.stringify makes them). */
const anythingAsJson: fc.Arbitrary<string> = fc
  .anything({ maxDepth: 3, withBigInt: false, withNullPrototype: true, withObjectString: true })
  .map((v) => {
    try {
      return JSON.stringify(v) ?? '';
    } catch {
      return '{"cyclic":';
    }
  });

async function wireBytes(text: string, w: Wire): Promise<Uint8Array<ArrayBuffer>> {
  let bytes = new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
  if (w.cut !== null && bytes.length > 0) bytes = bytes.slice(0, w.cut % bytes.length);
  if (w.flip !== null && bytes.length > 0) bytes[w.flip[0] % bytes.length] = w.flip[1];
  return w.gzip ? new Uint8Array(await gzip(new TextDecoder().decode(bytes))) : bytes;
}

// ------------------------------------------------------------------ the parsing layer, in process

let keys: IdKeys;
const outcomes = new Map<string, number>();
const tally = (o: string) => outcomes.set(o, (outcomes.get(o) ?? 0) + 1);

/**
 * The body reader and JSON parsing every body-reading route shares, then `parse` (what the route
 * does next); the answer is 'ok' or the stable code the app would send.
 */
async function throughRoute(
  bytes: Uint8Array<ArrayBuffer>,
  gzipped: boolean,
  method: string,
  parse: (value: unknown) => Promise<string>,
): Promise<string> {
  const req = new Request('http://fuzz/', {
    method,
    body: bytes,
    headers: gzipped ? { 'Content-Encoding': 'gzip' } : {},
  });
  try {
    const text = await readLimitedText(req, LIMIT);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return 'request.invalid_json';
    }
    return await parse(value);
  } catch (e) {
    if (e instanceof ApiError && e.status < 500) return e.code;
    throw e;
  }
}

/** What POST /submissions does between the raw body and the storage step. */
const parseSubmission = (bytes: Uint8Array<ArrayBuffer>, gzipped: boolean) =>
  throughRoute(bytes, gzipped, 'POST', async (value) => {
    const parsed = submissionRequestSchema.safeParse(value);
    if (!parsed.success) return 'request.invalid';
    let asOf: string;
    try {
      asOf = defaultAsOf(parsed.data.year, NOW);
    } catch (e) {
      if (e instanceof PolicyError) return 'request.invalid';
      throw e;
    }
    const records = validateSubmission(parsed.data.workbook, parsed.data.year);
    const hmacs = await hmacsOf(records, keys);
    const history = emptyHistory(records.teachers.length);
    await prepareSubmission(records, history, DEFAULT_POLICY, {
      year: parsed.data.year,
      asOf,
      schoolCode: SCHOOLS.A1.code,
      keys,
      hmacs,
    });
    return 'ok';
  });

/** What PUT /policies/:year does with the body. */
const parsePolicy = (bytes: Uint8Array<ArrayBuffer>, gzipped: boolean) =>
  throughRoute(bytes, gzipped, 'PUT', async (value) => {
    const r = resolvePolicy(value);
    if (!r.ok) {
      expect(r.errors.length).toBeGreaterThan(0);
      return 'policy.invalid';
    }
    expect(typeof JSON.stringify(value)).toBe('string');
    return 'ok';
  });

function expectStable(code: string) {
  if (code !== 'ok') expect(API_ERROR_CODES).toContain(code);
  tally(code);
}

describe('request parsing on random input (in process, 10,000 cases each)', () => {
  beforeAll(async () => {
    keys = await idKeys(env);
  });

  it('should answer random JSON values posted as a submission with a stable code', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          json().map((v) => JSON.stringify(v)),
          anythingAsJson,
        ),
        fc.boolean(),
        async (text, gz) => {
          const bytes = new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
          expectStable(await parseSubmission(gz ? new Uint8Array(await gzip(text)) : bytes, gz));
        },
      ),
      { numRuns: PARSE_RUNS },
    );
  });

  it('should answer random mutations of a valid submission with a stable code (some still valid)', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), wireArb, async (ms, w) => {
        const code = await parseSubmission(await wireBytes(mutate(VALID_SUBMISSION, ms), w), w.gzip);
        expectStable(code);
        if (code === 'ok') accepted++;
      }),
      { numRuns: PARSE_RUNS },
    );
    // The mutations keep some bodies valid, so the properties also exercise the storing path.
    expect(accepted).toBeGreaterThan(0);
  });

  it('should answer random JSON values and mutations of a valid policy file with a stable code', async () => {
    expect(
      await parsePolicy(new TextEncoder().encode(JSON.stringify(VALID_POLICY)) as Uint8Array<ArrayBuffer>, false),
    ).toBe('ok');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(
            fc.oneof(
              json().map((v) => JSON.stringify(v)),
              anythingAsJson,
            ),
            fc.constant<Wire>({ cut: null, flip: null, gzip: false }),
          ),
          fc.tuple(
            fc.array(mutationArb, { minLength: 1, maxLength: 4 }).map((ms) => mutate(VALID_POLICY, ms)),
            wireArb,
          ),
        ),
        async ([text, w]) => expectStable(await parsePolicy(await wireBytes(text, w), w.gzip)),
      ),
      { numRuns: PARSE_RUNS },
    );
  });

  it('should have seen every kind of outcome in the in-process layer', () => {
    // Not a speed or count assertion: a guard that the generators reach each branch of the parser.
    for (const code of [
      'ok',
      'request.invalid',
      'request.invalid_json',
      'request.invalid_body',
      'submission.invalid',
      'policy.invalid',
    ]) {
      expect(outcomes.get(code), `${code} in ${JSON.stringify([...outcomes])}`).toBeGreaterThan(0);
    }
  });
});

// ------------------------------------------------------------------ the whole app

describe(`the whole app on random requests (${APP_RUNS} cases each)`, () => {
  const app = testApp();
  const flood = { RATE_LIMIT_PER_MINUTE: '100000000' };
  let seq = 0;

  beforeAll(seedTenants);

  async function send(method: string, path: string, token: string, text: string, w: Wire) {
    return call(app, method, path, {
      token,
      rawBody: await wireBytes(text, w),
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': `fuzz-key-${++seq}`,
        ...(w.gzip ? { 'Content-Encoding': 'gzip' } : {}),
      },
      env: flood,
    });
  }

  it('should answer POST /submissions with random JSON and mutated bodies with a 2xx or a stable 4xx', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(
            fc.oneof(
              json().map((v) => JSON.stringify(v)),
              anythingAsJson,
            ),
            wireArb,
          ),
          fc.tuple(
            fc.array(mutationArb, { minLength: 1, maxLength: 4 }).map((ms) => mutate(VALID_SUBMISSION, ms)),
            wireArb,
          ),
        ),
        async ([text, w]) => {
          const r = await expectHandled(await send('POST', '/api/v1/submissions', TOKENS.clerkA1, text, w));
          seen.set(r.code ?? String(r.status), (seen.get(r.code ?? String(r.status)) ?? 0) + 1);
        },
      ),
      { numRuns: APP_RUNS * 2 },
    );
    expect(seen.get('request.invalid')).toBeGreaterThan(0);
  });

  it('should answer PUT /policies/:year with random JSON and mutated policy files with a 2xx or a stable 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(
            fc.oneof(
              json().map((v) => JSON.stringify(v)),
              anythingAsJson,
            ),
            wireArb,
          ),
          fc.tuple(
            fc.array(mutationArb, { minLength: 1, maxLength: 4 }).map((ms) => mutate(VALID_POLICY, ms)),
            wireArb,
          ),
        ),
        async ([text, w]) => {
          await expectHandled(await send('PUT', `/api/v1/policies/${YEAR}?bureau=A`, TOKENS.admin, text, w));
        },
      ),
      { numRuns: APP_RUNS * 2 },
    );
  });

  it('should leave no half-written version behind: no staging rows, every stored version complete', async () => {
    const staging = await env.DB.prepare("SELECT COUNT(*) AS n FROM submissions WHERE status = 'staging'").first<{
      n: number;
    }>();
    expect(staging!.n).toBe(0);
    const incomplete = await env.DB.prepare(
      `SELECT s.id FROM submissions s
        WHERE s.teachers <> (SELECT COUNT(*) FROM teachers t WHERE t.submission_id = s.id)
           OR s.trainings <> (SELECT COUNT(*) FROM trainings t WHERE t.submission_id = s.id)`,
    ).all();
    expect(incomplete.results).toEqual([]);
    const counts = await tableCounts();
    expect(counts.idempotency_keys).toBe(counts.submissions);
  });
});
