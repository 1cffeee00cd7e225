/**
 * The columns of the tables the worker writes in bulk, once: each table's row type is derived from
 * its column list, the staging INSERT is built from the same list, and a row object converts to the
 * positional JSON array in that order. A missing or misspelt column is a type error, never a value
 * silently shifted into the next column. test/worker/schema.test.ts holds these lists against the
 * migrated database. No Workers types here: the benchmarks import it in Node.
 */

/** A column's SQLite storage and whether it may be NULL. */
type ColumnType = 'text' | 'text?' | 'integer' | 'integer?' | 'real' | 'real?';

type ValueOf<T extends ColumnType> = T extends 'text'
  ? string
  : T extends 'text?'
    ? string | null
    : T extends 'integer' | 'real'
      ? number
      : number | null;

export interface Table<C extends Record<string, ColumnType>> {
  name: string;
  columns: C;
  /** The column names in declaration order. */
  names: readonly (keyof C & string)[];
  /** The names without submission_id: the order of a child table's staged JSON arrays. */
  staged: readonly (keyof C & string)[];
}

function table<const C extends Record<string, ColumnType>>(name: string, columns: C): Table<C> {
  const names = Object.keys(columns) as (keyof C & string)[];
  return { name, columns, names, staged: names.filter((n) => n !== 'submission_id') };
}

/** One row of a table, every column present. */
export type RowOf<T extends { columns: Record<string, ColumnType> }> = {
  -readonly [K in keyof T['columns']]: ValueOf<T['columns'][K]>;
};

/** A child row as staged: every column but the submission id, which the INSERT binds once. */
export type StagedRow<T extends { columns: Record<string, ColumnType> }> = Omit<RowOf<T>, 'submission_id'>;

export const SUBMISSIONS = table('submissions', {
  id: 'text',
  school_code: 'text',
  year: 'integer',
  version: 'integer',
  status: 'text',
  token_id: 'text',
  submitted_by: 'text',
  submitted_at: 'text',
  idempotency_key: 'text',
  content_hash: 'text',
  teachers: 'integer',
  trainings: 'integer',
  duties: 'integer',
  milestones: 'integer',
  pass: 'integer',
  warn: 'integer',
  fail: 'integer',
  pass_rate: 'real',
  policy_id: 'text',
  as_of: 'text',
  school_json: 'text',
  report_json: 'text',
  stats_json: 'text',
  review_comment: 'text?',
  reviewed_by: 'text?',
  reviewed_at: 'text?',
  review_state: 'text',
  approved_version: 'integer?',
  stale_since: 'text?',
  evaluated_at: 'text?',
  committed_seq: 'integer?',
});

export const TEACHERS = table('teachers', {
  submission_id: 'text',
  row: 'integer',
  id_hmac: 'text',
  id_masked: 'text',
  id_enc: 'text',
  name: 'text',
  gender: 'text',
  stage: 'text',
  subject: 'text',
  title: 'text',
  education: 'text',
  start_date: 'text',
  post: 'text',
  post_start_date: 'text?',
  backbone: 'text',
  backbone_level: 'text?',
  studio_role: 'text',
  transferred: 'integer',
  status: 'text',
  unmet: 'text',
  hours: 'real',
  compliance_json: 'text',
});

export const TRAININGS = table('trainings', {
  submission_id: 'text',
  row: 'integer',
  id_hmac: 'text',
  course: 'text',
  level: 'text',
  category: 'text',
  form: 'text',
  start_date: 'text',
  end_date: 'text',
  hours: 'real',
  organizer: 'text?',
  certificate: 'text?',
  // archive.md §2 (migration 0004): the 项目编号, the recognition status and its whole answer, the queue group.
  catalogue_code: 'text?',
  recognition: 'text?',
  recognition_json: 'text?',
  group_key: 'text?',
});

export const DUTIES = table('duties', {
  submission_id: 'text',
  row: 'integer',
  id_hmac: 'text',
  semester: 'text',
  demo_lessons_home: 'integer',
  demo_lessons_guided: 'integer',
  observed_lessons: 'integer',
  group_preps: 'integer',
  lectures: 'integer',
  project_led: 'text?',
  small_projects: 'integer',
});

export const MILESTONES = table('milestones', {
  submission_id: 'text',
  row: 'integer',
  id_hmac: 'text',
  milestone: 'text',
  result: 'text',
  date: 'text',
});

export const SUBMISSION_SOURCES = table('submission_sources', {
  submission_id: 'text',
  idx: 'integer',
  source_id: 'text',
});

/** The tables whose rows belong to one submission, written in bulk from staged JSON. */
export const CHILD_TABLES = [TEACHERS, TRAININGS, DUTIES, MILESTONES, SUBMISSION_SOURCES] as const;
export type ChildTable = (typeof CHILD_TABLES)[number];

/** A staged row as the JSON array the INSERT … SELECT FROM json_each reads, in column order. */
export function toTuple<T extends ChildTable>(t: T, row: StagedRow<T>): unknown[] {
  const r = row as Record<string, unknown>;
  return t.staged.map((c) => r[c]);
}
