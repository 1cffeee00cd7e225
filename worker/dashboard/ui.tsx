/** The small pieces every page uses: typed text, loading and error states, badges, pager, exports. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Download, ExportFormat, Sent } from '../../client/index.js';
import type { SubmissionStatus } from '../../shared/api/responses.js';
import type { TeacherStatus } from '../../shared/policy/types.js';
import { currentLang, type StringKey, t } from './i18n.js';
import { CallError, save } from './remote.js';

/**
 * Text someone typed (a comment, a name, a school's name) isolated from what stands beside it, so a
 * right-to-left override inside it cannot reorder the reviewer or the date next to it.
 */
export function Typed({ text }: { text: string | number | null | undefined }) {
  return <bdi class="typed">{text ?? ''}</bdi>;
}

export function Loading() {
  return (
    <div class="state loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {t('loading')}
    </div>
  );
}

export function errorText(err: unknown): string {
  if (err instanceof CallError) {
    const f = err.failure;
    if (f.kind === 'network') return t('networkError');
    if (f.status === 401) return t('badToken');
    // The code stays in the answer's JSON; a reviewer reads the message only.
    return currentLang() === 'zh' ? f.message : f.messageEn;
  }
  return err instanceof Error ? err.message : String(err);
}

export function ErrorBox({
  error,
  retry,
  children,
}: {
  error: unknown;
  retry?: () => void;
  children?: ComponentChildren;
}) {
  return (
    <div class="state error" role="alert">
      <p>{errorText(error)}</p>
      {retry ? (
        <button type="button" onClick={retry}>
          {t('retry')}
        </button>
      ) : null}
      {children}
    </div>
  );
}

const SUBMISSION: Record<SubmissionStatus | 'missing', StringKey> = {
  missing: 'missing',
  pending: 'pending',
  returned: 'returned',
  approved: 'approved',
  superseded: 'superseded',
};

export function SubmissionBadge({ status }: { status: SubmissionStatus | 'missing' }) {
  return <span class={`badge sub-${status}`}>{t(SUBMISSION[status])}</span>;
}

export function StatusBadge({ status }: { status: TeacherStatus }) {
  return <span class={`badge st-${status}`}>{t(status)}</span>;
}

/** Chart colours shared with the CSS badges; chosen to stay apart for red-green colour blindness and on a projector. */
export const COLORS = { pass: '#2e7d32', warn: '#e0a100', fail: '#c62828', missing: '#9e9e9e' } as const;

/** Previous / next with the row count; pages are numbered from 1. */
export function Pager({
  page,
  pageSize,
  total,
  go,
}: {
  page: number;
  pageSize: number;
  total: number;
  go: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav class="pager" aria-label="pagination">
      <span class="count">{t('count', { n: total })}</span>
      <button type="button" disabled={page <= 1} onClick={() => go(page - 1)}>
        {t('prev')}
      </button>
      <span class="page">{t('page', { p: Math.min(page, pages), n: pages })}</span>
      <button type="button" disabled={page >= pages} onClick={() => go(page + 1)}>
        {t('next')}
      </button>
    </nav>
  );
}

/** A list filter's drop-down under its label; its first option, value "", filters nothing. */
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  /** The words of the first option. */
  none: string;
  /** Each other option as [value, words]. */
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{props.none}</option>
        {props.options.map(([value, words]) => (
          <option value={value}>{words}</option>
        ))}
      </select>
    </label>
  );
}

/** CSV and Excel buttons for one export; the file comes through the client so the token stays in a header. */
export function ExportButtons(props: {
  label: string;
  fetchFile: (format: ExportFormat) => Promise<Sent<Download>>;
  fileStem: string;
}) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState('');
  const click = (format: ExportFormat): void => {
    setBusy(format);
    setMessage(t('exporting'));
    save(props.fetchFile(format), `${props.fileStem}.${format}`)
      .then(() => setMessage(''))
      .catch((err: unknown) => setMessage(errorText(err)))
      .finally(() => setBusy(null));
  };
  return (
    <div class="exports">
      <span class="export-label">{props.label}</span>
      {(['csv', 'xlsx'] as const).map((format) => (
        <button type="button" class={`export-${format}`} disabled={busy === format} onClick={() => click(format)}>
          {t(format === 'csv' ? 'exportCsv' : 'exportXlsx')}
        </button>
      ))}
      <span class="export-message" role="status">
        {message}
      </span>
    </div>
  );
}
