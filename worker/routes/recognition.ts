/**
 * The reviewer's recognition queue and its decisions (archive.md §2). One decision settles a group
 * for every school: "add" puts the training in the catalogue with its hours and links the group to
 * it, "link" links the group to an existing entry, "reject" keeps its records unmatched with the
 * reason shown to the clerks. Each decision is audited and re-evaluates the affected versions.
 */
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import {
  type CatalogueEntryInfo,
  catalogueYearParamSchema,
  queueQuerySchema,
  type RecognitionDecisionResult,
  recognitionDecisionRequestSchema,
} from '../../shared/api/catalogue.js';
import type { TrainingCategory, TrainingForm } from '../../shared/contract/enums.js';
import {
  type CatalogueEntry,
  foldCourse,
  type GroupDecision,
  isRecognizedLevel,
} from '../../shared/recognition/index.js';
import { existingCodes, getEntry, listDecisions, putDecision, toEntryInfo, upsertEntries } from '../db/catalogue.js';
import { audit } from '../db/tenants.js';
import type { AppEnv } from '../env.js';
import { ApiError, notFound, validationHook } from '../errors.js';
import { requireRole } from '../middleware/auth.js';
import { jsonBody } from '../middleware/json-body.js';
import { groupFacts, queueOf } from '../recognition/queue.js';
import { reevaluateVersions, versionsForEntries, versionsWithGroups } from '../recognition/reevaluate.js';
import { refreshStale } from '../submission/reevaluate.js';
import { bureauOf, nowOf } from './context.js';

/** The next free Q<year>-NNN among the year's codes. */
function nextQueueCode(year: number, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const code = `Q${year}-${String(i).padStart(3, '0')}`;
    if (!taken.has(code)) return code;
  }
}

export const recognition = new Hono<AppEnv>()
  .use(requireRole('reviewer', 'admin'))
  .get(
    '/:year/queue',
    zValidator('param', catalogueYearParamSchema, validationHook),
    zValidator('query', queueQuerySchema, validationHook),
    async (c) => {
      const { year } = c.req.valid('param');
      const q = c.req.valid('query');
      const b = await bureauOf(c, q.bureau);
      // The queue reads each version's stored recognition: stale versions are re-evaluated first.
      await refreshStale(c.env.DB, { bureauId: b.id }, nowOf(c).toISOString());
      return c.json(await queueOf(c.env.DB, b, year, q.state), 200);
    },
  )
  .post(
    '/:year/decisions',
    zValidator('param', catalogueYearParamSchema, validationHook),
    zValidator('query', queueQuerySchema.pick({ bureau: true }), validationHook),
    jsonBody,
    zValidator('json', recognitionDecisionRequestSchema, validationHook),
    async (c) => {
      const { year } = c.req.valid('param');
      const req = c.req.valid('json');
      const b = await bureauOf(c, c.req.valid('query').bureau);
      const db = c.env.DB;
      const facts = await groupFacts(db, b.id, req.group);
      if (!facts?.endDate.startsWith(`${year}-`) || !isRecognizedLevel(facts.level)) throw notFound();
      const at = nowOf(c).toISOString();
      const by = c.get('auth').label;
      const hadCatalogue =
        (await existingCodes(db, b.id, year)).size > 0 || (await listDecisions(db, b.id, year)).length > 0;

      let decision: GroupDecision;
      let entry: CatalogueEntry | null = null;
      const writes: D1PreparedStatement[] = [];
      if (req.action === 'add') {
        const taken = await existingCodes(db, b.id, year);
        const code = req.code ?? nextQueueCode(year, taken);
        if (await getEntry(db, b.id, year, code)) {
          throw new ApiError(
            409,
            'conflict.exists',
            `项目编号 ${code} 已在 ${year} 年度目录中`,
            `The code ${code} is already in the ${year} catalogue`,
          );
        }
        entry = {
          code,
          course: req.course ?? facts.course,
          level: facts.level,
          category: facts.category as TrainingCategory,
          form: facts.form as TrainingForm,
          startDate: facts.startDate,
          endDate: facts.endDate,
          hours: req.hours,
          organizer: facts.organizer,
        };
        writes.push(...upsertEntries(db, { bureauId: b.id, year, entries: [entry], source: 'queue', by, at }));
        decision = { action: 'link', code };
      } else if (req.action === 'link') {
        const row = await getEntry(db, b.id, year, req.code);
        if (!row) throw notFound();
        entry = {
          code: row.code,
          course: row.course,
          level: row.level,
          category: row.category,
          form: row.form,
          startDate: row.start_date,
          endDate: row.end_date,
          hours: row.hours,
          organizer: row.organizer,
        };
        decision = { action: 'link', code: row.code };
      } else {
        decision = { action: 'reject', reason: req.reason };
      }
      writes.push(putDecision(db, { bureauId: b.id, year, group: req.group, decision, by, at }));
      await db.batch(writes);
      await audit(
        db,
        c.get('auth').tokenId,
        `recognition.${req.action}`,
        {
          bureau: b.id,
          year,
          group: req.group,
          course: facts.course,
          level: facts.level,
          startDate: facts.startDate,
          endDate: facts.endDate,
          records: facts.records,
          schools: facts.schools,
          ...(entry ? { code: entry.code, hours: entry.hours } : {}),
          ...(req.action === 'reject' ? { reason: req.reason } : {}),
        },
        at,
      );

      const ids = new Set(await versionsWithGroups(db, b.id, [req.group]));
      if (req.action === 'add') {
        // A new entry can match records of other groups too (narrower dates, other spellings).
        const change = hadCatalogue
          ? { codes: [entry!.code], foldedCourses: [foldCourse(entry!.course)] }
          : { wholeYear: true as const };
        for (const id of await versionsForEntries(db, b.id, year, change)) ids.add(id);
      }
      const { reevaluated, pending } = await reevaluateVersions(db, [...ids], at);
      const stored = entry ? await getEntry(db, b.id, year, entry.code) : null;
      const body: RecognitionDecisionResult = {
        group: req.group,
        action: req.action,
        entry: stored ? (toEntryInfo(stored, true) satisfies CatalogueEntryInfo) : null,
        records: facts.records,
        reevaluated,
        pending,
      };
      return c.json(body, 200);
    },
  );
