/**
 * The bureau's training catalogue for the year (archive.md §2): import a workbook (read in the
 * browser by the same reader as the pane, sent as its cells), add, edit and remove entries, export
 * it, download the blank form. Every change says which ledgers it re-evaluated.
 */
import { useEffect, useState } from 'preact/hooks';
import type {
  CatalogueEntryInfo,
  CatalogueEntryInput,
  CatalogueInvalidDetails,
  CatalogueList,
  ReevaluatedSubmission,
} from '../../../shared/api/catalogue.js';
import type { Finding } from '../../../shared/contract/codes.js';
import { TRAINING_CATEGORIES, TRAINING_FORMS } from '../../../shared/contract/enums.js';
import { FILE_LIMITS } from '../../../shared/files/limits.js';
import { encodeWorkbook } from '../../../shared/grid.js';
import { entryFields, RECOGNIZED_LEVELS } from '../../../shared/recognition/types.js';
import type { PageContext } from '../context.js';
import { useLoad } from '../hooks.js';
import { currentLang, type StringKey, t } from '../i18n.js';
import { CallError, client, save, value } from '../remote.js';
import { ErrorBox, errorText, Loading, Typed } from '../ui.js';
import { Findings } from '../views/Findings.js';
import { Reevaluated } from '../views/Reevaluated.js';

const SOURCES: Record<NonNullable<CatalogueEntryInfo['source']>, StringKey> = {
  import: 'sourceImport',
  edit: 'sourceEdit',
  queue: 'sourceQueue',
};

/** What the last action left to show: a message, findings of a refused import, the ledgers it moved. */
interface Outcome {
  message: string;
  findings?: readonly Finding[];
  reevaluated?: ReevaluatedSubmission[];
  pending?: number;
  error?: boolean;
}

function OutcomeBox({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <div class={`card outcome ${outcome.error ? 'error' : ''}`} role="status">
      <p class="outcome-message">{outcome.message}</p>
      {outcome.findings ? <Findings findings={outcome.findings} /> : null}
      {outcome.reevaluated ? <Reevaluated items={outcome.reevaluated} pending={outcome.pending ?? 0} /> : null}
    </div>
  );
}

function ImportBox({ ctx, done }: { ctx: PageContext; done: (o: Outcome) => void }) {
  const [busy, setBusy] = useState<StringKey | null>(null);
  const pick = async (file: File): Promise<void> => {
    setBusy('reading');
    try {
      // The reader (and SheetJS for .xls) loads only when a file is chosen.
      const { readWorkbookFile } = await import('../../../workbook/read-file.js');
      const read = await readWorkbookFile(new Uint8Array(await file.arrayBuffer()), {
        limits: FILE_LIMITS.pane,
        lang: currentLang(),
        name: file.name,
      });
      if (!read.ok) {
        done({ message: read.message, error: true });
        return;
      }
      setBusy('sending');
      const r = await value(
        client.catalogue.import(ctx.year, { workbook: encodeWorkbook(read.grid) }, ctx.bureau ?? undefined),
      );
      done({
        message: t('catalogueImported', r.imported),
        findings: r.findings,
        reevaluated: r.reevaluated,
        pending: r.pending,
      });
    } catch (err) {
      const details =
        err instanceof CallError ? (err.failure.details as CatalogueInvalidDetails | undefined) : undefined;
      if (err instanceof CallError && err.failure.code === 'catalogue.invalid' && details) {
        done({ message: t('catalogueRefused', { n: details.counts.errors }), findings: details.findings, error: true });
      } else {
        done({ message: errorText(err), error: true });
      }
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="card import-box">
      <h2>{t('catalogueImport')}</h2>
      <p class="note">{t('catalogueImportHint')}</p>
      <input
        type="file"
        id="catalogue-file"
        accept=".xlsx,.xlsm,.xls,.et,.csv"
        disabled={busy !== null}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void pick(file);
        }}
      />
      {busy ? <span role="status">{t(busy)}</span> : null}
    </section>
  );
}

const emptyInput = (year: number): CatalogueEntryInput => ({
  course: '',
  level: '区级',
  category: '学科教学',
  form: '集中面授',
  startDate: `${year}-01-01`,
  endDate: `${year}-01-01`,
  hours: 0,
  organizer: null,
});

/** The editable fields of an entry (the route's body is strict: code, counts and source are not sent). */
const inputOf = (e: CatalogueEntryInfo): CatalogueEntryInput => {
  const { code: _code, ...input } = entryFields(e);
  return input;
};

function EntryForm({
  ctx,
  entry,
  close,
  done,
}: {
  ctx: PageContext;
  entry: CatalogueEntryInfo | null;
  close: () => void;
  done: (o: Outcome) => void;
}) {
  const [code, setCode] = useState(entry?.code ?? '');
  const [input, setInput] = useState<CatalogueEntryInput>(entry ? inputOf(entry) : emptyInput(ctx.year));
  const [error, setError] = useState('');
  const set = <K extends keyof CatalogueEntryInput>(key: K, v: CatalogueEntryInput[K]) =>
    setInput({ ...input, [key]: v });
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    try {
      const r = await value(client.catalogue.putEntry(ctx.year, code.trim(), input, ctx.bureau ?? undefined));
      done({
        message: t('entrySaved', { code: r.entry?.code ?? code }),
        reevaluated: r.reevaluated,
        pending: r.pending,
      });
      close();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const select = (key: 'level' | 'category' | 'form', values: readonly string[], label: StringKey) => (
    <label>
      {t(label)}
      <select name={key} value={input[key]} onChange={(e) => set(key, e.currentTarget.value as never)}>
        {values.map((v) => (
          <option value={v}>{v}</option>
        ))}
      </select>
    </label>
  );
  const date = (key: 'startDate' | 'endDate', label: StringKey) => (
    <label>
      {t(label)}
      <input type="date" name={key} value={input[key]} onInput={(e) => set(key, e.currentTarget.value)} />
    </label>
  );
  return (
    <form class="card entry-form" onSubmit={(e) => void submit(e)}>
      <h2>{entry ? t('editEntry', { code: entry.code }) : t('addEntry')}</h2>
      <label>
        {t('entryCode')}
        <input
          name="code"
          value={code}
          disabled={entry !== null}
          required
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('entryCourse')}
        <input name="course" value={input.course} required onInput={(e) => set('course', e.currentTarget.value)} />
      </label>
      {select('level', RECOGNIZED_LEVELS, 'entryLevel')}
      {select('category', TRAINING_CATEGORIES.values, 'entryCategory')}
      {select('form', TRAINING_FORMS.values, 'entryForm')}
      {date('startDate', 'entryStart')}
      {date('endDate', 'entryEnd')}
      <label>
        {t('entryHours')}
        <input
          type="number"
          name="hours"
          min="0.5"
          step="0.5"
          value={String(input.hours)}
          onInput={(e) => set('hours', Number(e.currentTarget.value))}
        />
      </label>
      <label>
        {t('entryOrganizer')}
        <input
          name="organizer"
          value={input.organizer ?? ''}
          onInput={(e) => set('organizer', e.currentTarget.value || null)}
        />
      </label>
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="form-actions">
        <button type="submit">{t('save')}</button>
        <button type="button" class="link" onClick={close}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function Catalogue({ ctx, data, reload }: { ctx: PageContext; data: CatalogueList; reload: () => void }) {
  useEffect(() => ctx.ready(), [data]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [editing, setEditing] = useState<CatalogueEntryInfo | 'new' | null>(null);
  const done = (o: Outcome): void => {
    setOutcome(o);
    if (!o.error) reload();
  };
  const remove = async (e: CatalogueEntryInfo): Promise<void> => {
    if (!confirm(t('removeConfirm', { code: e.code }))) return;
    try {
      const r = await value(client.catalogue.deleteEntry(ctx.year, e.code, ctx.bureau ?? undefined));
      done({ message: t('entryRemoved', { code: e.code }), reevaluated: r.reevaluated, pending: r.pending });
    } catch (err) {
      setOutcome({ message: errorText(err), error: true });
    }
  };
  const download = (which: 'template' | 'export'): void => {
    const sent =
      which === 'template' ? client.catalogue.template() : client.catalogue.export(ctx.year, ctx.bureau ?? undefined);
    save(sent, `catalogue-${which === 'template' ? 'template' : ctx.year}.xlsx`).catch((err: unknown) =>
      setOutcome({ message: errorText(err), error: true }),
    );
  };
  return (
    <>
      <div class="page-head">
        <h1>{t('catalogueTitle', { year: data.year })}</h1>
        <div class="exports">
          <button type="button" class="catalogue-template" onClick={() => download('template')}>
            {t('catalogueTemplate')}
          </button>
          <button type="button" class="catalogue-export" onClick={() => download('export')}>
            {t('catalogueExport')}
          </button>
        </div>
      </div>
      <ImportBox ctx={ctx} done={done} />
      <OutcomeBox outcome={outcome} />
      {editing ? (
        <EntryForm ctx={ctx} entry={editing === 'new' ? null : editing} close={() => setEditing(null)} done={done} />
      ) : (
        <button type="button" class="add-entry" onClick={() => setEditing('new')}>
          {t('addEntry')}
        </button>
      )}
      {data.entries.length === 0 ? (
        <p class="empty">{t('catalogueEmpty')}</p>
      ) : (
        <table class="data catalogue">
          <thead>
            <tr>
              {(
                [
                  'entryCode',
                  'entryCourse',
                  'entryLevel',
                  'entryCategory',
                  'entryForm',
                  'entryStart',
                  'entryEnd',
                  'entryHours',
                  'entryOrganizer',
                  'entryAttendees',
                  'entrySource',
                ] as const
              ).map((k) => (
                <th>{t(k)}</th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {data.entries.map((e) => (
              <tr data-code={e.code}>
                <td>
                  <Typed text={e.code} />
                </td>
                <td>
                  <Typed text={e.course} />
                </td>
                <td>{e.level}</td>
                <td>{e.category}</td>
                <td>{e.form}</td>
                <td>{e.startDate}</td>
                <td>{e.endDate}</td>
                <td class="num">{e.hours}</td>
                <td>
                  <Typed text={e.organizer ?? ''} />
                </td>
                <td>{e.attendees ? t('listOf', { n: e.attendees }) : t('noList')}</td>
                <td>{e.source ? t(SOURCES[e.source]) : ''}</td>
                <td class="actions">
                  <button type="button" class="link" onClick={() => setEditing(e)}>
                    {t('edit')}
                  </button>
                  <button type="button" class="link danger" onClick={() => void remove(e)}>
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function CataloguePage({ ctx }: { ctx: PageContext }) {
  const load = useLoad(() => value(client.catalogue.list(ctx.year, ctx.bureau ?? undefined)), []);
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'error') return <ErrorBox error={load.error} retry={load.retry} />;
  return <Catalogue ctx={ctx} data={load.value} reload={load.reload} />;
}
