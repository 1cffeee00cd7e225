/** A teacher's record set across years and schools (archive.md §1). */
export * from './record-set.js';
