/**
 * The bureau's teacher view: per rule, actual / required and the records behind it with their year
 * and school. The stored verdict keeps each counted record as [source, row]; this resolves them
 * through the version's submission_sources to the rows of the ledgers they came from (two round
 * trips whatever the number of records).
 */
import type { TeacherView, TeacherViewOrigin, TeacherViewRecord, TeacherViewRule } from '../../shared/api/history.js';
import type {
  ComplianceReport,
  RecordSheet,
  RuleId,
  TeacherCompliance,
  TeacherRuleId,
  TeacherStatus,
} from '../../shared/policy/types.js';
import { countedHours, type RecognitionMode } from '../../shared/recognition/index.js';
import type { StoredRecognition } from '../recognition/apply.js';
import {
  type DutyFieldsRow,
  dutyFields,
  type MilestoneFieldsRow,
  milestoneFields,
  type TrainingFieldsRow,
  trainingFields,
} from './record-fields.js';

interface Head {
  id: string;
  version: number;
  as_of: string;
  report_json: string;
  school_name: string;
  /** null for a version stored before recognition existed: it was evaluated without it. */
  recognition: RecognitionMode | null;
}

/**
 * How each rule's `actual` is made of the records it counted (shared/policy/rules): their hours as
 * the policy's `recognition` gives them (policy.md: the annual district hours and the cycle), their
 * hours as recorded, or the records themselves (a count of trainings, semesters or milestones).
 * Keyed by every teacher rule, so a new rule cannot be added without saying how it counts.
 */
const COUNTING: Record<TeacherRuleId, 'recognized' | 'recorded' | 'records'> = {
  annual_district_plus_hours: 'recognized',
  cycle_hours: 'recognized',
  new_teacher_induction: 'recorded',
  principal_qualification: 'recorded',
  ethics_training: 'records',
  transfer_training: 'records',
  backbone_duties: 'records',
  young_teacher_milestones: 'records',
  backbone_eligibility: 'records',
};

/** A teacher's verdict holds teacher rules only; anything else counts no hours. */
const countingOf = (rule: RuleId) => COUNTING[rule as TeacherRuleId] ?? 'records';

/** The hours a training adds to the rule's actual; null where the rule counts records. */
function countedFor(rule: RuleId, hours: number, recognition: StoredRecognition | null, mode: RecognitionMode) {
  const how = countingOf(rule);
  if (how === 'records') return null;
  return countedHours(hours, recognition, how === 'recognized' ? mode : 'off');
}

interface TeacherHead {
  row: number;
  id_masked: string;
  name: string;
  status: TeacherStatus;
  compliance_json: string;
}

const COLUMNS: Record<RecordSheet, string> = {
  trainings: `r.row, r.course, r.level, r.category, r.form, r.start_date, r.end_date, r.hours, r.organizer, r.certificate,
    r.catalogue_code, r.recognition_json`,
  duties: `r.row, r.semester, r.demo_lessons_home, r.demo_lessons_guided, r.observed_lessons, r.group_preps, r.lectures,
    r.project_led, r.small_projects`,
  milestones: 'r.row, r.milestone, r.result, r.date',
};

const SHEETS: readonly RecordSheet[] = ['trainings', 'duties', 'milestones'];

type Row = Record<string, unknown> & { k: number };

function recordOf(
  sheet: RecordSheet,
  r: Row,
  origin: TeacherViewOrigin,
  counted: (hours: number, recognition: StoredRecognition | null) => number | null,
): TeacherViewRecord {
  // The row holds the sheet's COLUMNS (above), as the record-fields readers expect.
  if (sheet === 'trainings') {
    const x = r as unknown as TrainingFieldsRow & { recognition_json: string | null };
    const recognition = x.recognition_json ? (JSON.parse(x.recognition_json) as StoredRecognition) : null;
    return { sheet, ...trainingFields(x), recognition, countedHours: counted(x.hours, recognition), ...origin };
  }
  if (sheet === 'duties') return { sheet, ...dutyFields(r as unknown as DutyFieldsRow), ...origin };
  return { sheet, ...milestoneFields(r as unknown as MilestoneFieldsRow), ...origin };
}

export async function teacherView(
  db: D1Database,
  q: { bureauId: string; schoolCode: string; year: number; row: number },
): Promise<TeacherView | null> {
  const scope = 'c.school_code = ?1 AND c.year = ?2 AND sc.bureau_id = ?3';
  const [head, teacher, sources] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT s.id, s.version, s.as_of, s.report_json, sc.name AS school_name,
                json_extract(s.stats_json, '$.recognition') AS recognition
           FROM current_submissions c JOIN submissions s ON s.id = c.submission_id JOIN schools sc ON sc.code = c.school_code
          WHERE ${scope}`,
      )
      .bind(q.schoolCode, q.year, q.bureauId),
    db
      .prepare(
        `SELECT t.row, t.id_masked, t.name, t.status, t.compliance_json
           FROM current_submissions c JOIN teachers t ON t.submission_id = c.submission_id JOIN schools sc ON sc.code = c.school_code
          WHERE ${scope} AND t.row = ?4`,
      )
      .bind(q.schoolCode, q.year, q.bureauId, q.row),
    db
      .prepare(
        `SELECT ss.idx, ss.source_id
           FROM current_submissions c JOIN submission_sources ss ON ss.submission_id = c.submission_id
           JOIN schools sc ON sc.code = c.school_code
          WHERE ${scope}`,
      )
      .bind(q.schoolCode, q.year, q.bureauId),
  ]);
  const h = head!.results[0] as unknown as Head | undefined;
  const t = teacher!.results[0] as unknown as TeacherHead | undefined;
  if (!h || !t) return null;
  const report = JSON.parse(h.report_json) as Omit<ComplianceReport, 'teachers'>;
  const compliance = JSON.parse(t.compliance_json) as TeacherCompliance;
  const sourceIds = new Map<number, string>([[0, h.id]]);
  for (const s of sources!.results as { idx: number; source_id: string }[]) sourceIds.set(s.idx, s.source_id);

  // Each counted record once per sheet, whichever rules share it: [submission id, row] for json_each.
  const wanted: Record<RecordSheet, { keys: Map<string, number>; pairs: [string, number][] }> = {
    trainings: { keys: new Map(), pairs: [] },
    duties: { keys: new Map(), pairs: [] },
    milestones: { keys: new Map(), pairs: [] },
  };
  for (const r of compliance.rules) {
    if (!r.records) continue;
    const w = wanted[r.records.sheet];
    for (const [source, row] of r.records.refs) {
      const key = `${source}:${row}`;
      if (w.keys.has(key)) continue;
      w.keys.set(key, w.pairs.length);
      w.pairs.push([sourceIds.get(source) ?? '', row]);
    }
  }
  const sheets = SHEETS.filter((s) => wanted[s].pairs.length > 0);
  const read =
    sheets.length === 0
      ? []
      : await db.batch<Row>(
          sheets.map((s) =>
            db
              .prepare(
                `SELECT j.key AS k, ${COLUMNS[s]} FROM json_each(?1) AS j
             CROSS JOIN ${s} r ON r.submission_id = json_extract(j.value, '$[0]') AND r.row = json_extract(j.value, '$[1]')`,
              )
              .bind(JSON.stringify(wanted[s].pairs)),
          ),
        );
  const rows: Record<RecordSheet, Map<number, Row>> = {
    trainings: new Map(),
    duties: new Map(),
    milestones: new Map(),
  };
  sheets.forEach((s, i) => {
    for (const r of read[i]!.results) rows[s].set(r.k, r);
  });

  const origin = (source: number): TeacherViewOrigin => {
    const s = report.sources[source];
    return {
      year: s?.year ?? q.year,
      schoolCode: s?.schoolCode ?? q.schoolCode,
      schoolName: s?.schoolName ?? h.school_name,
      self: source === 0,
    };
  };
  const mode = h.recognition ?? 'off';
  const others = new Map<string, { code: string; name: string; years: Set<number> }>();
  const rules: TeacherViewRule[] = compliance.rules.map((r) => {
    const records: TeacherViewRecord[] = [];
    if (r.records) {
      const sheet = r.records.sheet;
      for (const [source, row] of r.records.refs) {
        const found = rows[sheet].get(wanted[sheet].keys.get(`${source}:${row}`)!);
        // Versions are never deleted and the caller re-evaluates stale verdicts first: a reference
        // that resolves to nothing is a broken invariant, not something to hide.
        if (!found) throw new Error(`counted ${sheet} record ${source}:${row} of ${h.id} not found`);
        const o = origin(source);
        records.push(recordOf(sheet, found, o, (hours, rec) => countedFor(r.rule, hours, rec, mode)));
        if (o.schoolCode !== q.schoolCode) {
          const e = others.get(o.schoolCode) ?? { code: o.schoolCode, name: o.schoolName, years: new Set<number>() };
          e.years.add(o.year);
          others.set(o.schoolCode, e);
        }
      }
    }
    return {
      rule: r.rule,
      status: r.status,
      actual: r.actual,
      required: r.required,
      message: r.message,
      sheet: r.records?.sheet ?? null,
      counts: r.records ? (countingOf(r.rule) === 'records' ? 'records' : 'hours') : null,
      records,
    };
  });
  return {
    year: q.year,
    submission: { id: h.id, version: h.version, asOf: h.as_of },
    school: { code: q.schoolCode, name: h.school_name },
    teacher: { row: t.row, idMasked: t.id_masked, name: t.name, status: t.status },
    recognition: mode,
    otherSchools: [...others.values()].map((e) => ({ code: e.code, name: e.name, years: [...e.years].sort() })),
    rules,
  };
}
