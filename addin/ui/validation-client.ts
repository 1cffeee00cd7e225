/**
 * The page's side of the Web Worker (addin/validation-worker.ts): one request at a time, progress
 * callbacks, and a watchdog so that every call ends, with its result or an error, in bounded time.
 *
 * The standalone page calls `open(file)` when the clerk picks a file, then `validateOpened()`; the
 * Excel host calls `run(grid)` with the cells it read. Either way the worker keeps the cells it
 * validated: `submission`, `teacher`, `annotated` and `fix` ask it for what is made of them, by the
 * run's number, so the page never holds the grid or the records.
 */
import type { PreparedBody } from '../../client/submit.js';
import type { FileErrorCode, Finding, Fix, Lang } from '../../shared/contract/codes.js';
import type { FileErrorDetails } from '../../shared/files/index.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import type { History } from '../../shared/history/index.js';
import type { TeacherCompliance } from '../../shared/policy/types.js';
import type { AnnotationText } from '../../workbook/write-annotated.js';
import type { PreviewCatalogue, PreviewRecognition } from './recognition-preview.js';
import type {
  OpenedFile,
  ResultList,
  ValidationOutcome,
  ValidationRequest,
  ValidationResponse,
} from './validation-protocol.js';
import type { RowTeacher, ShownCompliance } from './view.js';

export type { OpenedFile } from './validation-protocol.js';

export type OpenOutcome =
  | { ok: true; file: OpenedFile }
  /** The file cannot be read: its code and the clerk's message (in the language asked for). */
  | { ok: false; code: FileErrorCode; message: string; details: FileErrorDetails };

export type Progress = (done: number, total: number) => void;

/** Rows a `cells` message carries: a few milliseconds of the page's thread to copy. */
const ROWS_PER_MESSAGE = 2_000;

/** A grid as `cells` messages, in order: every sheet has at least one, an empty sheet too. */
function* cellPieces(grid: WorkbookGrid, id: number): Generator<ValidationRequest> {
  for (const [sheet, { name, rows }] of grid.sheets.entries()) {
    for (let r = 0; r === 0 || r < rows.length; r += ROWS_PER_MESSAGE) {
      yield { type: 'cells', id, sheet, name, rows: rows.slice(r, r + ROWS_PER_MESSAGE) };
    }
  }
}

/** Resolves in a task of its own (a message, not a clamped timer): the page handles input meanwhile. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The worker sends progress at least every 100 ms while it works; this long without any message
 * means it is stuck (or was killed without an error event): it is stopped and the call fails.
 */
export const STALL_MS = 60_000;

/** The worker failed or went silent: not the file's fault. */
export class WorkerFailure extends Error {
  override readonly name = 'WorkerFailure';
}

type Request = ValidationRequest extends infer R ? (R extends ValidationRequest ? Omit<R, 'id'> : never) : never;

export class ValidationClient {
  private worker: Worker | null = null;
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private started = 0;

  constructor(
    private readonly url = 'validation-worker.js',
    private readonly stallMs = STALL_MS,
  ) {}

  /**
   * Reads a file in the worker. Whatever was open before is closed first, so after a failure nothing
   * of the previous file can be validated or submitted.
   */
  async open(file: Blob, name: string, lang: Lang, onProgress?: Progress): Promise<OpenOutcome> {
    const msg = await this.send({ type: 'open', file, name, lang }, onProgress);
    if (msg.type === 'opened') return { ok: true, file: msg.file };
    if (msg.type === 'open-failed') return { ok: false, code: msg.code, message: msg.message, details: msg.details };
    throw new WorkerFailure(`unexpected answer ${msg.type}`);
  }

  /** Validates the open file (rejects when none is open). */
  validateOpened(year: number, lang: Lang, onProgress?: Progress): Promise<ValidationOutcome> {
    return this.validation({ type: 'validate', year, lang }, onProgress);
  }

  /**
   * Validates cells read elsewhere (the Excel host); the worker keeps them as the run's. They go in
   * pieces, the page's thread free between two.
   */
  run(grid: WorkbookGrid, year: number, lang: Lang, onProgress?: Progress): Promise<ValidationOutcome> {
    const cells = { sheets: grid.sheets.length, date1904: grid.date1904 === true };
    return this.validation({ type: 'validate', cells, year, lang }, onProgress, grid);
  }

  /** Starts the worker ahead of the first request (its scripts load while the clerk picks a file). */
  start(): Worker {
    if (!this.worker) {
      this.worker = new Worker(this.url, { type: 'module' });
      this.started++;
    }
    return this.worker;
  }

  /**
   * Numbers the workers started: one that failed is replaced by a fresh one holding nothing, so
   * whoever opened a file in an earlier one must open it again.
   */
  get instance(): number {
    return this.started;
  }

  /**
   * What a submission of run `run` sends (its body, made in the worker, moved here not copied) and
   * the contentHash the server will record for it. Rejects when the worker's last run is another.
   */
  async submission(run: number): Promise<{ body: PreparedBody; contentHash: string }> {
    const msg = await this.send({ type: 'submission', run });
    if (msg.type !== 'submission') throw new WorkerFailure(`unexpected answer ${msg.type}`);
    return { body: msg.body, contentHash: msg.contentHash };
  }

  /** The valid roster's ID numbers of run `run`, for the history request. */
  async rosterIds(run: number): Promise<string[]> {
    const msg = await this.send({ type: 'roster', run });
    if (msg.type !== 'roster') throw new WorkerFailure(`unexpected answer ${msg.type}`);
    return msg.ids;
  }

  /** The teacher on a finding's row, read from run `run`'s cells. */
  async teacher(run: number, finding: Pick<Finding, 'sheet' | 'row'>): Promise<RowTeacher | null> {
    const msg = await this.send({ type: 'teacher', run, finding: { sheet: finding.sheet, row: finding.row } });
    if (msg.type !== 'teacher') throw new WorkerFailure(`unexpected answer ${msg.type}`);
    return msg.teacher;
  }

  /** The open file with run `run`'s findings marked at their cells, for the clerk's download. */
  async annotated(run: number, text: AnnotationText): Promise<Uint8Array<ArrayBuffer>> {
    const msg = await this.send({ type: 'annotate', run, text });
    if (msg.type !== 'annotated') throw new WorkerFailure(`unexpected answer ${msg.type}`);
    return msg.bytes;
  }

  /**
   * Applies fixes to the open file and opens the fixed copy in its place: its bytes come back for
   * the download. A copy that does not open leaves nothing open; one not written leaves the file.
   */
  async fix(
    fixes: readonly Fix[],
    lang: Lang,
  ): Promise<
    | { ok: true; file: OpenedFile; bytes: Uint8Array<ArrayBuffer>; applied: number; skipped: number }
    /** `kept`: no copy was written, the file is still open as it was; else nothing is open. */
    | { ok: false; kept: boolean; message: string }
  > {
    const msg = await this.send({ type: 'fix', fixes: [...fixes], lang });
    if (msg.type === 'fixed') {
      const { file, bytes, applied, skipped } = msg;
      return { ok: true, file, bytes, applied, skipped };
    }
    if (msg.type === 'fix-failed') return { ok: false, kept: true, message: msg.message };
    if (msg.type === 'open-failed') return { ok: false, kept: false, message: msg.message };
    throw new WorkerFailure(`unexpected answer ${msg.type}`);
  }

  /**
   * The compliance of run `run`'s records (of `year`) with the
   * server's history of its teachers, under the bureau's policy file (null: the default policy).
   */
  async evaluate(
    run: number,
    history: History,
    policyFile: unknown,
    year: number,
    lang: Lang,
    catalogues: PreviewCatalogue[] | null = null,
  ): Promise<{
    compliance: ShownCompliance | null;
    complianceError: string | null;
    recognition: PreviewRecognition | null;
  }> {
    const teachers: TeacherCompliance[] = [];
    const msg = await this.send(
      { type: 'evaluate', run, history, policyFile, year, lang, catalogues },
      undefined,
      (part) => {
        if (part.type === 'result-part' && part.list === 'teachers')
          teachers.push(...(part.items as TeacherCompliance[]));
      },
    );
    if (msg.type !== 'compliance') throw new WorkerFailure(`unexpected answer ${msg.type}`);
    return {
      compliance: msg.compliance ? { ...msg.compliance, teachers } : null,
      complianceError: msg.complianceError,
      recognition: msg.recognition,
    };
  }

  /** Closes the open file (a new file being chosen, the page switching to another workbook). */
  async close(): Promise<void> {
    await this.send({ type: 'close' });
  }

  /** Sends a validation and puts its result back together from the pieces its long lists came in. */
  private async validation(request: Request, onProgress?: Progress, cells?: WorkbookGrid): Promise<ValidationOutcome> {
    const lists: Record<ResultList, unknown[]> = { findings: [], fixes: [], teachers: [] };
    const onPart = (part: ValidationResponse) => {
      if (part.type !== 'result-part') return;
      const into = lists[part.list];
      for (const item of part.items) into.push(item);
    };
    const msg = await this.send(request, onProgress, onPart, cells);
    if (msg.type !== 'result') throw new WorkerFailure(`unexpected answer ${msg.type}`);
    const result = { ...msg.result, findings: lists.findings as Finding[], fixes: lists.fixes as Fix[] };
    const compliance = msg.compliance ? { ...msg.compliance, teachers: lists.teachers as TeacherCompliance[] } : null;
    return { ...msg, result, compliance };
  }

  /** Queues the request behind the previous one: the worker sees one at a time, in order. */
  private send(
    request: Request,
    onProgress?: Progress,
    onPart?: (msg: ValidationResponse) => void,
    cells?: WorkbookGrid,
  ): Promise<ValidationResponse> {
    const run = this.queue.then(() => this.exchange(request, onProgress, onPart, cells));
    // The queue only orders requests; each caller gets its own failure through `run`.
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Sends the request (after `cells`, in pieces, under its id) and waits for its answer. */
  private exchange(
    request: Request,
    onProgress?: Progress,
    onPart?: (msg: ValidationResponse) => void,
    cells?: WorkbookGrid,
  ): Promise<ValidationResponse> {
    const worker = this.start();
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = () => {
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      };
      const fail = (message: string) => {
        finish();
        // A worker that failed or stalled is not reused: the next call starts a fresh one (holding nothing).
        worker.terminate();
        if (this.worker === worker) this.worker = null;
        reject(new WorkerFailure(message));
      };
      const watch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => fail(`the worker sent nothing for ${this.stallMs / 1000} s`), this.stallMs);
      };
      const onMessage = (event: MessageEvent<ValidationResponse>) => {
        const msg = event.data;
        if (msg.id !== id) return;
        watch();
        if (msg.type === 'progress') {
          onProgress?.(msg.done, msg.total);
          return;
        }
        if (msg.type === 'result-part') {
          onPart?.(msg);
          return;
        }
        finish();
        if (msg.type === 'error') reject(new WorkerFailure(msg.message));
        else resolve(msg);
      };
      const onError = (event: ErrorEvent) => fail(event.message || 'the validation worker failed');
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      watch();
      const post = async () => {
        for (const piece of cells ? cellPieces(cells, id) : []) {
          worker.postMessage(piece);
          await nextTask();
        }
        worker.postMessage({ ...request, id } as ValidationRequest);
      };
      post().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
    });
  }
}
