/**
 * The recognition queue (archive.md §2): the district's unmatched and not-on-list records grouped by
 * course, level and dates, each group with its schools and teachers, and one decision per group —
 * add it to the catalogue with its hours, link it to an entry, or reject it with a reason — that
 * settles it for every school.
 */
import { useEffect, useState } from 'preact/hooks';
import type {
  CatalogueEntryInfo,
  QueueGroup,
  RecognitionDecisionRequest,
  RecognitionQueue,
  ReevaluatedSubmission,
} from '../../../shared/api/catalogue.js';
import { RECOGNITION_DECISION_LABELS, RECOGNITION_STATUS_LABELS } from '../../../shared/labels/index.js';
import type { PageContext } from '../context.js';
import { useLoad } from '../hooks.js';
import { currentLang, dateTime, personLabel, type StringKey, t } from '../i18n.js';
import { client, value } from '../remote.js';
import { href } from '../router.js';
import { ErrorBox, errorText, Loading, Typed } from '../ui.js';
import { Reevaluated } from '../views/Reevaluated.js';

const STATES: readonly { state: RecognitionQueue['state']; key: StringKey }[] = [
  { state: 'pending', key: 'queueStatePending' },
  { state: 'rejected', key: 'queueStateRejected' },
  { state: 'all', key: 'queueStateAll' },
];

type Action = RecognitionDecisionRequest['action'];

const GROUPS_PER_PAGE = 30;

interface Done {
  message: string;
  reevaluated: ReevaluatedSubmission[];
  pending: number;
}

function DecisionForm({
  ctx,
  group,
  entries,
  decided,
}: {
  ctx: PageContext;
  group: QueueGroup;
  entries: CatalogueEntryInfo[];
  decided: (d: Done) => void;
}) {
  const suggested = group.entry ?? group.likely;
  const [action, setAction] = useState<Action>(group.status === 'not_on_list' ? 'link' : suggested ? 'link' : 'add');
  const [hours, setHours] = useState(String(suggested?.hours ?? group.hours.max));
  const [code, setCode] = useState('');
  const [linkTo, setLinkTo] = useState(suggested?.code ?? entries[0]?.code ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    let body: RecognitionDecisionRequest;
    if (action === 'add') {
      const h = Number(hours);
      if (!(h > 0) || Math.round(h * 2) !== h * 2) return setError(t('decisionNeedsHours'));
      body = { action, group: group.group, hours: h, ...(code.trim() ? { code: code.trim() } : {}) };
    } else if (action === 'link') {
      body = { action, group: group.group, code: linkTo };
    } else {
      if (!reason.trim()) return setError(t('decisionNeedsReason'));
      body = { action, group: group.group, reason: reason.trim() };
    }
    setBusy(true);
    setError('');
    try {
      const r = await value(client.recognition.decide(ctx.year, body, ctx.bureau ?? undefined));
      decided({ message: t('decisionDone', { course: group.course }), reevaluated: r.reevaluated, pending: r.pending });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const lang = currentLang();
  return (
    <form class="decision" onSubmit={(e) => void submit(e)}>
      <fieldset>
        {(['add', 'link', 'reject'] as const).map((a) => (
          <label class="choice">
            <input
              type="radio"
              name={`action-${group.group}`}
              value={a}
              checked={action === a}
              disabled={a === 'link' && entries.length === 0}
              onChange={() => setAction(a)}
            />
            {RECOGNITION_DECISION_LABELS[a][lang]}
          </label>
        ))}
      </fieldset>
      {action === 'add' ? (
        <>
          <label>
            {t('decisionHours')}
            <input
              type="number"
              name="hours"
              min="0.5"
              step="0.5"
              value={hours}
              onInput={(e) => setHours(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('decisionCode')}
            <input name="code" value={code} onInput={(e) => setCode(e.currentTarget.value)} />
          </label>
        </>
      ) : null}
      {action === 'link' ? (
        <label>
          {t('decisionLinkTo')}
          <select name="link" value={linkTo} onChange={(e) => setLinkTo(e.currentTarget.value)}>
            {entries.map((en) => (
              <option value={en.code}>{`${en.code} ${en.course}（${en.hours}）`}</option>
            ))}
          </select>
        </label>
      ) : null}
      {action === 'reject' ? (
        <label>
          {t('decisionReason')}
          <textarea name="reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
      ) : null}
      <button type="submit" class="decide" disabled={busy}>
        {t('decide')}
      </button>
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function GroupCard({
  ctx,
  group,
  entries,
  decided,
}: {
  ctx: PageContext;
  group: QueueGroup;
  entries: CatalogueEntryInfo[];
  decided: (d: Done) => void;
}) {
  const lang = currentLang();
  const ref = (key: 'queueEntry' | 'queueLikely', e: QueueGroup['entry']) =>
    e ? <p class="ref">{t(key, { code: e.code, course: e.course, hours: e.hours })}</p> : null;
  return (
    <section class="card queue-group" data-group={group.group}>
      <h2>
        <Typed text={group.course} />{' '}
        <span class={`badge rec-${group.status}`}>{RECOGNITION_STATUS_LABELS[group.status][lang]}</span>
      </h2>
      <p class="facts">
        {`${group.level} · ${group.startDate} – ${group.endDate} · `}
        <span data-field="teachers">{t('queueTeachers', { t: group.teachers, r: group.records })}</span>
        {` · ${t('queueHours', { min: group.hours.min, max: group.hours.max })}`}
      </p>
      {group.spellings.length > 0 ? (
        <p class="spellings">
          {t('queueSpellings')}
          <Typed text={group.spellings.join('、')} />
        </p>
      ) : null}
      {ref('queueEntry', group.entry)}
      {ref('queueLikely', group.likely)}
      <ul class="schools">
        {group.schools.map((s) => (
          <li data-school={s.code}>
            <a
              href={href(`/school/${encodeURIComponent(s.code)}`, { year: ctx.year, bureau: ctx.bureau ?? undefined })}
            >
              <Typed text={s.name} />
            </a>
            {` ${t('queueTeachers', { t: s.teachers, r: s.records })}`}
          </li>
        ))}
      </ul>
      {group.rejection ? (
        <p class="rejection">
          {t('queueRejected', {
            reason: group.rejection.reason,
            by: personLabel(group.rejection.decidedBy),
            at: dateTime(group.rejection.decidedAt),
          })}
        </p>
      ) : null}
      <DecisionForm ctx={ctx} group={group} entries={entries} decided={decided} />
    </section>
  );
}

function Queue({
  ctx,
  data,
  entries,
  reload,
}: {
  ctx: PageContext;
  data: RecognitionQueue;
  entries: CatalogueEntryInfo[];
  reload: () => void;
}) {
  useEffect(() => ctx.ready(), [data]);
  const [done, setDone] = useState<Done | null>(null);
  // A messy district can have hundreds of one-teacher groups: the largest come first, a page at a time.
  const [shown, setShown] = useState(GROUPS_PER_PAGE);
  const decided = (d: Done): void => {
    setDone(d);
    reload();
  };
  return (
    <>
      <div class="page-head">
        <h1>{t('queueTitle', { year: data.year })}</h1>
        <nav class="queue-states">
          {STATES.map((s) => (
            <a
              href={href('/recognition', { year: ctx.year, bureau: ctx.bureau ?? undefined, state: s.state })}
              class={data.state === s.state ? 'active' : ''}
            >
              {t(s.key)}
            </a>
          ))}
        </nav>
      </div>
      <p class="note">{t('queueHint')}</p>
      {done ? (
        <div class="card outcome" role="status">
          <p class="outcome-message">{done.message}</p>
          <Reevaluated items={done.reevaluated} pending={done.pending} />
        </div>
      ) : null}
      {data.groups.length === 0 ? <p class="empty">{t('queueEmpty')}</p> : null}
      {data.groups.slice(0, shown).map((g) => (
        <GroupCard key={g.group} ctx={ctx} group={g} entries={entries} decided={decided} />
      ))}
      {data.groups.length > shown ? (
        <button type="button" class="link more-groups" onClick={() => setShown(shown + GROUPS_PER_PAGE)}>
          {t('queueMore', { n: Math.min(GROUPS_PER_PAGE, data.groups.length - shown), total: data.groups.length })}
        </button>
      ) : null}
    </>
  );
}

export function QueuePage({ ctx, query }: { ctx: PageContext; query: URLSearchParams }) {
  const state = (['pending', 'rejected', 'all'] as const).find((s) => s === query.get('state')) ?? 'pending';
  const bureau = ctx.bureau ?? undefined;
  const load = useLoad(async () => {
    const [queue, catalogue] = await Promise.all([
      value(client.recognition.queue(ctx.year, { state, ...(bureau ? { bureau } : {}) })),
      value(client.catalogue.list(ctx.year, bureau)),
    ]);
    return { queue, entries: catalogue.entries };
  }, []);
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'error') return <ErrorBox error={load.error} retry={load.retry} />;
  return <Queue ctx={ctx} data={load.value.queue} entries={load.value.entries} reload={load.reload} />;
}
