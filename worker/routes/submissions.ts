/** The clerk's submissions and what every role may read of them. */
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { reviewRequestSchema, yearQuerySchema } from '../../shared/api/requests.js';
import type {
  SubmissionCompliance,
  SubmissionDetail,
  SubmissionList,
  SubmissionReceipt,
} from '../../shared/api/responses.js';
import { submissionRequestSchema } from '../../shared/api/submission.js';
import { defaultAsOf, PolicyError } from '../../shared/policy/index.js';
import type { SchoolRecord } from '../../shared/records.js';
import { sha256Hex } from '../crypto/digest.js';
import { idKeys } from '../crypto/ids.js';
import { lookupHistory } from '../db/history.js';
import { policyFor } from '../db/policies.js';
import {
  currentOf,
  diffSubmission,
  getVisibleSubmission,
  listVisibleSubmissions,
  readCompliance,
  reviewSubmission,
  toSummary,
} from '../db/submissions.js';
import { audit, getSchool } from '../db/tenants.js';
import type { AppEnv } from '../env.js';
import { ApiError, notFound, validationHook } from '../errors.js';
import { requireRole } from '../middleware/auth.js';
import { jsonBody } from '../middleware/json-body.js';
import { readRecognition } from '../recognition/apply.js';
import { loadCatalogues } from '../recognition/load.js';
import { checkSchool, contentHash, hmacsOf, prepareSubmission, validateSubmission } from '../submission/prepare.js';
import { refreshStale } from '../submission/reevaluate.js';
import { discardStaging, storeSubmission } from '../submission/store.js';
import { nowOf } from './context.js';

const KEY_RE = /^[A-Za-z0-9._:-]{8,200}$/;

function idempotencyKey(header: string | undefined): string {
  if (!header) {
    throw new ApiError(
      400,
      'idempotency.key_required',
      '提交必须带 Idempotency-Key 请求头（每次新的提交用一个新的随机值）',
      'An Idempotency-Key header is required',
    );
  }
  if (!KEY_RE.test(header)) {
    throw new ApiError(
      400,
      'idempotency.key_required',
      'Idempotency-Key 须为 8–200 个字母、数字或 . _ : -',
      'Idempotency-Key must be 8–200 of [A-Za-z0-9._:-]',
    );
  }
  return header;
}

/** If-Match: "3", 3 or W/"3" → 3; absent → null. */
function ifMatchVersion(header: string | undefined): number | null {
  if (header === undefined) return null;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m)
    throw new ApiError(
      400,
      'request.invalid',
      'If-Match 须为版本号，如 "3"',
      'If-Match must be a version number such as "3"',
      { issues: [{ path: ['If-Match'], message: 'not a version' }] },
    );
  return Number(m[1]);
}

function conflict(expected: number, current: number): ApiError {
  return new ApiError(
    409,
    'submission.version_conflict',
    `本校名册已被更新为第 ${current} 版（您基于第 ${expected} 版提交），请刷新后重新提交`,
    `The school's roster moved to version ${current} (you started from ${expected}); reload and submit again`,
    { expectedVersion: expected, currentVersion: current },
  );
}

type Auth = Parameters<typeof getVisibleSubmission>[1];

/** A version the token may see, its verdict brought up to date first when a ledger it read changed. */
async function freshVisible(db: D1Database, auth: Auth, id: string, now: string) {
  await refreshStale(db, { ids: [id] }, now);
  const row = await getVisibleSubmission(db, auth, id);
  if (!row) throw notFound();
  return row;
}

async function receiptOf(
  db: D1Database,
  auth: Auth,
  id: string,
  outcome: SubmissionReceipt['outcome'],
  now: string,
): Promise<SubmissionReceipt> {
  const row = await freshVisible(db, auth, id, now);
  return {
    outcome,
    submission: toSummary(row),
    compliance: await readCompliance(db, id),
    recognition: await readRecognition(db, id),
  };
}

export const submissions = new Hono<AppEnv>()
  .post('/', requireRole('clerk'), jsonBody, zValidator('json', submissionRequestSchema, validationHook), async (c) => {
    const auth = c.get('auth');
    const db = c.env.DB;
    // Server-Timing: how long each step took (bench:scale prints it). Step names only, no data. On
    // Cloudflare the clock moves only at I/O, so there a CPU step is counted in the next I/O step.
    const steps: string[] = [];
    let stepStart = Date.now();
    const step = (name: string) => {
      const t = Date.now();
      steps.push(`${name};dur=${t - stepStart}`);
      stepStart = t;
    };
    const key = idempotencyKey(c.req.header('Idempotency-Key'));
    const ifMatch = ifMatchVersion(c.req.header('If-Match'));
    const body = c.req.valid('json');
    const requestHash = await sha256Hex(await c.req.text());
    const keys = await idKeys(c.env);
    const now = nowOf(c).toISOString();

    const replay = async () => {
      const prior = await db
        // The school's key, whichever of its tokens sent it first (a re-issued token retries too).
        .prepare('SELECT request_hash, submission_id FROM idempotency_keys WHERE school_code = ?1 AND key = ?2')
        .bind(auth.schoolCode, key)
        .first<{ request_hash: string; submission_id: string }>();
      if (!prior) return null;
      if (prior.request_hash !== requestHash) {
        throw new ApiError(
          422,
          'idempotency.key_reused',
          '此 Idempotency-Key 已用于另一份不同的提交',
          'This Idempotency-Key was used for a different body',
        );
      }
      c.header('Idempotent-Replayed', 'true');
      return c.json(await receiptOf(db, auth, prior.submission_id, 'stored', now), 201);
    };
    const replayed = await replay();
    if (replayed) return replayed;

    const schoolCode = auth.schoolCode!;

    let asOf: string;
    try {
      asOf = defaultAsOf(body.year, nowOf(c));
    } catch (e) {
      if (!(e instanceof PolicyError)) throw e;
      throw new ApiError(
        400,
        'request.invalid',
        `不能提交未来年度（${body.year}）的名册`,
        `Year ${body.year} cannot be submitted yet`,
        {
          issues: [{ path: ['year'], message: e.message }],
        },
      );
    }
    const records = validateSubmission(body.workbook, body.year);
    checkSchool(records, schoolCode);
    const school = await getSchool(db, schoolCode);
    if (!school) throw notFound();
    // The same ledger again stores nothing (archive.md §3), whatever version the clerk started from.
    const hash = await contentHash(records);
    const current = await currentOf(db, schoolCode, body.year);
    if (current && current.content_hash === hash)
      return c.json(await receiptOf(db, auth, current.id, 'unchanged', now), 200);
    const currentVersion = current?.version ?? 0;
    const expected = ifMatch ?? currentVersion;
    if (expected !== currentVersion) throw conflict(expected, currentVersion);

    step('validate');
    const policy = await policyFor(db, school.bureau_id, body.year);
    const hmacs = await hmacsOf(records, keys);
    const lookup = await lookupHistory(db, {
      bureauId: school.bureau_id,
      schoolCode,
      year: body.year,
      hmacs: records.teachers.map((t) => hmacs.get(t.idNumber)!),
    });
    step('lookup');
    const prepared = await prepareSubmission(records, lookup, policy, {
      year: body.year,
      asOf,
      schoolCode,
      keys,
      hmacs,
      catalogues: (years, teacherHmacs) => loadCatalogues(db, school.bureau_id, years, teacherHmacs),
    });
    step('evaluate');
    const id = crypto.randomUUID();
    const outcome = await storeSubmission(
      db,
      {
        id,
        schoolCode,
        bureauId: school.bureau_id,
        year: body.year,
        version: expected + 1,
        expectedVersion: expected,
        previousId: current?.id ?? null,
        approvedVersion: current
          ? current.review_state === 'approved'
            ? current.version
            : current.approved_version
          : null,
        historySeq: lookup.seq,
        contentHash: hash,
        tokenId: auth.tokenId,
        submittedBy: auth.label,
        submittedAt: now,
        idempotencyKey: key,
        requestHash,
        prepared,
      },
      c.get('options').faults,
    );
    if (!outcome.ok) {
      await discardStaging(db, id);
      // The same key may have won the race in a parallel request: then this is its retry.
      const again = await replay();
      if (again) return again;
      throw conflict(expected, outcome.currentVersion);
    }
    step('store');
    // The verdicts this version changes, before the clerk is told it is stored.
    // Only what this commit marked: concurrent submissions do not all re-evaluate the same leftovers.
    await refreshStale(db, { bureauId: school.bureau_id, markedAt: now }, now);
    step('reevaluate');
    const receipt = await receiptOf(db, auth, id, 'stored', now);
    step('receipt');
    c.header('Server-Timing', steps.join(', '));
    return c.json(receipt, 201);
  })
  .get(
    '/',
    requireRole('clerk', 'reviewer', 'admin'),
    zValidator('query', yearQuerySchema, validationHook),
    async (c) => {
      const { year } = c.req.valid('query');
      const db = c.env.DB;
      let rows = await listVisibleSubmissions(db, c.get('auth'), { year });
      const stale = rows.filter((r) => r.stale_since !== null).map((r) => r.id);
      if ((await refreshStale(db, { ids: stale }, nowOf(c).toISOString())) > 0)
        rows = await listVisibleSubmissions(db, c.get('auth'), { year });
      const body: SubmissionList = { items: rows.map(toSummary) };
      return c.json(body, 200);
    },
  )
  .get('/:id', requireRole('clerk', 'reviewer', 'admin'), async (c) => {
    const db = c.env.DB;
    const row = await freshVisible(db, c.get('auth'), c.req.param('id'), nowOf(c).toISOString());
    const s = await db
      .prepare('SELECT school_json FROM submissions WHERE id = ?1')
      .bind(row.id)
      .first<{ school_json: string }>();
    const school = JSON.parse(s!.school_json) as SchoolRecord;
    const body: SubmissionDetail = {
      submission: toSummary(row),
      school: {
        code: school.schoolCode,
        name: school.schoolName,
        type: school.schoolType,
        rural: school.rural,
        publicBudget: school.publicBudget,
        trainingFunds: school.trainingFunds,
        planSubmittedOn: school.planSubmittedOn,
      },
    };
    return c.json(body, 200);
  })
  .get('/:id/compliance', requireRole('clerk', 'reviewer', 'admin'), async (c) => {
    const row = await freshVisible(c.env.DB, c.get('auth'), c.req.param('id'), nowOf(c).toISOString());
    const body: SubmissionCompliance = {
      submission: toSummary(row),
      compliance: await readCompliance(c.env.DB, row.id),
      recognition: await readRecognition(c.env.DB, row.id),
    };
    return c.json(body, 200);
  })
  .get('/:id/diff', requireRole('clerk', 'reviewer', 'admin'), async (c) => {
    const row = await freshVisible(c.env.DB, c.get('auth'), c.req.param('id'), nowOf(c).toISOString());
    return c.json(await diffSubmission(c.env.DB, row), 200);
  })
  .post(
    '/:id/review',
    requireRole('reviewer', 'admin'),
    jsonBody,
    zValidator('json', reviewRequestSchema, validationHook),
    async (c) => {
      const auth = c.get('auth');
      const db = c.env.DB;
      const at = nowOf(c).toISOString();
      const row = await freshVisible(db, auth, c.req.param('id'), at);
      if (row.current_id !== row.id) {
        throw new ApiError(
          409,
          'submission.not_reviewable',
          '只能审核学校的当前版本',
          'Only the current version can be reviewed',
          {
            currentId: row.current_id,
          },
        );
      }
      const { decision, comment } = c.req.valid('json');
      await reviewSubmission(db, row.id, {
        status: decision === 'approve' ? 'approved' : 'returned',
        comment: comment ?? null,
        by: auth.label,
        at,
      });
      await audit(
        db,
        auth.tokenId,
        `submission.${decision}`,
        { submission: row.id, school: row.school_code, year: row.year },
        at,
      );
      const updated = await getVisibleSubmission(db, auth, row.id);
      return c.json({ submission: toSummary(updated!) }, 200);
    },
  );
