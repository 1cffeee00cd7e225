/**
 * The pane's state and what the clerk can do with it. State lives in signals; the components
 * (ui/components/) render from them and call these actions, so the same code runs in Excel and in a
 * plain browser (only the WorkbookHost differs). Status lines hold a function of the messages, so a
 * language switch re-renders every one of them.
 *
 * The stale-file rule (issue 10): a run belongs to the file it read; opening another file, or
 * failing to, clears the run, its fixes, the preview and any confirmation, and 校验/提交 wait for
 * a file that opened.
 */
import { batch, computed, signal } from '@preact/signals';
import { type PreparedBody, type ShixunClient, submitOver } from '../../client/index.js';
import type { SubmissionRecognition } from '../../shared/api/catalogue.js';
import type { Me, SubmissionSummary } from '../../shared/api/responses.js';
import type { Finding, Fix, Lang } from '../../shared/contract/codes.js';
import { currentYear } from '../../shared/policy/as-of.js';
import type { ExcelCaps } from '../excel/caps.js';
import { complianceSheetSpec } from '../excel/compliance-sheet.js';
import { districtSheetSpec, schoolTeachersSpec } from '../excel/district-sheet.js';
import { ExcelTimeoutError } from '../excel/sync.js';
import { checkServerAddress, serverAddressMessage } from '../session/server-address.js';
import type { TokenStore } from '../session/token-store.js';
import type { FileHost } from '../standalone/file-host.js';
import type { Phase, ValidateRun, WorkbookHost, WorkbookSource } from './host.js';
import { MESSAGES, type Messages } from './messages.js';
import type { PreviewRecognition } from './recognition-preview.js';
import { type ApiFailure, type Connection, cataloguesOf, clientOf, schoolTeachers } from './server.js';
import type { ValidationClient } from './validation-client.js';
import {
  beijingTime,
  FIX_LIMIT,
  planSubmission,
  type RowTeacher,
  type ShownCompliance,
  type SubmissionFacts,
  submissionFacts,
} from './view.js';

export type Tone = 'ok' | 'error' | 'info';

/** A status line: its tone and its text in whichever language is shown. */
export interface Say {
  tone: Tone;
  text: (t: Messages) => string;
}

const say = (tone: Tone, text: (t: Messages) => string): Say => ({ tone, text });

export interface PaneDeps {
  host: WorkbookHost;
  validator: ValidationClient;
  lang: Lang;
  /** Preferences kept on this computer (the language). */
  prefs: { recall(key: string): string | null; remember(key: string, value: string | null): void };
  tokens: TokenStore;
  /** The server address offered when none was used before (the page's own origin). */
  defaultServer: string;
  /** The standalone page's file, absent in Excel. */
  standalone?: FileHost;
  /** What this Excel can do, absent standalone. */
  excel?: { caps: ExcelCaps; excelApi: string | null };
}

/** What the server said about an address before any token goes there. */
export type ServerCheck =
  | { state: 'idle' }
  | { state: 'checking'; server: string }
  /** `say` names the host the token would go to (security's serverAddressMessage). */
  | { state: 'ok'; server: string; say: Say; version: string }
  | { state: 'error'; server: string; say: Say };

export interface Confirmation {
  facts: SubmissionFacts;
  replaces: SubmissionSummary | null;
  /** What is sent: the recognized sheets' body, made in the worker (client/submit.ts prepareBody). */
  body: PreparedBody;
  hash: string;
  file: WorkbookSource | null;
}

/** The state of the preview's history: asked for, failed, or evaluated with `sources` other ledgers. */
export type PreviewHistory =
  | { state: 'loading'; run: ValidateRun }
  | { state: 'failed'; run: ValidateRun; say: Say }
  | {
      state: 'server';
      run: ValidateRun;
      sources: number;
      compliance: ShownCompliance | null;
      complianceError: string | null;
      /** The records' recognition against the bureau's catalogue; null when it could not be read. */
      recognition: PreviewRecognition | null;
      /** Why the catalogue is not in the preview, when it could not be read. */
      catalogueSay: Say | null;
    };

export interface Receipt {
  summary: SubmissionSummary;
  file: WorkbookSource | null;
}

function describeError(err: unknown): Say {
  if (err instanceof ExcelTimeoutError) return say('error', (t) => t.excelTimeout(err.step));
  const detail = err instanceof Error ? err.message : String(err);
  return say('error', (t) => t.failed(detail));
}

/** The API's failure as a line the clerk can act on, in the language shown; an expired token says so plainly. */
function apiFailure(r: ApiFailure, wrap: (t: Messages, detail: string) => string): Say {
  if (r.code === 'auth.expired_token') return say('error', (t) => t.tokenExpired);
  return say('error', (t) => wrap(t, t.lang === 'en' ? r.messageEn : r.message));
}

export function createPane(deps: PaneDeps) {
  const { host, standalone } = deps;

  const lang = signal<Lang>((deps.prefs.recall('lang') as Lang | null) ?? deps.lang);
  const t = computed(() => MESSAGES[lang.value]);

  // ---- Connection ----
  const server = signal(deps.prefs.recall('server') ?? deps.defaultServer);
  // Tokens are kept per server: only the one kept for the address offered is filled in.
  const offered = checkServerAddress(server.value);
  const saved = offered.ok ? deps.tokens.load(offered.origin) : null;
  const token = signal(saved?.token ?? '');
  const rememberToken = signal(saved?.remembered ?? false);
  const serverCheck = signal<ServerCheck>({ state: 'idle' });
  const conn = signal<Connection | null>(null);
  /** The client of the connection in use; null while not connected. */
  let client: ShixunClient | null = null;
  const me = signal<Me | null>(null);
  const connectStatus = signal<Say | null>(null);

  // ---- Workbook and validation ----
  const year = signal(currentYear());
  const run = signal<ValidateRun | null>(null);
  const openStatus = signal<Say | null>(standalone ? say('info', (m) => m.noWorkbook) : null);
  const opening = signal(false);
  const validateStatus = signal<Say | null>(null);
  /** undefined: no progress bar; null: working, amount unknown; else 0..1. */
  const progress = signal<number | null | undefined>(undefined);
  /** Figures of the last run, for the tests and the curious (data attributes, not text). */
  const lastRun = signal<{ ms: number; syncs: number; serial: number } | null>(null);
  const selected = signal<Finding | null>(null);
  /** The selected finding's row's teacher, once the worker (which holds the cells) has read it. */
  const selectedTeacher = signal<{ finding: Finding; teacher: RowTeacher | null } | null>(null);
  const fixChosen = signal<boolean[]>([]);
  const fixStatus = signal<Say | null>(null);
  const previewShown = signal(false);
  const previewStatus = signal<Say | null>(null);
  /** The preview with the server's history (clerk connected), for the run it was computed from. */
  const previewHistory = signal<PreviewHistory | null>(null);
  const templateStatus = signal<Say | null>(null);

  // ---- Submission ----
  const submitStatus = signal<Say | null>(null);
  const confirmation = signal<Confirmation | null>(null);
  /** A sent submission that got no answer: retried with the same key and the same cells. */
  const pending = signal<(Confirmation & { key: string }) | null>(null);
  const receipt = signal<Receipt | null>(null);
  const review = signal<SubmissionSummary | null | 'none'>(null);
  /** The recognition of the current version's training records, as the server decided it. */
  const recognition = signal<{ submissionId: string; version: number; value: SubmissionRecognition } | null>(null);

  // ---- Reviewer ----
  const reviewerStatus = signal<Say | null>(null);
  const reviewerSchools = signal<{ code: string; name: string }[]>([]);

  const busy = signal<ReadonlySet<string>>(new Set());

  /** True while a workbook is there to validate: always in Excel, after a good open standalone. */
  const workbookOpen = computed(() => host.kind === 'excel' || standalone?.file.value != null);
  /** The run, only while it belongs to the open workbook. */
  const activeRun = computed(() => {
    const r = run.value;
    if (!r || !standalone) return r;
    return r.source !== undefined && r.source === standalone.file.value?.serial ? r : null;
  });
  const isClerk = computed(() => conn.value !== null && me.value?.role === 'clerk');

  /** Runs an action with its name marked busy; an error lands in the given status line. */
  async function task(name: string, status: { value: Say | null }, action: () => Promise<void>): Promise<void> {
    if (busy.value.has(name)) return;
    busy.value = new Set([...busy.value, name]);
    try {
      await action();
    } catch (err) {
      status.value = describeError(err);
    } finally {
      const next = new Set(busy.value);
      next.delete(name);
      busy.value = next;
    }
  }

  /** Forgets everything computed from the workbook: findings, fixes, preview, confirmation. */
  function forgetRun(): void {
    batch(() => {
      run.value = null;
      selected.value = null;
      selectedTeacher.value = null;
      fixChosen.value = [];
      fixStatus.value = null;
      previewShown.value = false;
      previewStatus.value = null;
      previewHistory.value = null;
      validateStatus.value = null;
      confirmation.value = null;
      pending.value = null;
    });
  }

  // ---- Language ----
  function switchLang(): void {
    lang.value = lang.value === 'zh' ? 'en' : 'zh';
    deps.prefs.remember('lang', lang.value);
  }

  // ---- Server and token ----
  let checkSeq = 0;
  /** Asks the address for its health, without the token; only an https (or local) address is asked. */
  async function checkServer(): Promise<void> {
    const address = checkServerAddress(server.value);
    const seq = ++checkSeq;
    if (!address.ok) {
      serverCheck.value = {
        state: 'error',
        server: server.value,
        say: say('error', (m) => serverAddressMessage(address, m.lang)),
      };
      return;
    }
    serverCheck.value = { state: 'checking', server: address.origin };
    const up = await clientOf({ server: address.origin, token: '' }).health();
    if (seq !== checkSeq) return;
    if (!up.ok) {
      const detail = up.message;
      serverCheck.value = {
        state: 'error',
        server: address.origin,
        say: say('error', (m) => m.serverUnreachable(detail)),
      };
      return;
    }
    serverCheck.value = {
      state: 'ok',
      server: address.origin,
      say: say('ok', (m) => serverAddressMessage(address, m.lang)),
      version: up.value.version,
    };
  }

  function connect(): Promise<void> {
    return task('connect', connectStatus, async () => {
      const check = serverCheck.value;
      if (check.state !== 'ok') {
        connectStatus.value = check.state === 'error' ? check.say : say('error', (m) => m.serverUnchecked);
        return;
      }
      connectStatus.value = say('info', (m) => m.connecting);
      const attempt = { server: check.server, token: token.value.trim() };
      const candidate = clientOf(attempt);
      const who = await candidate.me();
      if (!who.ok) {
        connectStatus.value = apiFailure(who, (m, d) => m.tokenRejected(d));
        if (
          who.code === 'auth.expired_token' ||
          who.code === 'auth.invalid_token' ||
          who.code === 'auth.revoked_token'
        ) {
          deps.tokens.forget(attempt.server);
        }
        return;
      }
      client = candidate;
      batch(() => {
        conn.value = attempt;
        me.value = who.value;
        connectStatus.value = null;
      });
      deps.prefs.remember('server', attempt.server);
      deps.tokens.save(attempt.server, attempt.token, {
        remember: rememberToken.value,
        expiresAt: who.value.expiresAt,
      });
      if (who.value.role === 'clerk') await refreshReview();
    });
  }

  function disconnect(): void {
    const leaving = conn.value;
    client = null;
    batch(() => {
      conn.value = null;
      me.value = null;
      token.value = '';
      review.value = null;
      recognition.value = null;
      receipt.value = null;
      confirmation.value = null;
      pending.value = null;
      submitStatus.value = null;
      reviewerStatus.value = null;
      reviewerSchools.value = [];
      // What one token pulled is not shown to the next.
      if (standalone) standalone.reports.value = [];
    });
    if (leaving) deps.tokens.forget(leaving.server);
  }

  // ---- Opening a file (standalone) ----
  function openFile(name: string, data: Blob): Promise<void> {
    if (!standalone) return Promise.resolve();
    return task('open', openStatus, async () => {
      const hadFile = standalone.file.value !== null;
      forgetRun();
      // The receipt and its 达标情况 belong to the file submitted before, not to this one.
      receipt.value = null;
      submitStatus.value = null;
      standalone.reports.value = [];
      opening.value = true;
      openStatus.value = say('info', (m) => m.opening(name));
      try {
        const out = await standalone.open(name, data);
        if (!out.ok) {
          const detail = out.message;
          openStatus.value = say('error', (m) => `${m.unreadable(name, detail)}${hadFile ? m.previousClosed : ''}`);
          return;
        }
        const sheets = out.file.sheets.length;
        const csv = out.file.fileKind === 'csv';
        openStatus.value = say('ok', (m) => (csv ? m.openedCsv(name) : m.opened(name, sheets)));
      } finally {
        opening.value = false;
      }
    });
  }

  // ---- Validation ----
  async function runValidation(): Promise<ValidateRun | null> {
    if (!workbookOpen.value) {
      validateStatus.value = say('error', (m) => m.noWorkbook);
      return null;
    }
    const started = performance.now();
    progress.value = null;
    const phaseText: Record<Phase, (m: Messages) => string> = {
      read: (m) => m.readingSheets,
      validate: (m) => m.validating,
      mark: (m) => m.markingCells,
    };
    const onProgress = (phase: Phase, done: number, total: number) => {
      validateStatus.value = say('info', phaseText[phase]);
      if (total > 0 && done > 0) progress.value = done / total;
    };
    try {
      const onValidate = (done: number, total: number) => onProgress('validate', done, total);
      const result = await host.validate(
        (grid) =>
          grid
            ? deps.validator.run(grid, year.value, lang.value, onValidate)
            : deps.validator.validateOpened(year.value, lang.value, onValidate),
        onProgress,
      );
      if (!result) {
        validateStatus.value = say('error', (m) => m.noWorkbook);
        return null;
      }
      const ms = performance.now() - started;
      const c = result.outcome.result.counts;
      batch(() => {
        run.value = result;
        selected.value = null;
        selectedTeacher.value = null;
        fixChosen.value = result.outcome.result.fixes.map(() => true);
        validateStatus.value = say(c.errors > 0 ? 'error' : 'ok', (m) =>
          m.validated(c.errors, c.warnings, c.fixes, ms),
        );
        lastRun.value = { ms: Math.round(ms), syncs: result.syncs, serial: (lastRun.peek()?.serial ?? 0) + 1 };
      });
      return result;
    } finally {
      progress.value = undefined;
    }
  }
  const validate = () => task('validate', validateStatus, async () => void (await runValidation()));

  const clearMarks = () =>
    task('clear', validateStatus, async () => {
      const n = await host.clearMarks();
      validateStatus.value = say('ok', (m) => m.marksCleared(n));
    });

  const downloadAnnotated = () =>
    task('annotate', validateStatus, async () => {
      const r = activeRun.value;
      if (!r || !standalone) return;
      const m = t.value;
      await standalone.downloadAnnotated(r.outcome.run, {
        lang: m.lang,
        severity: m.severity,
        title: m.findingTitle,
        workbookLevel: m.workbookLevel,
      });
    });

  const createTemplate = () =>
    task('template', templateStatus, async () => {
      // Connected as a clerk, in an Excel with dropdowns or on the standalone page (its template is
      // written with them): 项目编号 gets the bureau's catalogue codes of the year.
      const c = client;
      const y = year.value;
      const dropdowns = host.kind !== 'excel' || deps.excel?.caps.dataValidation === true;
      const wanted = c !== null && me.value?.role === 'clerk' && dropdowns;
      const catalogue = wanted ? await c.catalogue.list(y) : null;
      const codes = catalogue?.ok ? catalogue.value.entries.map((e) => e.code) : [];
      const out = await host.createTemplate({ catalogueCodes: codes });
      templateStatus.value = say('ok', (m) => {
        const done = host.kind === 'excel' ? m.templateDone(out.added, out.kept) : m.templateDownloaded;
        if (catalogue && !catalogue.ok)
          return `${done}${m.templateNoCodes(m.lang === 'en' ? catalogue.messageEn : catalogue.message)}`;
        return out.codeDropdown ? `${done}${m.templateCodes(codes.length, y)}` : done;
      });
    });

  function select(finding: Finding): void {
    selected.value = finding;
    const r = activeRun.value;
    if (r && finding.row !== null) {
      // The cells are in the worker: it reads the row's teacher; the detail shows once it answered.
      deps.validator.teacher(r.outcome.run, finding).then(
        (teacher) => {
          if (selected.peek() === finding && activeRun.peek() === r) selectedTeacher.value = { finding, teacher };
        },
        (err: unknown) => {
          // A run replaced meanwhile has no teacher to show: only a failure about this one is said.
          if (selected.peek() === finding && activeRun.peek() === r) validateStatus.value = describeError(err);
        },
      );
    } else {
      selectedTeacher.value = { finding, teacher: null };
    }
    if (finding.sheet && finding.cell) {
      host.select(finding.sheet, finding.cell).catch((err: unknown) => {
        validateStatus.value = describeError(err);
      });
    }
  }

  function chooseFix(index: number, on: boolean): void {
    const next = [...fixChosen.value];
    next[index] = on;
    fixChosen.value = next;
  }

  function chooseAllFixes(on: boolean): void {
    fixChosen.value = fixChosen.value.map(() => on);
  }

  const applyFixes = () =>
    task('fix', fixStatus, async () => {
      const r = activeRun.value;
      if (!r) return;
      const chosen: Fix[] = r.outcome.result.fixes.filter((_, i) => i < FIX_LIMIT && fixChosen.value[i]);
      if (chosen.length === 0) return;
      const out = await host.applyFixes(chosen);
      await runValidation();
      fixStatus.value = say('ok', (m) => m.fixesApplied(out.applied, out.skipped));
    });

  const showPreview = () =>
    task('preview', previewStatus, async () => {
      const current = activeRun.value;
      const r = current && current.outcome.result.year === year.value ? current : await runValidation();
      if (!r) return;
      previewShown.value = true;
      previewHistory.value = null;
      const c = client;
      if (c && me.value?.role === 'clerk' && r.outcome.compliance) await withHistory(c, r);
    });

  /**
   * The preview as the server will evaluate the submission: the workbook's records with the
   * server's history of its teachers (other years, other schools), under the bureau's policy.
   */
  async function withHistory(c: ShixunClient, r: ValidateRun): Promise<void> {
    const y = r.outcome.result.year;
    previewHistory.value = { state: 'loading', run: r };
    const [history, policy, catalogues] = await Promise.all([
      // The roster's IDs stay in the worker until the history is asked for (in its body, never a URL).
      deps.validator.rosterIds(r.outcome.run).then((ids) => c.historyOf(ids, y)),
      c.policies.get(y),
      cataloguesOf(c, r.outcome.result.catalogueYears),
    ]);
    const fail = (f: ApiFailure) => {
      previewHistory.value = { state: 'failed', run: r, say: apiFailure(f, (m, d) => m.historyFailed(d)) };
    };
    if (!history.ok) return fail(history);
    if (!policy.ok) return fail(policy);
    const { sources, teachers } = history.value;
    const file = policy.value.source === 'bureau' ? policy.value.file : null;
    if (activeRun.peek() !== r) return;
    const out = await deps.validator
      .evaluate(r.outcome.run, { sources, teachers }, file, y, lang.value, catalogues.ok ? catalogues.value : null)
      .catch((err: unknown) => {
        // Validated again meanwhile: the worker refuses the old run, and its preview is not shown anyway.
        if (activeRun.peek() !== r) return null;
        throw err;
      });
    if (!out || activeRun.peek() !== r) return;
    // Without the catalogue the preview still has the history: it says what it lacks.
    const catalogueSay = catalogues.ok ? null : apiFailure(catalogues, (m, d) => m.catalogueFailed(d));
    previewHistory.value = { state: 'server', run: r, sources: sources.length, ...out, catalogueSay };
  }

  // ---- Submission ----
  const prepareSubmit = () =>
    task('submit', submitStatus, async () => {
      const c = client;
      const who = me.value;
      if (!c || who?.role !== 'clerk' || !who.school) {
        submitStatus.value = say('error', (m) => m.needConnection);
        return;
      }
      confirmation.value = null;
      pending.value = null;
      submitStatus.value = say('info', (m) => m.preparing);
      // Excel's cells may have changed since the last run; a file stays as it was opened.
      const current = activeRun.value;
      const r =
        host.kind === 'standalone' && current && current.outcome.result.year === year.value
          ? current
          : await runValidation();
      if (!r) {
        submitStatus.value = say('error', (m) => m.noWorkbook);
        return;
      }
      if (!r.outcome.result.ok) {
        submitStatus.value = say('error', (m) => m.submitBlocked);
        return;
      }
      const facts = submissionFacts(r.outcome.result);
      if (!facts) {
        submitStatus.value = say('error', (m) => m.submitBlocked);
        return;
      }
      // The body and the records' hash are made in the worker, where the cells and records are.
      const [list, { body, contentHash: hash }] = await Promise.all([
        c.submissions.list(facts.year),
        deps.validator.submission(r.outcome.run),
      ]);
      if (!list.ok) {
        submitStatus.value = apiFailure(list, (m, d) => m.submitFailed(d));
        return;
      }
      const latest = list.value.items.find((s) => s.current) ?? null;
      const plan = planSubmission(facts, who.school, latest, hash);
      if (plan.kind === 'mismatch') {
        submitStatus.value = say('error', (m) =>
          m.schoolMismatch(plan.file.code, plan.file.name, plan.token.code, plan.token.name),
        );
        return;
      }
      if (plan.kind === 'identical') {
        submitStatus.value = say('ok', (m) => m.identical(plan.version));
        return;
      }
      submitStatus.value = null;
      confirmation.value = { facts, replaces: plan.replaces, body, hash, file: host.source() };
    });

  function cancelSubmit(): void {
    confirmation.value = null;
  }

  const confirmSubmit = () =>
    task('send', submitStatus, async () => {
      const c = conn.value;
      const chosen = pending.value ?? (confirmation.value ? { ...confirmation.value, key: crypto.randomUUID() } : null);
      if (!c || !chosen) return;
      confirmation.value = null;
      pending.value = null;
      submitStatus.value = say('info', (m) => m.submitting);
      const input = {
        year: chosen.facts.year,
        workbook: chosen.body,
        idempotencyKey: chosen.key,
        // The version the clerk confirmed replacing: a newer one meanwhile is a conflict, not a silent overwrite.
        ifMatch: chosen.replaces?.version ?? 0,
      };
      const result = await submitOver(c, input, {
        onRetry: ({ attempt }) => {
          submitStatus.value = say('info', (m) => m.retrying(attempt));
        },
      });
      if (!result.ok) {
        if (result.kind === 'conflict') submitStatus.value = say('error', (m) => m.versionConflict);
        else submitStatus.value = apiFailure(result, (m, d) => m.submitFailed(d));
        if (result.kind === 'network' || result.kind === 'server') pending.value = chosen;
        return;
      }
      const summary = result.receipt;
      if (result.unchanged) {
        // The server had these very records already (another computer sent them meanwhile): nothing was stored.
        submitStatus.value = say('ok', (m) => m.identical(summary.version));
        await refreshReview();
        return;
      }
      batch(() => {
        receipt.value = { summary, file: chosen.file };
        recognition.value = { submissionId: summary.id, version: summary.version, value: result.recognition };
        submitStatus.value = say('ok', (m) =>
          m.receipt(summary.version, beijingTime(summary.submittedAt, m.locale), summary.id),
        );
      });
      await host.showReport(complianceSheetSpec(result.compliance, chosen.facts.schoolName, t.value));
      await refreshReview();
    });

  async function refreshReview(): Promise<void> {
    const c = client;
    if (!c || me.value?.role !== 'clerk') return;
    const list = await c.submissions.list(year.value);
    if (!list.ok) {
      submitStatus.value = apiFailure(list, (m, d) => m.failed(d));
      return;
    }
    const current = list.value.items.find((s) => s.current) ?? null;
    review.value = current ?? 'none';
    if (!current) {
      recognition.value = null;
      return;
    }
    if (recognition.peek()?.submissionId === current.id) return;
    // The recognition of the current version's trainings, per record (the server's, archive.md §2).
    const detail = await c.submissions.compliance(current.id);
    if (!detail.ok) {
      submitStatus.value = apiFailure(detail, (m, d) => m.failed(d));
      return;
    }
    recognition.value = { submissionId: current.id, version: current.version, value: detail.value.recognition };
  }

  const refresh = () => task('refresh', submitStatus, refreshReview);

  // ---- Reviewer ----
  const pullSummary = () =>
    task('summary', reviewerStatus, async () => {
      const c = client;
      if (!c) return;
      const summary = await c.bureau.summary({ year: year.value });
      if (!summary.ok) {
        reviewerStatus.value = apiFailure(summary, (m, d) => m.failed(d));
        return;
      }
      await host.showReport(districtSheetSpec(summary.value, t.value));
      reviewerSchools.value = summary.value.schools
        .filter((s) => s.submitted)
        .map((s) => ({ code: s.code, name: s.name }));
      const n = summary.value.schools.length;
      reviewerStatus.value = say('ok', (m) => m.summaryWritten(n));
    });

  const pullSchool = (code: string) =>
    task('school', reviewerStatus, async () => {
      const c = client;
      if (!c) return;
      const rows = await schoolTeachers(c, year.value, code);
      if (!rows.ok) {
        reviewerStatus.value = apiFailure(rows, (m, d) => m.failed(d));
        return;
      }
      const name = reviewerSchools.value.find((s) => s.code === code)?.name ?? code;
      const spec = schoolTeachersSpec(name, rows.value, t.value);
      await host.showReport(spec);
      const n = rows.value.length;
      reviewerStatus.value = say('ok', (m) => m.teachersWritten(spec.name, n));
    });

  /** At start: check the address offered, and connect when a token was kept. */
  async function start(): Promise<void> {
    await checkServer();
    if (token.value !== '' && serverCheck.value.state === 'ok') await connect();
  }

  return {
    host,
    standalone,
    excel: deps.excel,
    lang,
    t,
    server,
    token,
    rememberToken,
    serverCheck,
    conn,
    me,
    connectStatus,
    year,
    run: activeRun,
    lastRun,
    openStatus,
    opening,
    validateStatus,
    progress,
    selected,
    selectedTeacher,
    fixChosen,
    fixStatus,
    previewShown,
    previewStatus,
    previewHistory,
    templateStatus,
    submitStatus,
    confirmation,
    pending,
    receipt,
    review,
    recognition,
    reviewerStatus,
    reviewerSchools,
    busy,
    workbookOpen,
    isClerk,
    switchLang,
    checkServer,
    connect,
    disconnect,
    openFile,
    validate,
    clearMarks,
    downloadAnnotated,
    createTemplate,
    select,
    chooseFix,
    chooseAllFixes,
    applyFixes,
    showPreview,
    prepareSubmit,
    cancelSubmit,
    confirmSubmit,
    refresh,
    pullSummary,
    pullSchool,
    start,
  };
}

export type Pane = ReturnType<typeof createPane>;
