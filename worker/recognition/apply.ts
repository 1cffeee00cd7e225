/**
 * Recognition inside an evaluation: each record of 区级 or higher gets its status from the bureau's
 * catalogues (policy `recognition` off: none), before the policy engine counts hours. What is stored
 * per record, and what the receipt lists, are built here too.
 */
import type { RecordRecognition, SubmissionRecognition } from '../../shared/api/catalogue.js';
import {
  Catalogues,
  countedHours,
  RECOGNITION_STATUSES,
  type Recognition,
  type RecognitionMode,
} from '../../shared/recognition/index.js';
import type { Records, TrainingRecord } from '../../shared/records.js';

/** Reads the catalogues for these years and teachers (the keyed hashes the attendee lists hold). */
export type CatalogueLoader = (years: readonly number[], teacherHmacs: Iterable<string>) => Promise<Catalogues>;

/** Sets every training's recognition; `hmacOf` must know every training's ID. */
export async function recognizeRecords(
  records: Records,
  mode: RecognitionMode,
  load: CatalogueLoader | undefined,
  hmacOf: (id: string) => string,
): Promise<void> {
  // Without a loader there is no catalogue to read (tools that evaluate a workbook alone).
  if (mode === 'off' || !load) {
    for (const t of records.trainings) t.recognition = null;
    return;
  }
  const catalogues = await load(
    Catalogues.yearsOf(records.trainings),
    records.trainings.map((t) => hmacOf(t.idNumber)),
  );
  for (const t of records.trainings) t.recognition = catalogues.recognize(t, hmacOf(t.idNumber));
}

/** The stored form: the recognition with the hours it counted (the mode of that evaluation). */
export interface StoredRecognition extends Recognition {
  countedHours: number;
}

export function storedRecognition(t: TrainingRecord, mode: RecognitionMode): StoredRecognition | null {
  return t.recognition ? { ...t.recognition, countedHours: countedHours(t.hours, t.recognition, mode) } : null;
}

export interface RecognitionDbRow {
  row: number;
  course: string;
  level: RecordRecognition['level'];
  start_date: string;
  end_date: string;
  hours: number;
  recognition_json: string;
}

/** The receipt's recognition from a version's stored trainings, under the mode it was evaluated with. */
export async function readRecognition(db: D1Database, submissionId: string): Promise<SubmissionRecognition> {
  const [meta, rows] = await db.batch<Record<string, unknown>>([
    db
      .prepare("SELECT json_extract(stats_json, '$.recognition') AS mode FROM submissions WHERE id = ?1")
      .bind(submissionId),
    db
      .prepare(
        `SELECT row, course, level, start_date, end_date, hours, recognition_json FROM trainings
          WHERE submission_id = ?1 AND recognition IS NOT NULL ORDER BY row`,
      )
      .bind(submissionId),
  ]);
  // A version stored before recognition existed was evaluated without it.
  const mode = ((meta!.results[0] as { mode?: RecognitionMode } | undefined)?.mode ?? 'off') as RecognitionMode;
  const r = { results: rows!.results as unknown as RecognitionDbRow[] };
  const counts = Object.fromEntries(RECOGNITION_STATUSES.map((s) => [s, 0])) as SubmissionRecognition['counts'];
  const records: RecordRecognition[] = r.results.map((t) => {
    const s = JSON.parse(t.recognition_json) as StoredRecognition;
    counts[s.status]++;
    return {
      row: t.row,
      course: t.course,
      level: t.level,
      startDate: t.start_date,
      endDate: t.end_date,
      hours: t.hours,
      countedHours: s.countedHours,
      status: s.status,
      basis: s.basis,
      code: s.code,
      likely: s.likely,
      reason: s.reason,
    };
  });
  return { mode, counts, records };
}
