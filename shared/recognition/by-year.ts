/**
 * A district's catalogues by year. A record is recognised against the catalogue of the year its
 * endDate is in — the year its hours count for (policy.md, "Year Y") — and a year for which the
 * bureau keeps no catalogue (no entry, no decision) gives no status: recognition starts where the
 * bureau starts keeping a catalogue, and a cumulative ledger's older years are not all 待认定.
 */
import type { Recognizer } from './recognizer.js';
import type { Recognition, RecognizableRecord } from './types.js';

export class Catalogues {
  constructor(private readonly byYear: ReadonlyMap<number, Recognizer>) {}

  /** The years whose catalogues a set of records needs. */
  static yearsOf(records: readonly Pick<RecognizableRecord, 'endDate'>[]): number[] {
    const years = new Set<number>();
    for (const r of records) years.add(yearOf(r.endDate));
    return [...years].sort((a, b) => a - b);
  }

  recognize(record: RecognizableRecord, teacherKey: string): Recognition | null {
    return this.byYear.get(yearOf(record.endDate))?.recognize(record, teacherKey) ?? null;
  }
}

/** The year of an ISO date, as Number(date.slice(0, 4)) without a string per record (NaN if not digits). */
function yearOf(date: string): number {
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = date.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return Number.NaN;
    year = year * 10 + d;
  }
  return year;
}
