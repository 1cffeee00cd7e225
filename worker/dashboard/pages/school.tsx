/**
 * One school: its versions, what changed since the previous one, its teachers page by page (filtered
 * on the server), and the review of the current version.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SchoolVersions, SubmissionSummary } from '../../../shared/api/responses.js';
import { CHANGED_AFTER_APPROVAL_LABEL } from '../../../shared/labels/index.js';
import { type PageContext, scope } from '../context.js';
import { useLoad } from '../hooks.js';
import { currentLang, dateTime, percent, personLabel, t } from '../i18n.js';
import { CallError, client, value } from '../remote.js';
import { href } from '../router.js';
import { ErrorBox, Loading, SubmissionBadge, Typed } from '../ui.js';
import { DiffView } from '../views/DiffView.js';
import { ReviewForm } from '../views/ReviewForm.js';
import { TeacherList } from '../views/TeacherList.js';

/** 通过后有改动: a pending version whose school had an approved one before (archive.md §3). */
function ChangedAfterApproval({ v }: { v: SubmissionSummary }) {
  if (!v.changedAfterApproval) return null;
  return (
    <span class="badge changed-after-approval" title={`v${v.changedAfterApproval.approvedVersion}`}>
      {CHANGED_AFTER_APPROVAL_LABEL[currentLang()]}
    </span>
  );
}

function VersionsTable({
  ctx,
  code,
  versions,
  selected,
}: {
  ctx: PageContext;
  code: string;
  versions: SubmissionSummary[];
  selected: SubmissionSummary;
}) {
  return (
    <table class="data versions">
      <thead>
        <tr>
          <th class="num">{t('version')}</th>
          <th>{t('submittedAt')}</th>
          <th>{t('submittedBy')}</th>
          <th class="num">{t('teachers')}</th>
          <th class="num">{t('passRate')}</th>
          <th>{t('status')}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr
            class={[v.id === selected.id ? 'selected' : '', v.status === 'superseded' ? 'superseded' : '']
              .join(' ')
              .trim()}
            data-version={v.version}
          >
            <td class="num">
              <a
                href={href(`/school/${encodeURIComponent(code)}`, {
                  year: ctx.year,
                  bureau: ctx.bureau ?? undefined,
                  v: v.version,
                })}
              >{`v${v.version}`}</a>
              {v.current ? ' ★' : ''}
            </td>
            <td>{dateTime(v.submittedAt)}</td>
            <td>
              <Typed text={personLabel(v.submittedBy)} />
            </td>
            <td class="num">{v.summary.teachers}</td>
            <td class="num">{percent(v.summary.passRate)}</td>
            <td>
              <SubmissionBadge status={v.status} />
              <ChangedAfterApproval v={v} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Diff({ selected, onLoaded }: { selected: SubmissionSummary; onLoaded: () => void }) {
  const load = useLoad(() => value(client.submissions.diff(selected.id)), [selected.id]);
  useEffect(() => {
    if (load.state !== 'loading') onLoaded();
  }, [load.state]);
  return (
    <section class="card diff">
      <h2>
        {t('diff')}
        {` (v${selected.version})`}
      </h2>
      {load.state === 'loading' ? (
        <Loading />
      ) : load.state === 'error' ? (
        <ErrorBox error={load.error} retry={load.retry} />
      ) : (
        <DiffView diff={load.value} />
      )}
    </section>
  );
}

function School({
  ctx,
  code,
  query,
  school,
  reload,
}: {
  ctx: PageContext;
  code: string;
  query: URLSearchParams;
  school: SchoolVersions;
  reload: () => void;
}) {
  const [shown, setShown] = useState({ diff: false, teachers: false });
  const versions = [...school.versions].sort((a, b) => b.version - a.version);
  const current = versions.find((v) => v.current) ?? versions[0];
  useEffect(() => {
    if (!current || (shown.diff && shown.teachers)) ctx.ready();
  }, [shown, current]);
  const head = (
    <div class="page-head">
      <h1>
        <Typed text={school.school.name} />
        <small>{` ${school.school.code} · ${school.school.type} · ${t(school.school.rural ? 'rural' : 'urban')} · ${school.year}`}</small>
      </h1>
      <SubmissionBadge status={current ? current.status : 'missing'} />
      {current ? <ChangedAfterApproval v={current} /> : null}
    </div>
  );
  if (!current) {
    return (
      <>
        {head}
        <p class="card empty">{t('noSubmission')}</p>
        <a href={href('/schools', { year: ctx.year, bureau: ctx.bureau ?? undefined })}>{t('backToList')}</a>
      </>
    );
  }
  const wanted = Number(query.get('v'));
  const selected = versions.find((v) => v.version === wanted) ?? current;
  return (
    <>
      {head}
      <div class="school-top">
        <section class="card">
          <h2>{t('versions')}</h2>
          <VersionsTable ctx={ctx} code={code} versions={versions} selected={selected} />
        </section>
        <section class="card review">
          <h2>
            {t('review')}
            {` (v${current.version})`}
          </h2>
          <ReviewForm key={`${current.id}-${current.status}`} current={current} onDone={reload} />
        </section>
      </div>
      <Diff selected={selected} onLoaded={() => setShown((s) => ({ ...s, diff: true }))} />
      <TeacherList
        ctx={ctx}
        query={query}
        school={code}
        pageParams={{ v: query.get('v') ?? undefined }}
        onLoaded={() => setShown((s) => ({ ...s, teachers: true }))}
      />
    </>
  );
}

export function SchoolPage({ ctx, code, query }: { ctx: PageContext; code: string; query: URLSearchParams }) {
  const load = useLoad(() => value(client.bureau.school(code, scope(ctx))), [code]);
  useEffect(() => {
    if (load.state === 'error' && load.error instanceof CallError && load.error.status === 404) ctx.ready();
  }, [load.state]);
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'error') {
    if (load.error instanceof CallError && load.error.status === 404) {
      return (
        <div class="state error" role="alert">
          <p>{t('schoolNotFound')}</p>
          <a href={href('/schools', { year: ctx.year })}>{t('backToList')}</a>
        </div>
      );
    }
    return <ErrorBox error={load.error} retry={load.retry} />;
  }
  return <School ctx={ctx} code={code} query={query} school={load.value} reload={load.reload} />;
}
