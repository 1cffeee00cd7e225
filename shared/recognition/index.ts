/** The training catalogue and the recognition of hours (archive.md §2): pure, shared by every layer. */
export * from './types.js';
export { foldCode, foldCourse } from './fold.js';
export { boundedDistance, distanceFrom, PatternTable, type DistanceTo } from './distance.js';
export { closeDistance, groupKey, Recognizer, type CatalogueInput } from './recognizer.js';
export { Catalogues } from './by-year.js';
export { countedHours } from './hours.js';
export {
  CATALOGUE_ATTENDEES_SHEET, CATALOGUE_ENTRIES_SHEET, CATALOGUE_LEVELS, CATALOGUE_SHEETS, type CatalogueSheetKey,
} from './catalogue-sheets.js';
export { readCatalogue, type CatalogueAttendee, type CatalogueReadResult, type CatalogueRow } from './read-catalogue.js';
export {
  bucketOf, emptyStatisticsRow, HOURS_BUCKETS, sumStatistics, trainingStatistics, type HoursBucket, type TrainingStatisticsRow,
} from './statistics.js';
