/**
 * The bureau's training catalogue per year (archive.md §2): every role of the bureau reads it (a
 * clerk without attendee counts: the pane offers 项目编号 values and previews recognition from it),
 * reviewers and admins import, edit and export it. Every change is audited and re-evaluates the
 * versions it can affect.
 */
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  bureauQuerySchema,
  type CatalogueChangeResult,
  type CatalogueImportResult,
  type CatalogueInvalidDetails,
  type CatalogueList,
  catalogueEntryInputSchema,
  catalogueEntryParamSchema,
  catalogueImportRequestSchema,
  catalogueYearParamSchema,
} from '../../shared/api/catalogue.js';
import type { Finding, Fix } from '../../shared/contract/codes.js';
import { decodeWorkbook } from '../../shared/grid.js';
import { maskId } from '../../shared/policy/index.js';
import {
  CATALOGUE_ATTENDEES_SHEET,
  CATALOGUE_ENTRIES_SHEET,
  type CatalogueEntry,
  foldCode,
  foldCourse,
  readCatalogue,
} from '../../shared/recognition/index.js';
import { hmacId, idKeys } from '../crypto/ids.js';
import {
  decisionsLinkedTo,
  deleteEntry,
  type EntryRow,
  existingCodes,
  getEntry,
  listDecisions,
  listEntries,
  replaceAttendees,
  toEntry,
  toEntryInfo,
  upsertEntries,
} from '../db/catalogue.js';
import { audit, type BureauRow, getBureau } from '../db/tenants.js';
import type { AppEnv } from '../env.js';
import { ApiError, notFound, validationHook } from '../errors.js';
import { workbookResponse } from '../export/file-response.js';
import { requireRole } from '../middleware/auth.js';
import { jsonBody } from '../middleware/json-body.js';
import { reevaluateVersions, versionsForEntries } from '../recognition/reevaluate.js';
import { bureauOf, nowOf } from './context.js';

const HEADERS = CATALOGUE_ENTRIES_SHEET.columns.map((c) => c.header);

/** The catalogue sheet as the export and the template write it: the import reads it back unchanged. */
export function catalogueTable(entries: readonly CatalogueEntry[]): (string | number)[][] {
  return [
    HEADERS,
    ...entries.map((e) => [
      e.code,
      e.course,
      e.level,
      e.category,
      e.form,
      e.startDate,
      e.endDate,
      e.hours,
      e.organizer ?? '',
    ]),
  ];
}

/** A clerk reads their own bureau's catalogue; bureau staff the one bureauOf gives them. */
async function readerBureau(c: Context<AppEnv>, requested: string | undefined): Promise<BureauRow> {
  const auth = c.get('auth');
  if (auth.role !== 'clerk') return bureauOf(c, requested);
  if (requested !== undefined && requested !== auth.bureauId) throw notFound();
  const b = await getBureau(c.env.DB, auth.bureauId!);
  if (!b) throw notFound();
  return b;
}

/** ID values in findings and fixes of 参训名单 are masked: the bureau's staff never see a full ID. */
function maskIds<T extends Finding | Fix>(items: readonly T[]): T[] {
  return items.map((f) => {
    if (f.column !== 'idNumber') return f;
    const m = (v: unknown) => (typeof v === 'string' ? maskId(v) : v);
    return 'value' in f ? { ...f, value: m(f.value) } : { ...f, from: m((f as Fix).from), to: m((f as Fix).to) };
  }) as T[];
}

/** Whether the year has a catalogue at all (an entry or a decision): it decides which versions a change reaches. */
async function hasCatalogue(db: D1Database, bureauId: string, year: number): Promise<boolean> {
  const [entries, decisions] = await Promise.all([listEntries(db, bureauId, year), listDecisions(db, bureauId, year)]);
  return entries.length > 0 || decisions.length > 0;
}

/** The versions an entry change reaches, re-evaluated. */
export async function reevaluateForEntries(
  c: Context<AppEnv>,
  bureauId: string,
  year: number,
  wholeYear: boolean,
  entries: readonly Pick<CatalogueEntry, 'code' | 'course'>[],
) {
  const db = c.env.DB;
  const ids = await versionsForEntries(
    db,
    bureauId,
    year,
    wholeYear
      ? { wholeYear: true }
      : { codes: entries.map((e) => e.code), foldedCourses: entries.map((e) => foldCourse(e.course)) },
  );
  return reevaluateVersions(db, ids, nowOf(c).toISOString());
}

const staff = requireRole('reviewer', 'admin');

export const catalogue = new Hono<AppEnv>()
  .get('/template', requireRole('clerk', 'reviewer', 'admin'), async () =>
    workbookResponse(
      [
        { name: CATALOGUE_ENTRIES_SHEET.name, table: catalogueTable([]) },
        { name: CATALOGUE_ATTENDEES_SHEET.name, table: [CATALOGUE_ATTENDEES_SHEET.columns.map((col) => col.header)] },
      ],
      'catalogue-template',
    ),
  )
  .get(
    '/:year',
    requireRole('clerk', 'reviewer', 'admin'),
    zValidator('param', catalogueYearParamSchema, validationHook),
    zValidator('query', bureauQuerySchema, validationHook),
    async (c) => {
      const { year } = c.req.valid('param');
      const b = await readerBureau(c, c.req.valid('query').bureau);
      const isStaff = c.get('auth').role !== 'clerk';
      const rows = await listEntries(c.env.DB, b.id, year);
      const body: CatalogueList = {
        bureau: { id: b.id, name: b.name },
        year,
        entries: rows.map((r) => toEntryInfo(r, isStaff)),
      };
      return c.json(body, 200);
    },
  )
  .get(
    '/:year/export',
    staff,
    zValidator('param', catalogueYearParamSchema, validationHook),
    zValidator('query', bureauQuerySchema, validationHook),
    async (c) => {
      const { year } = c.req.valid('param');
      const b = await bureauOf(c, c.req.valid('query').bureau);
      const rows = await listEntries(c.env.DB, b.id, year);
      return workbookResponse(
        [{ name: CATALOGUE_ENTRIES_SHEET.name, table: catalogueTable(rows.map(toEntry)) }],
        `${b.id}-${year}-catalogue`,
      );
    },
  )
  .post(
    '/:year/import',
    staff,
    zValidator('param', catalogueYearParamSchema, validationHook),
    zValidator('query', bureauQuerySchema, validationHook),
    jsonBody,
    zValidator('json', catalogueImportRequestSchema, validationHook),
    async (c) => {
      const { year } = c.req.valid('param');
      const b = await bureauOf(c, c.req.valid('query').bureau);
      const db = c.env.DB;
      const read = readCatalogue(decodeWorkbook(c.req.valid('json').workbook), { year });
      const findings = maskIds(read.findings);
      if (!read.ok) {
        const details: CatalogueInvalidDetails = {
          counts: { errors: read.counts.errors, warnings: read.counts.warnings },
          findings,
        };
        throw new ApiError(
          400,
          'catalogue.invalid',
          `培训项目目录有 ${read.counts.errors} 处错误，未导入任何项目。请修正后再导入`,
          `The catalogue has ${read.counts.errors} errors; nothing was imported. Fix them and import again`,
          details,
        );
      }
      const keys = await idKeys(c.env);
      const lists = new Map<string, string[]>();
      if (read.hasAttendeeSheet) for (const e of read.entries) lists.set(e.code, []);
      for (const a of read.attendees) lists.get(a.code)!.push(await hmacId(keys, a.idNumber));
      const before = await existingCodes(db, b.id, year);
      const at = nowOf(c).toISOString();
      const by = c.get('auth').label;
      const added = read.entries.filter((e) => !before.has(foldCode(e.code))).length;
      await db.batch([
        ...upsertEntries(db, { bureauId: b.id, year, entries: read.entries, source: 'import', by, at }),
        ...(lists.size > 0 ? replaceAttendees(db, { bureauId: b.id, year, lists }) : []),
      ]);
      const attendees = read.attendees.length;
      await audit(
        db,
        c.get('auth').tokenId,
        'catalogue.import',
        { bureau: b.id, year, entries: read.entries.length, added, attendees },
        at,
      );
      // Entries are only ever added or replaced by an import: with none, nothing changed.
      const { reevaluated, pending } =
        read.entries.length > 0 ? await reevaluateForEntries(c, b.id, year, true, []) : { reevaluated: [], pending: 0 };
      const body: CatalogueImportResult = {
        year,
        counts: {
          entries: read.counts.entries,
          attendees: read.counts.attendees,
          errors: 0,
          warnings: read.counts.warnings,
          fixes: read.counts.fixes,
        },
        findings,
        fixes: maskIds(read.fixes),
        imported: { added, updated: read.entries.length - added, attendees },
        reevaluated,
        pending,
      };
      return c.json(body, 200);
    },
  )
  .put(
    '/:year/entries/:code',
    staff,
    zValidator('param', catalogueEntryParamSchema, validationHook),
    zValidator('query', bureauQuerySchema, validationHook),
    jsonBody,
    zValidator('json', catalogueEntryInputSchema, validationHook),
    async (c) => {
      const { year, code } = c.req.valid('param');
      const input = c.req.valid('json');
      if (!input.endDate.startsWith(`${year}-`)) {
        throw new ApiError(
          400,
          'request.invalid',
          `${year} 年度的目录只收结束于该年的培训`,
          `The ${year} catalogue holds trainings that end in ${year}`,
          {
            issues: [{ path: ['endDate'], message: `not in ${year}` }],
          },
        );
      }
      const b = await bureauOf(c, c.req.valid('query').bureau);
      const db = c.env.DB;
      const previous = await getEntry(db, b.id, year, code);
      const wasKept = await hasCatalogue(db, b.id, year);
      const entry: CatalogueEntry = { code: previous?.code ?? code, ...input, organizer: input.organizer ?? null };
      const at = nowOf(c).toISOString();
      await db.batch(
        upsertEntries(db, { bureauId: b.id, year, entries: [entry], source: 'edit', by: c.get('auth').label, at }),
      );
      await audit(
        db,
        c.get('auth').tokenId,
        previous ? 'catalogue.entry_update' : 'catalogue.entry_add',
        { bureau: b.id, year, code: entry.code },
        at,
      );
      const touched = previous ? [entry, toEntry(previous)] : [entry];
      const body: CatalogueChangeResult = {
        entry: toEntryInfo((await getEntry(db, b.id, year, code))!, true),
        ...(await reevaluateForEntries(c, b.id, year, !wasKept, touched)),
      };
      return c.json(body, previous ? 200 : 201);
    },
  )
  .delete(
    '/:year/entries/:code',
    staff,
    zValidator('param', catalogueEntryParamSchema, validationHook),
    zValidator('query', bureauQuerySchema, validationHook),
    async (c) => {
      const { year, code } = c.req.valid('param');
      const b = await bureauOf(c, c.req.valid('query').bureau);
      const db = c.env.DB;
      const previous: EntryRow | null = await getEntry(db, b.id, year, code);
      if (!previous) throw notFound();
      const linked = await decisionsLinkedTo(db, b.id, year, code);
      if (linked > 0) {
        throw new ApiError(
          409,
          'catalogue.entry_linked',
          `待认定队列中有 ${linked} 组培训已关联到项目 ${previous.code}，不能删除`,
          `${linked} queue groups are linked to ${previous.code}; it cannot be removed`,
          { groups: linked },
        );
      }
      const at = nowOf(c).toISOString();
      await db.batch(deleteEntry(db, b.id, year, code));
      await audit(db, c.get('auth').tokenId, 'catalogue.entry_delete', { bureau: b.id, year, code: previous.code }, at);
      const stillKept = await hasCatalogue(db, b.id, year);
      const body: CatalogueChangeResult = {
        entry: null,
        ...(await reevaluateForEntries(c, b.id, year, !stillKept, [toEntry(previous)])),
      };
      return c.json(body, 200);
    },
  );
