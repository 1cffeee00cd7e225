/**
 * The messages between the pane and its Web Worker (addin/validation-worker.ts). The worker reads
 * a file the clerk opens (its bytes never cross to the page's thread) and keeps its grid, or
 * validates a grid the page sends (the Excel host reads the open workbook itself). Grids and
 * results cross by structured clone; a File crosses as a reference, read in the worker.
 */
import type { FileErrorCode, Lang } from '../../shared/contract/codes.js';
import type { FileErrorDetails, FileKind, TextEncoding } from '../../shared/files/index.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import type { History } from '../../shared/history/index.js';
import type { ComplianceReport } from '../../shared/policy/types.js';
import type { Records } from '../../shared/records.js';
import type { ValidationResult } from '../../shared/validate/types.js';
import type { PreviewCatalogue, PreviewRecognition } from './recognition-preview.js';

/** What the page knows of a file the worker opened (its cells stay in the worker until asked for). */
export interface OpenedFile {
  name: string;
  /** Bytes. */
  size: number;
  fileKind: FileKind;
  encoding?: TextEncoding;
  /** Lower-case hex SHA-256 of the file's bytes: what a receipt names. */
  contentHash: string;
  sheets: { name: string; rows: number }[];
}

export type ValidationRequest =
  /** Reads a file; whatever was open before is closed first, whether or not this one opens. */
  | { type: 'open'; id: number; file: Blob; name: string; lang: Lang }
  /** Validates `grid`, or the open file's grid when there is none. */
  | { type: 'validate'; id: number; grid?: WorkbookGrid; year: number; lang: Lang; asOf?: string }
  /** The open file's grid (what a submission sends), sent back in pieces (grid-rows, then grid). */
  | { type: 'grid'; id: number }
  /**
   * The compliance of the last validation's records together with the server's history of its
   * teachers, under the bureau's policy file (null: the default policy): the preview as the worker
   * on the server will evaluate the submission.
   */
  | {
      type: 'evaluate';
      id: number;
      /** The run's contentHash: the worker refuses when its last validation was of other records. */
      contentHash: string;
      year: number;
      lang: Lang;
      asOf?: string;
      history: History;
      policyFile: unknown;
      /** The bureau's catalogues of the records' years (catalogueYears); null: recognition not previewed. */
      catalogues: PreviewCatalogue[] | null;
    }
  | { type: 'close'; id: number };

/**
 * A validation as the page receives it: everything but the records, of which only 学校概况's
 * comes back, with the hash a submission of them would be recorded under (client/submit.ts
 * contentHash). The records of a district (one per row) would cost the page's thread a long
 * structured-clone pause on arrival; what the page needs of them is computed where they are.
 */
export type PaneValidationResult = Omit<ValidationResult, 'records'> & {
  records: Pick<Records, 'school'>;
  /** What the worker will record as the submission's contentHash, computed where the records are. */
  contentHash: string;
  /** The valid roster's ID numbers, for the history request (they go in its body, never in a URL). */
  rosterIds: string[];
  /** The years whose catalogues recognition of the workbook's records needs (recognition-preview.ts). */
  catalogueYears: number[];
};

export type ValidationResponse =
  | { type: 'progress'; id: number; phase: 'read' | 'validate'; done: number; total: number }
  | { type: 'opened'; id: number; file: OpenedFile }
  | { type: 'open-failed'; id: number; code: FileErrorCode; message: string; details: FileErrorDetails }
  | {
      type: 'result';
      id: number;
      result: PaneValidationResult;
      compliance: ComplianceReport | null;
      complianceError: string | null;
    }
  /** The answer to `evaluate`, after its teachers in pieces (result-part) like a result's. */
  | {
      type: 'compliance';
      id: number;
      compliance: ComplianceReport | null;
      complianceError: string | null;
      /** With catalogues: each 区级-or-higher record's status as the preview matched it. */
      recognition: PreviewRecognition | null;
    }
  /** Rows of the open file's sheet `sheet`, in order: a few thousand at a time, so that no message
   *  takes the page's thread long to take in. */
  | { type: 'grid-rows'; id: number; sheet: number; name: string; rows: WorkbookGrid['sheets'][number]['rows'] }
  /** The last piece: every sheet's rows have been sent. */
  | { type: 'grid'; id: number; sheets: number; date1904: boolean }
  /**
   * Before a result, its long lists in pieces, in order: the findings, the fixes and the
   * compliance's teachers (a district's are tens of thousands; one message of them paused the page).
   */
  | { type: 'result-part'; id: number; list: ResultList; items: unknown[] }
  | { type: 'closed'; id: number }
  /** Something that is not the file's fault: no file open, or a failure inside the worker. */
  | { type: 'error'; id: number; message: string };

export type ValidationOutcome = Extract<ValidationResponse, { type: 'result' }>;

/** The lists of a result that travel in pieces. */
export type ResultList = 'findings' | 'fixes' | 'teachers';
