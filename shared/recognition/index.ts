/** The training catalogue and the recognition of hours (archive.md §2): pure, shared by every layer. */

export { Catalogues } from './by-year.js';
export {
  CATALOGUE_ATTENDEES_SHEET,
  CATALOGUE_ENTRIES_SHEET,
  CATALOGUE_LEVELS,
  CATALOGUE_SHEETS,
  type CatalogueSheetKey,
} from './catalogue-sheets.js';
export { boundedDistance, type DistanceTo, distanceFrom, PatternTable } from './distance.js';
export { foldCode, foldCourse } from './fold.js';
export { countedHours } from './hours.js';
export {
  type CatalogueAttendee,
  type CatalogueReadResult,
  type CatalogueRow,
  readCatalogue,
} from './read-catalogue.js';
export { CatalogueIndex, type CatalogueInput, closeDistance, groupKey, Recognizer } from './recognizer.js';
export {
  bucketOf,
  emptyStatisticsRow,
  HOURS_BUCKETS,
  type HoursBucket,
  sumStatistics,
  type TrainingStatisticsRow,
  trainingStatistics,
} from './statistics.js';
export * from './types.js';
