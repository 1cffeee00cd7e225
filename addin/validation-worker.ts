/**
 * The pane's Web Worker: reads the file a clerk opens and validates it (and the compliance preview
 * on its records) off the page's thread, so the page never freezes on a large ledger. It holds the
 * open file's grid; opening another file drops it first, so nothing of a previous file can be
 * validated or sent after a new one failed to open. Messages: ui/validation-protocol.ts.
 */
import { z } from 'zod';
import { contentHash } from '../client/submit.js';
import { FILE_LIMITS, fileErrorMessage } from '../shared/files/index.js';
import type { WorkbookGrid } from '../shared/grid.js';
import { buildRecordSet, rosterIds } from '../shared/history/index.js';
import { DEFAULT_POLICY, defaultAsOf, evaluateCompliance, resolvePolicy } from '../shared/policy/index.js';
import type { Records } from '../shared/records.js';
import { validateWorkbook } from '../shared/validate/index.js';
import { readWorkbookFile } from '../workbook/read-file.js';
import { catalogueYears, type PreviewRecognition, recognizeForPreview } from './ui/recognition-preview.js';
import type {
  OpenedFile,
  ResultList,
  ValidationOutcome,
  ValidationRequest,
  ValidationResponse,
} from './ui/validation-protocol.js';

// The pane's CSP forbids eval: zod must not try to compile validators with new Function.
z.config({ jitless: true });

/** Progress messages at most this often: enough for a smooth bar, few enough to cost nothing. */
const PROGRESS_MS = 100;
/**
 * Rows a grid-rows message carries: a few milliseconds for the page's thread to take in (a whole
 * 60,000-row grid in one message paused it for hundreds of milliseconds).
 */
const ROWS_PER_MESSAGE = 2_000;
/** Findings, fixes or teachers a result-part message carries, for the same reason. */
const ITEMS_PER_MESSAGE = 1_000;

function postInPieces(id: number, list: ResultList, items: readonly unknown[]): void {
  for (let i = 0; i < items.length; i += ITEMS_PER_MESSAGE) {
    post({ type: 'result-part', id, list, items: items.slice(i, i + ITEMS_PER_MESSAGE) });
  }
}

const post = (message: ValidationResponse) => (self as unknown as Worker).postMessage(message);

let open: { grid: WorkbookGrid; file: OpenedFile } | null = null;
/** Counts opens: a read that finishes after a newer open began is dropped, never kept. */
let generation = 0;

function throttled(id: number, phase: 'read' | 'validate'): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - last < PROGRESS_MS && done < total) return;
    last = now;
    post({ type: 'progress', id, phase, done, total });
  };
}

async function openFile(req: Extract<ValidationRequest, { type: 'open' }>): Promise<void> {
  const mine = ++generation;
  open = null;
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
  const progress = throttled(req.id, 'read');
  const bytes = new Uint8Array(await req.file.arrayBuffer());
  const read = await readWorkbookFile(bytes, {
    limits,
    lang: req.lang,
    name: req.name,
    hash: true,
    onProgress: progress,
  });
  if (mine !== generation) {
    post({ type: 'error', id: req.id, message: 'superseded by a newer file' });
    return;
  }
  if (!read.ok) {
    post({ type: 'open-failed', id: req.id, code: read.code, message: read.message, details: read.details });
    return;
  }
  progress(1, 1);
  const file: OpenedFile = {
    name: req.name,
    size: bytes.length,
    fileKind: read.fileKind,
    ...(read.encoding ? { encoding: read.encoding } : {}),
    contentHash: read.contentHash!,
    sheets: read.grid.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
  };
  open = { grid: read.grid, file };
  post({ type: 'opened', id: req.id, file });
}

/** The records of the last validation, for an `evaluate` with the server's history. */
let lastRecords: { year: number; hash: string; records: Records } | null = null;

async function validate(req: Extract<ValidationRequest, { type: 'validate' }>): Promise<void> {
  const grid = req.grid ?? open?.grid;
  if (!grid) {
    post({ type: 'error', id: req.id, message: 'no file is open' });
    return;
  }
  const result = validateWorkbook(grid, { year: req.year, lang: req.lang, onProgress: throttled(req.id, 'validate') });
  let compliance: ValidationOutcome['compliance'] = null;
  let complianceError: string | null = null;
  try {
    const asOf = req.asOf ?? defaultAsOf(req.year);
    // The pane lists no rule's counted records: not made, not copied to the page (100,000 for 5,000 teachers).
    compliance = evaluateCompliance(result.records, DEFAULT_POLICY, {
      year: req.year,
      asOf,
      lang: req.lang,
      countedRecords: false,
    });
  } catch (err) {
    complianceError = err instanceof Error ? err.message : String(err);
  }
  const { records, findings, fixes, ...rest } = result;
  // The long lists go first: the page takes them in while the records are hashed here (a large
  // school's records are megabytes of JSON to hash; the two threads then work at once).
  postInPieces(req.id, 'findings', findings);
  postInPieces(req.id, 'fixes', fixes);
  postInPieces(req.id, 'teachers', compliance?.teachers ?? []);
  const hash = await contentHash(records);
  lastRecords = { year: req.year, hash, records };
  post({
    type: 'result',
    id: req.id,
    result: {
      ...rest,
      findings: [],
      fixes: [],
      records: { school: records.school },
      contentHash: hash,
      rosterIds: rosterIds(records),
      catalogueYears: catalogueYears(records),
    },
    compliance: compliance ? { ...compliance, teachers: [] } : null,
    complianceError,
  });
}

function evaluate(req: Extract<ValidationRequest, { type: 'evaluate' }>): void {
  if (!lastRecords || lastRecords.year !== req.year || lastRecords.hash !== req.contentHash) {
    post({ type: 'error', id: req.id, message: 'the records to evaluate are no longer the last validated' });
    return;
  }
  let compliance: ValidationOutcome['compliance'] = null;
  let complianceError: string | null = null;
  let recognition: PreviewRecognition | null = null;
  try {
    const policy =
      req.policyFile === null ? { ok: true as const, policy: DEFAULT_POLICY } : resolvePolicy(req.policyFile, req.lang);
    if (!policy.ok) throw new Error(policy.errors.join('；'));
    let records = lastRecords.records;
    // Recognised as the server will before it counts them (the history's records carry their own).
    if (req.catalogues) {
      const recognized = recognizeForPreview(records, req.catalogues, policy.policy.recognition);
      records = recognized.records;
      recognition = recognized.recognition;
    }
    const set = buildRecordSet(records, req.year, req.history);
    const asOf = req.asOf ?? defaultAsOf(req.year);
    compliance = evaluateCompliance(set, policy.policy, { year: req.year, asOf, lang: req.lang });
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

async function handle(req: ValidationRequest): Promise<void> {
  switch (req.type) {
    case 'open':
      return openFile(req);
    case 'validate':
      return validate(req);
    case 'evaluate':
      return evaluate(req);
    case 'grid': {
      if (!open) {
        post({ type: 'error', id: req.id, message: 'no file is open' });
        return;
      }
      const { grid } = open;
      grid.sheets.forEach((sheet, index) => {
        for (let r = 0; r === 0 || r < sheet.rows.length; r += ROWS_PER_MESSAGE) {
          post({
            type: 'grid-rows',
            id: req.id,
            sheet: index,
            name: sheet.name,
            rows: sheet.rows.slice(r, r + ROWS_PER_MESSAGE),
          });
        }
      });
      post({ type: 'grid', id: req.id, sheets: grid.sheets.length, date1904: grid.date1904 === true });
      return;
    }
    case 'close':
      generation++;
      open = null;
      post({ type: 'closed', id: req.id });
      return;
  }
}

self.addEventListener('message', (event: MessageEvent<ValidationRequest>) => {
  const req = event.data;
  handle(req).catch((err: unknown) => {
    // A failure of ours (not the file's): the page reports it and nothing stays open.
    if (req.type === 'open') open = null;
    post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  });
});
