/**
 * The messages between the pane and its Web Worker (addin/validation-worker.ts). The worker reads
 * a file the clerk opens (its bytes never cross to the page's thread) and keeps its grid, or
 * validates a grid the page sends (the Excel host reads the open workbook itself), and keeps the
 * grid it validated. Whatever is made of those cells (a submission's body, a fixed or annotated
 * copy, a finding's teacher) is made there when the page asks, and a copy's bytes cross as a
 * transferable: the page never holds a large grid or the records. A File crosses as a reference.
 */

import type { PreparedBody } from '../../client/submit.js';
import type { FileErrorCode, Finding, Fix, Lang } from '../../shared/contract/codes.js';
import type { FileErrorDetails, FileKind, TextEncoding } from '../../shared/files/index.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import type { History } from '../../shared/history/index.js';
import type { Records } from '../../shared/records.js';
import type { ValidationResult } from '../../shared/validate/types.js';
import type { AnnotationText } from '../../workbook/write-annotated.js';
import type { PreviewCatalogue, PreviewRecognition } from './recognition-preview.js';
import type { RowTeacher, ShownCompliance } from './view.js';

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
  /**
   * Rows of cells read elsewhere (Excel's), in order, a few thousand at a time (one message of a
   * 60,000-row grid held the page's thread for hundreds of milliseconds): for the `validate` of the
   * same id that follows. No answer.
   */
  | { type: 'cells'; id: number; sheet: number; name: string; rows: WorkbookGrid['sheets'][number]['rows'] }
  /**
   * Validates the cells sent just before under the same id (`cells`: how many sheets, and the
   * workbook's date system), or the open file's when there are none; either is kept as the run's.
   */
  | {
      type: 'validate';
      id: number;
      cells?: { sheets: number; date1904: boolean };
      year: number;
      lang: Lang;
      asOf?: string;
    }
  /**
   * What a submission of run `run` sends (its recognized sheets) and the contentHash the server
   * will record for it; refused when the worker's last validation is another run.
   */
  | { type: 'submission'; id: number; run: number }
  /**
   * The valid roster's ID numbers of run `run`, for the history request (they go in its body,
   * never in a URL): asked for only when the preview needs the history, not copied at every 校验.
   */
  | { type: 'roster'; id: number; run: number }
  /** The teacher on a finding's row of run `run` (view.ts rowTeacher). */
  | { type: 'teacher'; id: number; run: number; finding: Pick<Finding, 'sheet' | 'row'> }
  /**
   * Applies fixes to the open file and opens the fixed copy in its place (its bytes come back, for
   * the clerk's download); if the copy does not open, nothing stays open.
   */
  | { type: 'fix'; id: number; fixes: Fix[]; lang: Lang }
  /** The open file with run `run`'s findings marked at their cells (write-annotated.ts), as bytes. */
  | { type: 'annotate'; id: number; run: number; text: AnnotationText }
  /**
   * The compliance of the last validation's records together with the server's history of its
   * teachers, under the bureau's policy file (null: the default policy): the preview as the worker
   * on the server will evaluate the submission.
   */
  | {
      type: 'evaluate';
      id: number;
      /** The run evaluated: the worker refuses when its last validation is another. */
      run: number;
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
 * comes back. The records of a district (one per row) would cost the page's thread a long
 * structured-clone pause on arrival; what the page needs of them is computed where they are.
 */
export type PaneValidationResult = Omit<ValidationResult, 'records'> & {
  records: Pick<Records, 'school'>;
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
      /** Numbers the worker's validations: what a later request about this one names. */
      run: number;
      result: PaneValidationResult;
      compliance: ShownCompliance | null;
      complianceError: string | null;
    }
  /** The answer to `evaluate`, after its teachers in pieces (result-part) like a result's. */
  | {
      type: 'compliance';
      id: number;
      compliance: ShownCompliance | null;
      complianceError: string | null;
      /** With catalogues: each 区级-or-higher record's status as the preview matched it. */
      recognition: PreviewRecognition | null;
    }
  /**
   * A submission's body (its bytes transferred, not copied) and the contentHash the server will
   * record for its records (client/submit.ts contentHash), to tell a resubmission of the same.
   */
  | { type: 'submission'; id: number; body: PreparedBody; contentHash: string }
  | { type: 'teacher'; id: number; teacher: RowTeacher | null }
  | { type: 'roster'; id: number; ids: string[] }
  /** The fixed copy opened in place of the file: its bytes (transferred) for the download. */
  | { type: 'fixed'; id: number; file: OpenedFile; bytes: Uint8Array<ArrayBuffer>; applied: number; skipped: number }
  /** The fixed copy could not be written: the file stays open as it was. */
  | { type: 'fix-failed'; id: number; message: string }
  | { type: 'annotated'; id: number; bytes: Uint8Array<ArrayBuffer> }
  /**
   * Before a result, its long lists in pieces, in order: the findings, the fixes and the
   * compliance's teachers shown (a district's findings are tens of thousands; one message of them
   * paused the page).
   */
  | { type: 'result-part'; id: number; list: ResultList; items: unknown[] }
  | { type: 'closed'; id: number }
  /** Something that is not the file's fault: no file open, or a failure inside the worker. */
  | { type: 'error'; id: number; message: string };

export type ValidationOutcome = Extract<ValidationResponse, { type: 'result' }>;

/** The lists of a result that travel in pieces. */
export type ResultList = 'findings' | 'fixes' | 'teachers';
