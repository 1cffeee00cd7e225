/**
 * Every call the pane, the dashboard and the CLI make, by name: `createClient(conn).bureau.summary({ year })`.
 * Reads are retried (network errors, timeouts, 5xx, 429); writes only where a retry cannot do a
 * thing twice (429, 503; the submission under its Idempotency-Key). Every method answers an
 * ApiResult, never throws.
 */
import type {
  CatalogueEntryInput,
  CatalogueImportRequest,
  QueueQuery,
  RecognitionDecisionRequest,
} from '../shared/api/catalogue.js';
import type {
  BureauCreate,
  ReviewRequest,
  SchoolCreate,
  TeacherQuery,
  TokenIssue,
  TokenRenew,
} from '../shared/api/requests.js';
import type { Records } from '../shared/records.js';
import { type AttemptOptions, type CallOptions, call, download } from './call.js';
import { fetchHistory, fetchRecordSet } from './history.js';
import type { RetryOptions } from './retry.js';
import { api, type Connection } from './routes.js';
import { type SubmitInput, submitOver } from './submit.js';

export interface ClientOptions extends Connection {
  /** Defaults for every call's retries (attempts, timeout, backoff, onRetry; sleep for tests). */
  retry?: RetryOptions;
  /** Called on any 401 (a revoked or expired token), e.g. to sign out. */
  onUnauthorized?: () => void;
}

/** The year and, for an admin, the bureau a bureau-scoped read is about. */
export interface Scope {
  year?: number;
  /** Admins name the bureau; a reviewer's token has one and may omit it. */
  bureau?: string;
}

export type ExportFormat = 'csv' | 'xlsx';

/** Query values as the URL carries them: numbers as text, absent ones left out. */
function query(q: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
}

/** A path parameter, escaped (hc puts it into the path as given). */
const param = (value: string | number) => encodeURIComponent(String(value));

export function createClient(options: ClientOptions) {
  const routes = api(options);
  const base: CallOptions = {
    ...options.retry,
    ...(options.onUnauthorized ? { onUnauthorized: options.onUnauthorized } : {}),
  };
  const read = { ...base, idempotent: true };
  const write = { ...base, idempotent: false };
  type O = AttemptOptions;

  return {
    /** The typed routes themselves, for a call not named below (still no hand-made URL). */
    routes,
    health: () => call((o: O) => routes.health.$get(undefined, o), read),
    me: () => call((o: O) => routes.me.$get(undefined, o), read),

    submissions: {
      list: (year: number) => call((o: O) => routes.submissions.$get({ query: query({ year }) }, o), read),
      get: (id: string) => call((o: O) => routes.submissions[':id'].$get({ param: { id: param(id) } }, o), read),
      compliance: (id: string) =>
        call((o: O) => routes.submissions[':id'].compliance.$get({ param: { id: param(id) } }, o), read),
      diff: (id: string) => call((o: O) => routes.submissions[':id'].diff.$get({ param: { id: param(id) } }, o), read),
      review: (id: string, body: ReviewRequest) =>
        call((o: O) => routes.submissions[':id'].review.$post({ param: { id: param(id) }, json: body }, o), write),
      submit: (input: SubmitInput) => submitOver(options, input, options.retry),
    },

    /** The workbook's record set with the teachers' history (clerk): what the preview evaluates. */
    history: (records: Records, year: number) => fetchRecordSet(options, records, year, read),
    /** The raw history of a roster's IDs (the pane, whose records stay in its Web Worker). */
    historyOf: (ids: readonly string[], year: number) => fetchHistory(options, ids, year, read),

    bureau: {
      summary: (scope: Scope) => call((o: O) => routes.bureau.summary.$get({ query: query({ ...scope }) }, o), read),
      teachers: (q: TeacherQuery) => call((o: O) => routes.bureau.teachers.$get({ query: query({ ...q }) }, o), read),
      school: (code: string, scope: Scope) =>
        call(
          (o: O) =>
            routes.bureau.schools[':code'].$get({ param: { code: param(code) }, query: query({ ...scope }) }, o),
          read,
        ),
      /** One teacher's rules with the records behind each, their year and school; by school and roster row. */
      teacher: (code: string, row: number, scope: Scope) =>
        call(
          (o: O) =>
            routes.bureau.schools[':code'].teachers[':row'].$get(
              { param: { code: param(code), row: param(row) }, query: query({ ...scope }) },
              o,
            ),
          read,
        ),
      /** The bureau's current teachers with masked IDs. */
      export: (scope: Scope, format: ExportFormat) =>
        download((o: O) => routes.bureau.export.$get({ query: query({ ...scope, format }) }, o), read),
      /** The district summary, one row per school. */
      exportSummary: (scope: Scope, format: ExportFormat) =>
        download((o: O) => routes.bureau.exports.summary.$get({ query: query({ ...scope, format }) }, o), read),
      /** The teacher list with the same filters as `teachers`. */
      exportTeachers: (q: Omit<TeacherQuery, 'page' | 'pageSize'>, format: ExportFormat) =>
        download((o: O) => routes.bureau.exports.teachers.$get({ query: query({ ...q, format }) }, o), read),
    },

    policies: {
      get: (year: number, bureau?: string) =>
        call(
          (o: O) => routes.policies[':year'].$get({ param: { year: param(year) }, query: query({ bureau }) }, o),
          read,
        ),
      /** Stores a bureau's policy file for the year (admin); the same file twice stores the same state. */
      put: (year: number, q: { bureau: string; deadline?: string }, file: unknown) =>
        call(
          (o: O) =>
            routes.policies[':year'].$put(
              { param: { year: param(year) }, query: { ...query(q), bureau: q.bureau }, json: file },
              o,
            ),
          write,
        ),
    },

    /** The bureau's training catalogue per year (archive.md §2); clerks may only list it. */
    catalogue: {
      list: (year: number, bureau?: string) =>
        call(
          (o: O) => routes.catalogue[':year'].$get({ param: { year: param(year) }, query: query({ bureau }) }, o),
          read,
        ),
      /** A catalogue workbook's cells; with errors nothing is imported (catalogue.invalid with the findings). */
      // The same workbook twice leaves the same catalogue (entries by code, lists replaced): safe to retry.
      import: (year: number, body: CatalogueImportRequest, bureau?: string) =>
        call(
          (o: O) =>
            routes.catalogue[':year'].import.$post(
              { param: { year: param(year) }, query: query({ bureau }), json: body },
              o,
            ),
          read,
        ),
      putEntry: (year: number, code: string, entry: CatalogueEntryInput, bureau?: string) =>
        call(
          (o: O) =>
            routes.catalogue[':year'].entries[':code'].$put(
              { param: { year: param(year), code: param(code) }, query: query({ bureau }), json: entry },
              o,
            ),
          write,
        ),
      deleteEntry: (year: number, code: string, bureau?: string) =>
        call(
          (o: O) =>
            routes.catalogue[':year'].entries[':code'].$delete(
              { param: { year: param(year), code: param(code) }, query: query({ bureau }) },
              o,
            ),
          write,
        ),
      /** The catalogue as .xlsx, re-importable as it is. */
      export: (year: number, bureau?: string) =>
        download(
          (o: O) =>
            routes.catalogue[':year'].export.$get({ param: { year: param(year) }, query: query({ bureau }) }, o),
          read,
        ),
      /** The blank catalogue workbook (培训项目目录 and 参训名单). */
      template: () => download((o: O) => routes.catalogue.template.$get(undefined, o), read),
    },

    /** The reviewer's recognition queue and its decisions. */
    recognition: {
      queue: (year: number, q: QueueQuery = {}) =>
        call(
          (o: O) => routes.recognition[':year'].queue.$get({ param: { year: param(year) }, query: query({ ...q }) }, o),
          read,
        ),
      decide: (year: number, decision: RecognitionDecisionRequest, bureau?: string) =>
        call(
          (o: O) =>
            routes.recognition[':year'].decisions.$post(
              { param: { year: param(year) }, query: query({ bureau }), json: decision },
              o,
            ),
          write,
        ),
    },

    /** archive.md §4: 专任教师 by hours, each level's teachers and hours, the funds share. */
    statistics: {
      get: (scope: Scope) => call((o: O) => routes.statistics.$get({ query: query({ ...scope }) }, o), read),
      export: (scope: Scope) =>
        download((o: O) => routes.statistics.export.$get({ query: query({ ...scope }) }, o), read),
    },

    admin: {
      bureaus: {
        list: () => call((o: O) => routes.admin.bureaus.$get(undefined, o), read),
        add: (b: BureauCreate) => call((o: O) => routes.admin.bureaus.$post({ json: b }, o), write),
      },
      schools: {
        list: (bureau?: string) => call((o: O) => routes.admin.schools.$get({ query: query({ bureau }) }, o), read),
        add: (s: SchoolCreate) => call((o: O) => routes.admin.schools.$post({ json: s }, o), write),
      },
      tokens: {
        list: () => call((o: O) => routes.admin.tokens.$get(undefined, o), read),
        issue: (t: TokenIssue) => call((o: O) => routes.admin.tokens.$post({ json: t }, o), write),
        revoke: (id: string) =>
          call((o: O) => routes.admin.tokens[':id'].revoke.$post({ param: { id: param(id) } }, o), write),
        /** A new expiry (given, or the end of the school year from today); a revoked token stays revoked. */
        renew: (id: string, body: TokenRenew = {}) =>
          call((o: O) => routes.admin.tokens[':id'].renew.$post({ param: { id: param(id) }, json: body }, o), write),
      },
      /** Every teacher with the full ID number: audited on the server. */
      export: (scope: Scope & { bureau: string }, format: ExportFormat) =>
        download((o: O) => routes.admin.export.$get({ query: query({ ...scope, format }) }, o), read),
    },
  };
}

export type ShixunClient = ReturnType<typeof createClient>;
