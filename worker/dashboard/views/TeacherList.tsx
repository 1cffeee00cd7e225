/**
 * A page of teachers with name search and status / rule filters, all answered by the server
 * (GET /bureau/teachers), so no page ever holds a whole district's teachers. The filters live in the
 * hash; the export buttons export exactly the filtered list.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TeacherQuery } from '../../../shared/api/requests.js';
import type { TeacherPage } from '../../../shared/api/responses.js';
import { TEACHER_RULE_IDS } from '../../../shared/labels/index.js';
import { type PageContext, scope } from '../context.js';
import { useLoad } from '../hooks.js';
import { ruleLabel, t } from '../i18n.js';
import { client, value } from '../remote.js';
import { href, replaceQuery } from '../router.js';
import { ErrorBox, ExportButtons, FilterSelect, Loading, Pager, StatusBadge, Typed } from '../ui.js';
import { TeacherDetail } from './TeacherDetail.js';

const PAGE_SIZE = 50;
const STATUSES = ['fail', 'warn', 'pass', 'invalid'] as const;
const DEBOUNCE_MS = 200;

export interface TeacherListProps {
  ctx: PageContext;
  query: URLSearchParams;
  /** One school's teachers; the whole district's when absent (then each row names its school). */
  school?: string;
  /** Hash parameters of the page that are not the list's own (kept when the filters change). */
  pageParams?: Record<string, string | number | undefined>;
  /** Called once the first page is shown (or failed). */
  onLoaded?: () => void;
}

interface Filters {
  q: string;
  status: string;
  rule: string;
  page: number;
}

export function TeacherList({ ctx, query, school, pageParams, onLoaded }: TeacherListProps) {
  const [f, setF] = useState<Filters>(() => ({
    q: query.get('q') ?? '',
    status: query.get('status') ?? '',
    rule: query.get('rule') ?? '',
    page: Math.max(1, Number(query.get('page')) || 1),
  }));
  // The name search waits for a pause in typing; the selects apply at once.
  const [asked, setAsked] = useState(f);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(f), f.q === asked.q ? 0 : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [f]);
  const filters: Omit<TeacherQuery, 'page' | 'pageSize'> = {
    ...scope(ctx),
    ...(school ? { school } : {}),
    ...(asked.q.trim() ? { q: asked.q.trim() } : {}),
    ...(asked.status ? { status: asked.status as TeacherQuery['status'] } : {}),
    ...(asked.rule ? { rule: asked.rule as TeacherQuery['rule'] } : {}),
  };
  const load = useLoad(() => {
    replaceQuery({
      year: ctx.year,
      bureau: ctx.bureau ?? undefined,
      ...pageParams,
      q: asked.q.trim() || undefined,
      status: asked.status || undefined,
      rule: asked.rule || undefined,
      page: asked.page > 1 ? asked.page : undefined,
    });
    return value(client.bureau.teachers({ ...filters, page: asked.page, pageSize: PAGE_SIZE }));
  }, [asked.q, asked.status, asked.rule, asked.page]);
  useEffect(() => {
    if (load.state !== 'loading') onLoaded?.();
  }, [load.state]);
  const change = (patch: Partial<Filters>): void => setF((old) => ({ ...old, page: 1, ...patch }));

  return (
    <section class="card teachers">
      <div class="section-head">
        <h2>{t(school ? 'teacherList' : 'districtTeachers')}</h2>
        <ExportButtons
          label={t('exportTeachers')}
          fetchFile={(format) => client.bureau.exportTeachers(filters, format)}
          fileStem={['teachers', school, ctx.year].filter(Boolean).join('-')}
        />
      </div>
      <div class="filters">
        <label>
          {t('search')}
          <input
            id="t-q"
            type="search"
            value={f.q}
            placeholder={t('searchTeacher')}
            onInput={(e) => change({ q: e.currentTarget.value })}
          />
        </label>
        <FilterSelect
          id="t-status"
          label={t('status')}
          value={f.status}
          none={t('all')}
          options={STATUSES.map((s) => [s, t(s)] as const)}
          onChange={(status) => change({ status })}
        />
        <FilterSelect
          id="t-rule"
          label={t('rule')}
          value={f.rule}
          none={t('anyRule')}
          options={TEACHER_RULE_IDS.map((r) => [r, ruleLabel(r)] as const)}
          onChange={(rule) => change({ rule })}
        />
      </div>
      <div class="table-box">
        {load.state === 'loading' ? (
          <Loading />
        ) : load.state === 'error' ? (
          <ErrorBox error={load.error} retry={load.retry} />
        ) : (
          <>
            <TeachersTable ctx={ctx} page={load.value} withSchool={school === undefined} />
            <Pager
              page={load.value.page}
              pageSize={load.value.pageSize}
              total={load.value.total}
              go={(p) => setF((old) => ({ ...old, page: p }))}
            />
          </>
        )}
      </div>
    </section>
  );
}

type Teacher = TeacherPage['items'][number];

function TeachersTable({ ctx, page, withSchool }: { ctx: PageContext; page: TeacherPage; withSchool: boolean }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  if (page.items.length === 0) return <p class="empty">{t('noData')}</p>;
  const keyOf = (r: Teacher): string => `${r.schoolCode}/${r.row}`;
  const toggle = (key: string): void =>
    setOpen((old) => {
      const next = new Set(old);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const columns = withSchool ? 10 : 9;
  return (
    <table class="data teachers">
      <thead>
        <tr>
          {withSchool ? <th>{t('schools')}</th> : null}
          <th class="num">#</th>
          <th>{t('name')}</th>
          <th>{t('idMasked')}</th>
          <th>{t('subject')}</th>
          <th>{t('titleCol')}</th>
          <th>{t('roleCol')}</th>
          <th class="num">{t('hours')}</th>
          <th>{t('status')}</th>
          <th>{t('unmetRules')}</th>
        </tr>
      </thead>
      <tbody>
        {page.items.map((r) => {
          const key = keyOf(r);
          const expanded = open.has(key);
          return (
            <>
              <tr data-row={r.row} data-school={r.schoolCode} class={expanded ? 'open' : ''}>
                {withSchool ? (
                  <td>
                    <a
                      href={href(`/school/${encodeURIComponent(r.schoolCode)}`, {
                        year: ctx.year,
                        bureau: ctx.bureau ?? undefined,
                      })}
                    >
                      <Typed text={r.schoolName} />
                    </a>
                  </td>
                ) : null}
                <td class="num">{r.row}</td>
                <td class="name">
                  <button
                    type="button"
                    class="link teacher-open"
                    aria-expanded={expanded ? 'true' : 'false'}
                    onClick={() => toggle(key)}
                  >
                    <Typed text={r.name} />
                  </button>
                </td>
                <td class="mono">{r.idMasked}</td>
                <td>{[r.stage, r.subject].filter(Boolean).join(' · ')}</td>
                <td>{r.title}</td>
                <td>
                  {[r.studioRole !== '无' ? r.studioRole : '', r.backboneLevel ?? ''].filter(Boolean).join(' · ') ||
                    '—'}
                </td>
                <td class="num">{r.hours}</td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td class="rules">
                  {r.unmetRules.map((rule) => {
                    const detail = r.rules.find((x) => x.rule === rule);
                    return (
                      <span class={`chip st-${detail?.status ?? 'fail'}`} title={detail?.message ?? ''}>
                        {ruleLabel(rule)}
                      </span>
                    );
                  })}
                </td>
              </tr>
              {expanded ? (
                <tr class="teacher-detail">
                  <td colSpan={columns}>
                    <TeacherDetail ctx={ctx} school={r.schoolCode} row={r.row} />
                  </td>
                </tr>
              ) : null}
            </>
          );
        })}
      </tbody>
    </table>
  );
}
