/**
 * The pane: the same sections and the same code paths in Excel and in a plain browser; only the
 * WorkbookHost differs. State lives here; each section renders from it.
 */
import type { Me, SubmissionSummary } from '../../shared/api/responses.js';
import type { Finding, Fix, Lang } from '../../shared/contract/codes.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import { currentYear } from '../../shared/policy/as-of.js';
import { submitWorkbook, type SubmitResult } from '../api/submit.js';
import { complianceSheetSpec } from '../excel/compliance-sheet.js';
import { districtSheetSpec, schoolTeachersSpec } from '../excel/district-sheet.js';
import { ExcelTimeoutError } from '../excel/sync.js';
import { download, h, replace, table } from './dom.js';
import { findingsCsv } from './findings-csv.js';
import type { Phase, ValidateRun, WorkbookHost } from './host.js';
import { MESSAGES, type Messages } from './messages.js';
import { bureauSummary, health, schoolTeachers, submissions, whoAmI, type Connection } from './server.js';
import type { ValidationClient } from './validation-client.js';

/** Rows shown per findings group and fixes shown at once; the CSV report always has everything. */
const GROUP_ROWS = 200;
const FIX_ROWS = 2_000;

export interface AppOptions {
  root: HTMLElement;
  host: WorkbookHost;
  lang: Lang;
  validator: ValidationClient;
  storage: { recall(key: string): string | null; remember(key: string, value: string | null): void };
  /** Standalone extras: the open-file section, the report area and the fixed-copy download. */
  extras?: {
    openSection: HTMLElement;
    reportArea: HTMLElement;
    downloadFixed: () => (() => void) | null;
    onOpened: (listener: () => void) => void;
    relabel: (t: Messages) => void;
  };
}

interface State {
  lang: Lang;
  conn: Connection | null;
  me: Me | null;
  year: number;
  run: ValidateRun | null;
  /** A submission that failed: retried with the same key and the same cells. */
  pending: { grid: WorkbookGrid; year: number; key: string } | null;
  receipt: SubmissionSummary | null;
  /** The validation status line, kept across re-renders (connecting, switching language). */
  validated: { text: string; kind: 'ok' | 'error' } | null;
}

function describeError(err: unknown, t: Messages): string {
  if (err instanceof ExcelTimeoutError) return t.excelTimeout(err.step);
  return t.failed(err instanceof Error ? err.message : String(err));
}

export function startApp(opts: AppOptions): void {
  const { host, storage } = opts;
  const state: State = {
    lang: (storage.recall('lang') as Lang | null) ?? opts.lang,
    conn: null,
    me: null,
    year: currentYear(),
    run: null,
    pending: null,
    receipt: null,
    validated: null,
  };
  const saved = { server: storage.recall('server') ?? location.origin, token: storage.recall('token') ?? '' };
  let t: Messages = MESSAGES[state.lang];

  /** Runs an action with its button disabled; errors land in the section's status line. */
  async function guard(button: HTMLButtonElement, status: HTMLElement, action: () => Promise<void>): Promise<void> {
    button.disabled = true;
    try {
      await action();
    } catch (err) {
      status.textContent = describeError(err, t);
      status.className = 'status error';
    } finally {
      button.disabled = false;
    }
  }

  function say(status: HTMLElement, text: string, kind: 'ok' | 'error' | 'info' = 'info'): void {
    status.textContent = text;
    status.className = `status ${kind}`;
  }

  // ---- Connect -----------------------------------------------------------------------------
  function connectSection(): HTMLElement {
    const server = h('input', { id: 'server', type: 'url', value: saved.server, autocomplete: 'url' });
    const token = h('input', { id: 'token', type: 'password', value: saved.token, autocomplete: 'off' });
    const status = h('p', { id: 'connect-status', class: 'status', role: 'status' }, state.me ? t.connectedAs(who(state.me)) : t.notConnected);
    const connect = h('button', { id: 'connect', type: 'button' }, t.connect);
    connect.addEventListener('click', () =>
      guard(connect, status, async () => {
        say(status, t.connecting);
        const conn = { server: server.value.trim().replace(/\/+$/, ''), token: token.value.trim() };
        const up = await health(conn);
        if (!up.ok) return say(status, t.serverUnreachable(up.message), 'error');
        const me = await whoAmI(conn);
        if (!me.ok) return say(status, t.tokenRejected(me.message), 'error');
        state.conn = conn;
        state.me = me.value;
        storage.remember('server', conn.server);
        storage.remember('token', conn.token);
        saved.server = conn.server;
        saved.token = conn.token;
        render();
      }),
    );
    const disconnect = h('button', { id: 'disconnect', type: 'button', class: 'secondary' }, t.disconnect);
    disconnect.addEventListener('click', () => {
      state.conn = null;
      state.me = null;
      // What one token pulled is not shown to the next.
      opts.extras?.reportArea.replaceChildren();
      storage.remember('token', null);
      saved.token = '';
      render();
    });
    return h(
      'section',
      { id: 'connect-section' },
      h('h2', {}, t.connectTitle),
      h('label', {}, t.serverLabel, server),
      h('label', {}, t.tokenLabel, token),
      h('div', { class: 'row' }, connect, state.me ? disconnect : null),
      status,
    );
  }

  function who(me: Me): string {
    const role = me.role === 'clerk' ? t.roleClerk : me.role === 'reviewer' ? t.roleReviewer : t.roleAdmin;
    const place = me.school?.name ?? me.bureau?.name ?? '';
    return `${place} ${role}（${me.label}）`.trim();
  }

  // ---- Template ----------------------------------------------------------------------------
  function templateSection(): HTMLElement {
    const status = h('p', { id: 'template-status', class: 'status', role: 'status' });
    const button = h('button', { id: 'template', type: 'button', class: 'secondary' }, host.kind === 'excel' ? t.templateButton : t.templateDownload);
    button.addEventListener('click', () =>
      guard(button, status, async () => {
        const out = await host.createTemplate();
        if (host.kind === 'excel') say(status, t.templateDone(out.added, out.kept), 'ok');
      }),
    );
    return h('section', { id: 'template-section' }, h('h2', {}, t.templateTitle), host.kind === 'excel' ? h('p', { class: 'muted' }, t.templateHint) : null, button, status);
  }

  // ---- Validate ----------------------------------------------------------------------------
  const validateStatus = () => document.getElementById('validate-status')!;

  async function runValidation(): Promise<ValidateRun | null> {
    const status = validateStatus();
    const progress = document.getElementById('progress') as HTMLProgressElement;
    progress.hidden = false;
    progress.removeAttribute('value');
    const started = performance.now();
    const phaseText: Record<Phase, string> = { read: t.readingSheets, validate: t.validating, mark: t.markingCells };
    const onProgress = (phase: Phase, done: number, total: number) => {
      say(status, phaseText[phase]);
      if (total > 0 && done > 0) progress.value = done / total;
    };
    try {
      const run = await host.validate(
        (grid) =>
          opts.validator.run(grid, state.year, state.lang, (done, total) => {
            onProgress('validate', done, total);
          }),
        onProgress,
      );
      if (!run) {
        say(status, t.noWorkbook, 'error');
        return null;
      }
      const ms = performance.now() - started;
      state.run = run;
      const c = run.outcome.result.counts;
      state.validated = { text: t.validated(c.errors, c.warnings, c.fixes, ms), kind: c.errors > 0 ? 'error' : 'ok' };
      say(status, state.validated.text, state.validated.kind);
      status.dataset.ms = String(Math.round(ms));
      status.dataset.syncs = String(run.syncs);
      renderFindings();
      renderFixes();
      renderPreview();
      renderSubmit();
      return run;
    } finally {
      progress.hidden = true;
    }
  }

  function validateSection(): HTMLElement {
    const year = h('select', { id: 'year' }, ...[0, 1, 2, 3].map((d) => {
      const y = currentYear() - d;
      return h('option', { value: y, selected: y === state.year }, String(y));
    }));
    year.addEventListener('change', () => {
      state.year = Number(year.value);
    });
    const status = h('p', { id: 'validate-status', class: `status ${state.validated?.kind ?? ''}`, role: 'status' }, state.validated?.text);
    const button = h('button', { id: 'validate', type: 'button' }, t.validateButton);
    button.addEventListener('click', () => guard(button, status, async () => void (await runValidation())));
    const clear = h('button', { id: 'clear-marks', type: 'button', class: 'secondary' }, t.clearMarks);
    clear.addEventListener('click', () => guard(clear, status, async () => say(status, t.marksCleared(await host.clearMarks()), 'ok')));
    const report = h('button', { id: 'download-report', type: 'button', class: 'secondary', hidden: true }, t.downloadReport);
    report.addEventListener('click', () => {
      if (state.run) download('问题清单.csv', findingsCsv(state.run.outcome.result.findings, t), 'text/csv;charset=utf-8');
    });
    return h(
      'section',
      { id: 'validate-section' },
      h('h2', {}, t.validateTitle),
      h('div', { class: 'row' }, h('label', { class: 'inline' }, t.yearLabel, year), button, host.kind === 'excel' ? clear : null, report),
      h('progress', { id: 'progress', hidden: true }),
      status,
      h('div', { id: 'findings' }),
    );
  }

  function renderFindings(): void {
    const box = document.getElementById('findings');
    const report = document.getElementById('download-report');
    if (!box || !state.run) return;
    const findings = state.run.outcome.result.findings.filter((f) => f.severity !== 'info');
    if (report) report.hidden = state.run.outcome.result.findings.length === 0;
    if (findings.length === 0) return replace(box, h('p', { class: 'status ok' }, t.noProblems));
    const groups = new Map<string, Finding[]>();
    for (const f of findings) {
      const key = `${f.sheet ?? t.workbookLevel}\u0000${f.code}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    replace(
      box,
      ...[...groups].map(([key, list]) => {
        const [sheet, code] = key.split('\u0000') as [string, string];
        const rows = list.slice(0, GROUP_ROWS).map((f) => {
          const tr = h('tr', { class: `finding ${f.severity}`, 'data-sheet': f.sheet ?? '', 'data-cell': f.cell ?? '', title: f.cell ? t.clickToSelect : '' },
            h('td', {}, f.sheet ?? t.workbookLevel), h('td', {}, f.cell ?? ''), h('td', {}, f.code), h('td', {}, f.message));
          if (f.sheet && f.cell) {
            const { sheet: s, cell: c } = { sheet: f.sheet, cell: f.cell };
            tr.addEventListener('click', () => void host.select(s, c).catch((err: unknown) => say(validateStatus(), describeError(err, t), 'error')));
          }
          return tr;
        });
        const more = list.length > GROUP_ROWS ? h('p', { class: 'muted' }, `… ${list.length - GROUP_ROWS}`) : null;
        return h(
          'details',
          { class: `group ${list[0]!.severity}`, open: groups.size <= 6 },
          h('summary', {}, h('span', { class: `badge ${list[0]!.severity}` }, t.severity[list[0]!.severity] ?? ''), ' ', t.findingsGroup(sheet, code, list.length)),
          h('table', { class: 'grid findings' },
            h('thead', {}, h('tr', {}, h('th', {}, t.colSheet), h('th', {}, t.colCell), h('th', {}, t.colCode), h('th', {}, t.colMessage))),
            h('tbody', {}, ...rows)),
          more,
        );
      }),
    );
  }

  // ---- Fix ---------------------------------------------------------------------------------
  function fixSection(): HTMLElement {
    return h('section', { id: 'fix-section' }, h('h2', {}, t.fixTitle), h('p', { class: 'muted' }, t.fixHint), h('div', { id: 'fixes' }), h('p', { id: 'fix-status', class: 'status', role: 'status' }));
  }

  function renderFixes(): void {
    const box = document.getElementById('fixes');
    const status = document.getElementById('fix-status');
    if (!box || !status || !state.run) return;
    const fixes = state.run.outcome.result.fixes.slice(0, FIX_ROWS);
    const downloadFixed = opts.extras?.downloadFixed() ?? null;
    const downloadButton = downloadFixed ? h('button', { id: 'download-fixed', type: 'button', class: 'secondary' }, t.downloadFixed) : null;
    downloadButton?.addEventListener('click', downloadFixed!);
    if (fixes.length === 0) return replace(box, h('p', { class: 'muted' }, t.noFixes), downloadButton);
    const boxes = fixes.map((_, i) => h('input', { type: 'checkbox', checked: true, 'data-fix': i, 'aria-label': fixes[i]!.cell }));
    const all = h('input', { type: 'checkbox', id: 'fix-all', checked: true });
    const apply = h('button', { id: 'apply-fixes', type: 'button' }, t.applyFixes(fixes.length));
    const count = () => boxes.filter((b) => b.checked).length;
    all.addEventListener('change', () => {
      for (const b of boxes) b.checked = all.checked;
      apply.textContent = t.applyFixes(count());
    });
    for (const b of boxes) b.addEventListener('change', () => (apply.textContent = t.applyFixes(count())));
    apply.addEventListener('click', () =>
      guard(apply, status, async () => {
        const chosen: Fix[] = fixes.filter((_, i) => boxes[i]!.checked);
        if (chosen.length === 0) return;
        const out = await host.applyFixes(chosen);
        say(status, t.fixesApplied(out.applied, out.skipped), 'ok');
        await runValidation();
      }),
    );
    const show = (v: Fix['from']) => (v === null ? '' : typeof v === 'string' ? `“${v}”` : String(v));
    replace(
      box,
      h('table', { class: 'grid fixes' },
        h('thead', {}, h('tr', {}, h('th', {}, h('label', { class: 'inline' }, all, t.selectAll)), h('th', {}, t.colSheet), h('th', {}, t.colCell), h('th', {}, t.colOld), h('th', {}, t.colNew))),
        h('tbody', {}, ...fixes.map((f, i) => h('tr', { 'data-sheet': f.sheet, 'data-cell': f.cell }, h('td', {}, boxes[i]!), h('td', {}, f.sheet), h('td', {}, f.cell), h('td', { class: 'old' }, show(f.from)), h('td', { class: 'new' }, show(f.to)))))),
      h('div', { class: 'row' }, apply, downloadButton),
    );
  }

  // ---- Preview -----------------------------------------------------------------------------
  function previewSection(): HTMLElement {
    const status = h('p', { id: 'preview-status', class: 'status', role: 'status' });
    const button = h('button', { id: 'preview', type: 'button', class: 'secondary' }, t.previewButton);
    button.addEventListener('click', () =>
      guard(button, status, async () => {
        if (!state.run || state.run.outcome.result.year !== state.year) await runValidation();
        renderPreview(true);
      }),
    );
    return h('section', { id: 'preview-section' }, h('h2', {}, t.previewTitle), button, status, h('div', { id: 'compliance' }));
  }

  function renderPreview(force = false): void {
    const box = document.getElementById('compliance');
    const status = document.getElementById('preview-status');
    if (!box || !status || !state.run || (!force && box.childElementCount === 0)) return;
    const { compliance, complianceError } = state.run.outcome;
    if (!compliance) return say(status, complianceError ? t.failed(complianceError) : t.futureYear, 'error');
    const s = compliance.school.summary;
    const invalid = compliance.teachers.filter((x) => x.status === 'invalid').length;
    say(status, `${t.asOfLabel} ${compliance.asOf}：${t.summaryLine(s.teachers, s.pass, s.warn, s.fail, s.passRate)}${invalid ? `；${t.invalidCount(invalid)}` : ''}`, 'ok');
    replace(
      box,
      table(
        [t.colRow, t.colName, t.colId, t.colStatus, t.colUnmet],
        compliance.teachers.map((x) => [x.row, x.name, x.idMasked, h('span', { class: `badge ${x.status}` }, t.status[x.status]), x.rules.filter((r) => r.status !== 'pass').map((r) => `${t.rule[r.rule]}：${r.message}`).join('；')]),
        { class: 'grid compliance' },
      ),
    );
  }

  // ---- Submit ------------------------------------------------------------------------------
  function submitSection(): HTMLElement {
    const status = h('p', { id: 'submit-status', class: 'status', role: 'status' });
    const button = h('button', { id: 'submit', type: 'button' }, t.submitButton);
    button.addEventListener('click', () => guard(button, status, () => submit(false)));
    const refresh = h('button', { id: 'refresh-review', type: 'button', class: 'secondary' }, t.refresh);
    refresh.addEventListener('click', () => guard(refresh, status, refreshReview));
    return h(
      'section',
      { id: 'submit-section' },
      h('h2', {}, t.submitTitle),
      h('div', { class: 'row' }, button, h('button', { id: 'retry', type: 'button', hidden: true }, t.retry), refresh),
      status,
      h('div', { id: 'receipt' }),
      h('div', { id: 'review-status' }),
    );
  }

  function renderSubmit(): void {
    const status = document.getElementById('submit-status');
    if (!status) return;
    if (!state.conn || state.me?.role !== 'clerk') say(status, t.needConnection);
    else if (state.run && !state.run.outcome.result.ok) say(status, t.submitBlocked, 'error');
    else say(status, '');
  }

  /** Only the sheets the validator recognized leave the machine. */
  function recognized(run: ValidateRun): WorkbookGrid {
    const keep = new Set(run.outcome.result.sheets.map((s) => s.index));
    return { sheets: run.grid.sheets.filter((_, i) => keep.has(i)) };
  }

  async function submit(retry: boolean): Promise<void> {
    const status = document.getElementById('submit-status')!;
    const retryButton = document.getElementById('retry') as HTMLButtonElement;
    if (!state.conn || state.me?.role !== 'clerk') return say(status, t.needConnection, 'error');
    if (!retry || !state.pending) {
      const run = state.run && state.run.outcome.result.year === state.year ? state.run : await runValidation();
      if (!run) return;
      if (!run.outcome.result.ok) return say(status, t.submitBlocked, 'error');
      state.pending = { grid: recognized(run), year: state.year, key: crypto.randomUUID() };
    }
    const pending = state.pending;
    retryButton.hidden = true;
    say(status, t.submitting);
    const result: SubmitResult = await submitWorkbook({
      server: state.conn.server,
      token: state.conn.token,
      year: pending.year,
      workbook: pending.grid,
      idempotencyKey: pending.key,
      onRetry: ({ attempt }) => say(status, t.retrying(attempt)),
    });
    if (!result.ok) {
      say(status, t.submitFailed(result.error.message), 'error');
      if (result.kind === 'network' || result.kind === 'server') {
        retryButton.hidden = false;
        retryButton.onclick = () => void guard(retryButton, status, () => submit(true));
      } else state.pending = null;
      return;
    }
    state.pending = null;
    state.receipt = result.receipt;
    const at = new Date(result.receipt.submittedAt).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-GB');
    say(status, t.receipt(result.receipt.version, at, result.receipt.id), 'ok');
    replace(document.getElementById('receipt')!, h('p', { class: 'receipt', 'data-version': result.receipt.version }, t.summaryLine(result.receipt.summary.teachers, result.receipt.summary.pass, result.receipt.summary.warn, result.receipt.summary.fail, result.receipt.summary.passRate)));
    const schoolName = state.run?.outcome.result.records.school?.schoolName ?? state.me.school?.name ?? '';
    await host.showReport(complianceSheetSpec(result.compliance, schoolName, t));
    await refreshReview();
  }

  async function refreshReview(): Promise<void> {
    const box = document.getElementById('review-status');
    if (!box || !state.conn || state.me?.role !== 'clerk') return;
    const list = await submissions(state.conn, state.year);
    if (!list.ok) return replace(box, h('p', { class: 'status error' }, t.failed(list.message)));
    const current = list.value.items.find((s) => s.current);
    if (!current) return replace(box, h('p', { class: 'muted' }, t.noSubmission));
    replace(
      box,
      h('dl', { class: 'review' },
        h('dt', {}, t.reviewStatus), h('dd', { id: 'review-state', 'data-status': current.status }, `${t.submissionStatus[current.status]}（${t.colVersion} ${current.version}）`),
        current.review.comment ? h('dt', {}, t.reviewComment) : null,
        current.review.comment ? h('dd', { id: 'review-comment' }, current.review.comment) : null),
    );
  }

  // ---- Reviewer ----------------------------------------------------------------------------
  function reviewerSection(): HTMLElement | null {
    if (state.me?.role !== 'reviewer' || !state.conn) return null;
    const conn = state.conn;
    const status = h('p', { id: 'reviewer-status', class: 'status', role: 'status' });
    const pull = h('button', { id: 'pull-summary', type: 'button' }, t.pullSummary);
    const school = h('select', { id: 'school', disabled: true });
    const pullSchool = h('button', { id: 'pull-school', type: 'button', class: 'secondary', disabled: true }, t.pullTeachers);
    pull.addEventListener('click', () =>
      guard(pull, status, async () => {
        const summary = await bureauSummary(conn, state.year);
        if (!summary.ok) return say(status, t.failed(summary.message), 'error');
        await host.showReport(districtSheetSpec(summary.value, t));
        replace(school, ...summary.value.schools.filter((s) => s.submitted).map((s) => h('option', { value: s.code }, s.name)));
        school.disabled = false;
        pullSchool.disabled = false;
        say(status, t.summaryWritten(summary.value.schools.length), 'ok');
      }),
    );
    pullSchool.addEventListener('click', () =>
      guard(pullSchool, status, async () => {
        const rows = await schoolTeachers(conn, state.year, school.value);
        if (!rows.ok) return say(status, t.failed(rows.message), 'error');
        const name = school.selectedOptions[0]?.textContent ?? school.value;
        const spec = schoolTeachersSpec(name, rows.value, t);
        await host.showReport(spec);
        say(status, t.teachersWritten(spec.name, rows.value.length), 'ok');
      }),
    );
    return h('section', { id: 'reviewer-section' }, h('h2', {}, t.reviewerTitle), h('div', { class: 'row' }, pull), h('div', { class: 'row' }, h('label', { class: 'inline' }, t.schoolLabel, school), pullSchool), status);
  }

  // ---- Page --------------------------------------------------------------------------------
  function render(): void {
    t = MESSAGES[state.lang];
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t.appTitle;
    const title = document.getElementById('title');
    if (title) title.textContent = t.appTitle;
    const mode = document.getElementById('mode');
    if (mode) mode.textContent = host.kind === 'excel' ? t.modeExcel : t.modeStandalone;
    const switcher = document.getElementById('lang-switch');
    if (switcher) {
      switcher.textContent = t.switchLang;
      switcher.onclick = () => {
        state.lang = state.lang === 'zh' ? 'en' : 'zh';
        storage.remember('lang', state.lang);
        render();
      };
    }
    const clerkOrOffline = state.me?.role !== 'reviewer';
    opts.extras?.relabel(t);
    replace(
      opts.root,
      connectSection(),
      clerkOrOffline ? opts.extras?.openSection : null,
      clerkOrOffline ? templateSection() : null,
      clerkOrOffline ? validateSection() : null,
      clerkOrOffline ? fixSection() : null,
      clerkOrOffline ? previewSection() : null,
      clerkOrOffline ? submitSection() : null,
      reviewerSection(),
      opts.extras?.reportArea,
    );
    if (state.run && clerkOrOffline) {
      renderFindings();
      renderFixes();
      renderSubmit();
    }
    if (clerkOrOffline && state.conn) void refreshReview();
  }

  opts.extras?.onOpened(() => {
    state.run = null;
    state.validated = null;
    render();
  });
  render();
  if (saved.token) document.getElementById('connect')?.click();
}
