/**
 * Recognition in the preview (archive.md §2, issue 14): the workbook's 区级-or-higher records
 * matched against the bureau's catalogue with the server's own Recognizer, before the policy engine
 * counts them, so the preview counts what the server will. A clerk reads the catalogue without its
 * attendee lists (codes, names, dates, hours, and whether an entry has a list): a record matched to
 * an entry that has a list cannot be told recognised or not on the list here, so it is marked
 * `pendingList` and counted as the entry's hours (as if the teacher is on it; the receipt says).
 * Pure: it runs in the pane's Web Worker, where the records are.
 */
import type { RecordRecognition, SubmissionRecognition } from '../../shared/api/catalogue.js';
import {
  type CatalogueEntry,
  Catalogues,
  countedHours,
  isRecognizedLevel,
  RECOGNITION_STATUSES,
  type RecognitionMode,
  Recognizer,
} from '../../shared/recognition/index.js';
import type { Records } from '../../shared/records.js';

/** A year's catalogue as a clerk reads it. */
export interface PreviewCatalogue {
  year: number;
  entries: CatalogueEntry[];
  /** Codes of the entries that have an attendee list. */
  listed: string[];
}

/** One record's recognition in the preview: the receipt's shape, and whether its list is still to check. */
export interface PreviewRecordRecognition extends RecordRecognition {
  /** Matched to an entry with an attendee list the pane cannot read: the server decides on submit. */
  pendingList: boolean;
  /** The likely entry's course, for "可能是…" (the catalogue is at hand here). */
  likelyCourse: string | null;
}

export interface PreviewRecognition extends Omit<SubmissionRecognition, 'records'> {
  records: PreviewRecordRecognition[];
  /** Records whose entry has an attendee list: counted here, not under their status in `counts`. */
  pendingList: number;
}

/** The years whose catalogues a workbook's records need: the end years of its 区级-or-higher trainings. */
export function catalogueYears(records: Pick<Records, 'trainings'>): number[] {
  return Catalogues.yearsOf(records.trainings.filter((t) => isRecognizedLevel(t.level)));
}

/**
 * The records with their recognition set (a copy: the validated records stay as they were) and the
 * preview's list of it; mode `off` sets none, as on the server. A year without entries gives its
 * records no status ("no catalogue, no status", docs/RECOGNITION.md).
 */
export function recognizeForPreview(
  records: Records,
  catalogues: readonly PreviewCatalogue[],
  mode: RecognitionMode,
): { records: Records; recognition: PreviewRecognition } {
  const counts = Object.fromEntries(RECOGNITION_STATUSES.map((s) => [s, 0])) as PreviewRecognition['counts'];
  if (mode === 'off') return { records, recognition: { mode, counts, records: [], pendingList: 0 } };
  const listed = new Set<string>();
  const courses = new Map<string, string>();
  const byYear = new Map<number, Recognizer>();
  for (const c of catalogues) {
    if (c.entries.length === 0) continue;
    // No attendee lists: every entry matches as one without a list; `listed` marks those that have one.
    byYear.set(c.year, new Recognizer({ entries: c.entries }));
    for (const code of c.listed) listed.add(`${c.year}|${code}`);
    for (const e of c.entries) courses.set(`${c.year}|${e.code}`, e.course);
  }
  const recognizer = new Catalogues(byYear);
  const list: PreviewRecordRecognition[] = [];
  let pendingList = 0;
  const trainings = records.trainings.map((t) => {
    const recognition = recognizer.recognize(t, '');
    if (!recognition) return { ...t, recognition: null };
    const year = t.endDate.slice(0, 4);
    const pending = recognition.code !== null && listed.has(`${year}|${recognition.code}`);
    if (pending) pendingList++;
    else counts[recognition.status]++;
    list.push({
      row: t.row,
      course: t.course,
      level: t.level,
      startDate: t.startDate,
      endDate: t.endDate,
      hours: t.hours,
      countedHours: countedHours(t.hours, recognition, mode),
      status: recognition.status,
      basis: recognition.basis,
      code: recognition.code,
      likely: recognition.likely,
      reason: recognition.reason,
      pendingList: pending,
      likelyCourse: recognition.likely ? (courses.get(`${year}|${recognition.likely}`) ?? null) : null,
    });
    return { ...t, recognition };
  });
  list.sort((a, b) => a.row - b.row);
  return { records: { ...records, trainings }, recognition: { mode, counts, records: list, pendingList } };
}
