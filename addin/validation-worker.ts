/**
 * The pane's Web Worker: reads the file a clerk opens and validates it (and the compliance preview
 * on its records) off the page's thread, so the page never freezes on a large ledger. It holds the
 * open file's bytes and grid, and the grid and records of its last validation; what the page needs
 * of them (a submission's body, a fixed or annotated copy, a finding's teacher) is made here when
 * asked, so neither the grid nor the records ever cross to the page. Opening another file drops
 * both first, so nothing of a previous file can be validated or sent after a new one failed to
 * open. Messages: ui/validation-protocol.ts.
 */
import { z } from 'zod';
import { contentHash, prepareBody } from '../client/submit.js';
import type { Lang } from '../shared/contract/codes.js';
import { FILE_LIMITS, fileErrorMessage } from '../shared/files/index.js';
import type { WorkbookGrid } from '../shared/grid.js';
import { buildRecordSet, rosterIds } from '../shared/history/index.js';
import { DEFAULT_POLICY, defaultAsOf, evaluateCompliance } from '../shared/policy/index.js';
import { resolvePolicy } from '../shared/policy/policy-file.js';
import type { Records } from '../shared/records.js';
import { validateWorkbook } from '../shared/validate/index.js';
import type { ValidationResult } from '../shared/validate/types.js';
import { readWorkbookFile } from '../workbook/read-file.js';
import type { ApplyFixesResult } from '../workbook/write-fixes.js';
import { catalogueYears, type PreviewRecognition, recognizeForPreview } from './ui/recognition-preview.js';
import type { OpenedFile, ResultList, ValidationRequest, ValidationResponse } from './ui/validation-protocol.js';
import { rowTeacher, type ShownCompliance, shownCompliance } from './ui/view.js';

// The pane's CSP forbids eval: zod must not try to compile validators with new Function.
z.config({ jitless: true });

/** Progress messages at most this often: enough for a smooth bar, few enough to cost nothing. */
const PROGRESS_MS = 100;
/**
 * Findings, fixes or teachers a result-part message carries: a few milliseconds for the page's
 * thread to take in (a district's tens of thousands in one message paused it for hundreds).
 */
const ITEMS_PER_MESSAGE = 1_000;

function postInPieces(id: number, list: ResultList, items: readonly unknown[]): void {
  for (let i = 0; i < items.length; i += ITEMS_PER_MESSAGE) {
    post({ type: 'result-part', id, list, items: items.slice(i, i + ITEMS_PER_MESSAGE) });
  }
}

/** Bytes cross to the page as a transferable: moved, not copied. */
const post = (message: ValidationResponse, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

/** The open file: its bytes (for a fixed or annotated copy) and its cells. */
let open: { name: string; bytes: Uint8Array; grid: WorkbookGrid; file: OpenedFile } | null = null;
/** Counts opens: a read that finishes after a newer open began is dropped, never kept. */
let generation = 0;

/** The last validation: of the open file, or of cells the page sent (Excel). */
let last: {
  run: number;
  year: number;
  grid: WorkbookGrid;
  /** The open file's generation it read; null for cells the page sent. */
  source: number | null;
  result: ValidationResult;
} | null = null;
/** Numbers validations, so that a request about one is refused once another took its place. */
let runs = 0;

function throttled(id: number, phase: 'read' | 'validate'): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - last < PROGRESS_MS && done < total) return;
    last = now;
    post({ type: 'progress', id, phase, done, total });
  };
}

/** Closes the open file and forgets the last validation: before every open, and on close. */
function closeAll(): void {
  generation++;
  open = null;
  last = null;
}

type Opened = { ok: true; file: OpenedFile } | Extract<ValidationResponse, { type: 'open-failed' }>;

/** Reads `bytes` as the open file, in place of whatever was open (closed first, whatever comes of it). */
async function openBytes(id: number, name: string, bytes: Uint8Array, lang: Lang): Promise<Opened | null> {
  closeAll();
  const mine = generation;
  const progress = throttled(id, 'read');
  const read = await readWorkbookFile(bytes, {
    limits: FILE_LIMITS.pane,
    lang,
    name,
    hash: true,
    onProgress: progress,
  });
  if (mine !== generation) {
    post({ type: 'error', id, message: 'superseded by a newer file' });
    return null;
  }
  if (!read.ok) return { type: 'open-failed', id, code: read.code, message: read.message, details: read.details };
  progress(1, 1);
  const file: OpenedFile = {
    name,
    size: bytes.length,
    fileKind: read.fileKind,
    ...(read.encoding ? { encoding: read.encoding } : {}),
    contentHash: read.contentHash!,
    sheets: read.grid.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
  };
  open = { name, bytes, grid: read.grid, file };
  return { ok: true, file };
}

async function openFile(req: Extract<ValidationRequest, { type: 'open' }>): Promise<void> {
  closeAll();
  const limits = FILE_LIMITS.pane;
  // Refused before the bytes are read into memory at all.
  if (req.file.size > limits.maxBytes) {
    const details = { limit: 'bytes', actual: req.file.size, max: limits.maxBytes, place: limits.place } as const;
    post({
      type: 'open-failed',
      id: req.id,
      code: 'file.too_large',
      message: fileErrorMessage({ code: 'file.too_large', details }, req.lang),
      details,
    });
    return;
  }
  const mine = generation;
  const bytes = new Uint8Array(await req.file.arrayBuffer());
  if (mine !== generation) {
    post({ type: 'error', id: req.id, message: 'superseded by a newer file' });
    return;
  }
  const opened = await openBytes(req.id, req.name, bytes, req.lang);
  if (!opened) return;
  if ('type' in opened) post(opened);
  else post({ type: 'opened', id: req.id, file: opened.file });
}

/** Cells the page is sending for the `validate` of the same id (Excel's), until it comes. */
let staged: { id: number; sheets: WorkbookGrid['sheets'] } | null = null;

function stage(req: Extract<ValidationRequest, { type: 'cells' }>): void {
  if (staged?.id !== req.id) staged = { id: req.id, sheets: [] };
  const sheet = (staged.sheets[req.sheet] ??= { name: req.name, rows: [] });
  for (const row of req.rows) sheet.rows.push(row);
}

/** The cells sent under this id, when every one of its sheets came. */
function stagedGrid(id: number, cells: { sheets: number; date1904: boolean }): WorkbookGrid | null {
  const s = staged;
  staged = null;
  // A workbook without sheets sends no piece: its validation says what is missing.
  if (cells.sheets === 0) return { sheets: [] };
  if (s?.id !== id || s.sheets.length !== cells.sheets || Object.keys(s.sheets).length !== cells.sheets) return null;
  return cells.date1904 ? { sheets: s.sheets, date1904: true } : { sheets: s.sheets };
}

async function validate(req: Extract<ValidationRequest, { type: 'validate' }>): Promise<void> {
  const source = req.cells ? null : open ? generation : null;
  const grid = req.cells ? stagedGrid(req.id, req.cells) : open?.grid;
  // A new validation replaces the last one, whatever comes of it.
  last = null;
  if (!grid) {
    post({ type: 'error', id: req.id, message: req.cells ? 'the cells did not all arrive' : 'no file is open' });
    return;
  }
  const result = validateWorkbook(grid, { year: req.year, lang: req.lang, onProgress: throttled(req.id, 'validate') });
  const { records, findings, fixes, ...rest } = result;
  // The long lists go first: the page takes them in while the compliance is evaluated here.
  postInPieces(req.id, 'findings', findings);
  postInPieces(req.id, 'fixes', fixes);
  let compliance: ShownCompliance | null = null;
  let complianceError: string | null = null;
  try {
    const asOf = req.asOf ?? defaultAsOf(req.year);
    // The pane lists no rule's counted records: not made, not copied to the page (100,000 for 5,000 teachers).
    const report = evaluateCompliance(result.records, DEFAULT_POLICY, {
      year: req.year,
      asOf,
      lang: req.lang,
      countedRecords: false,
    });
    compliance = shownCompliance(report);
  } catch (err) {
    complianceError = err instanceof Error ? err.message : String(err);
  }
  const run = ++runs;
  last = { run, year: req.year, grid, source, result };
  postInPieces(req.id, 'teachers', compliance?.teachers ?? []);
  post({
    type: 'result',
    id: req.id,
    run,
    result: {
      ...rest,
      findings: [],
      fixes: [],
      records: { school: records.school },
      catalogueYears: catalogueYears(records),
    },
    compliance: compliance ? { ...compliance, teachers: [] } : null,
    complianceError,
  });
}

/** The last validation when it is run `run` (and, for a file's, that file is still the one open). */
function lastRun(id: number, run: number): NonNullable<typeof last> | null {
  const l = last;
  if (!l || l.run !== run || (l.source !== null && l.source !== generation)) {
    post({ type: 'error', id, message: 'that validation is no longer the last one' });
    return null;
  }
  return l;
}

function evaluate(req: Extract<ValidationRequest, { type: 'evaluate' }>): void {
  const l = lastRun(req.id, req.run);
  if (!l) return;
  let compliance: ShownCompliance | null = null;
  let complianceError: string | null = null;
  let recognition: PreviewRecognition | null = null;
  try {
    const policy =
      req.policyFile === null ? { ok: true as const, policy: DEFAULT_POLICY } : resolvePolicy(req.policyFile, req.lang);
    if (!policy.ok) throw new Error(policy.errors.join('；'));
    let records: Records = l.result.records;
    // Recognised as the server will before it counts them (the history's records carry their own).
    if (req.catalogues) {
      const recognized = recognizeForPreview(records, req.catalogues, policy.policy.recognition);
      records = recognized.records;
      recognition = recognized.recognition;
    }
    const set = buildRecordSet(records, req.year, req.history);
    const asOf = req.asOf ?? defaultAsOf(req.year);
    compliance = shownCompliance(evaluateCompliance(set, policy.policy, { year: req.year, asOf, lang: req.lang }));
  } catch (err) {
    complianceError = err instanceof Error ? err.message : String(err);
  }
  postInPieces(req.id, 'teachers', compliance?.teachers ?? []);
  post({
    type: 'compliance',
    id: req.id,
    compliance: compliance ? { ...compliance, teachers: [] } : null,
    complianceError,
    recognition,
  });
}

/** Only the sheets the validator recognized leave the machine. */
async function submission(req: Extract<ValidationRequest, { type: 'submission' }>): Promise<void> {
  const l = lastRun(req.id, req.run);
  if (!l) return;
  const keep = new Set(l.result.sheets.map((s) => s.index));
  const [body, hash] = await Promise.all([
    prepareBody(l.year, { sheets: l.grid.sheets.filter((_, i) => keep.has(i)) }),
    contentHash(l.result.records),
  ]);
  post({ type: 'submission', id: req.id, body, contentHash: hash }, [body.gzip.buffer]);
}

async function fix(req: Extract<ValidationRequest, { type: 'fix' }>): Promise<void> {
  const current = open;
  if (!current) {
    post({ type: 'error', id: req.id, message: 'no file is open' });
    return;
  }
  let out: ApplyFixesResult;
  try {
    const { applyFixes, gridToXlsx } = await import('../workbook/write-fixes.js');
    // An .xls, .et or .csv has no .xlsx to copy: its fixed copy is written from its cells.
    const original = current.file.fileKind === 'xlsx' ? current.bytes : await gridToXlsx(current.grid);
    out = await applyFixes(original, req.fixes);
  } catch (err) {
    // No copy was made: the file (and its last validation) stays open as it was.
    post({ type: 'fix-failed', id: req.id, message: err instanceof Error ? err.message : String(err) });
    return;
  }
  const opened = await openBytes(req.id, current.name, out.bytes, req.lang);
  if (!opened) return;
  if ('type' in opened) {
    post(opened);
    return;
  }
  // The page keeps its own copy for the download: the worker's stays the open file's.
  const bytes = out.bytes.slice();
  const { file } = opened;
  post({ type: 'fixed', id: req.id, file, bytes, applied: out.applied, skipped: out.skipped.length }, [bytes.buffer]);
}

async function annotate(req: Extract<ValidationRequest, { type: 'annotate' }>): Promise<void> {
  const l = lastRun(req.id, req.run);
  if (!l) return;
  if (!open || l.source === null) {
    post({ type: 'error', id: req.id, message: 'no file is open' });
    return;
  }
  const { annotateWorkbook } = await import('../workbook/write-annotated.js');
  const out = await annotateWorkbook({ bytes: open.bytes, grid: open.grid }, l.result.findings, req.text);
  const bytes = new Uint8Array(out);
  post({ type: 'annotated', id: req.id, bytes }, [bytes.buffer]);
}

async function handle(req: ValidationRequest): Promise<void> {
  switch (req.type) {
    case 'cells':
      return stage(req);
    case 'open':
      return openFile(req);
    case 'validate':
      return validate(req);
    case 'evaluate':
      return evaluate(req);
    case 'submission':
      return submission(req);
    case 'roster': {
      const l = lastRun(req.id, req.run);
      if (l) post({ type: 'roster', id: req.id, ids: rosterIds(l.result.records) });
      return;
    }
    case 'teacher': {
      const l = lastRun(req.id, req.run);
      if (!l) return;
      post({ type: 'teacher', id: req.id, teacher: rowTeacher(l.grid, l.result, req.finding) });
      return;
    }
    case 'fix':
      return fix(req);
    case 'annotate':
      return annotate(req);
    case 'close':
      closeAll();
      post({ type: 'closed', id: req.id });
      return;
  }
}

self.addEventListener('message', (event: MessageEvent<ValidationRequest>) => {
  const req = event.data;
  handle(req).catch((err: unknown) => {
    // A failure of ours (not the file's): the page reports it and nothing stays open.
    if (req.type === 'open') closeAll();
    post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  });
});
