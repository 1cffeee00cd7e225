/** The top bar: bureau, navigation, year, large type, language and sign-out. */
import type { BureauInfo, Me } from '../../../shared/api/responses.js';
import { currentYear } from '../../../shared/policy/as-of.js';
import { personLabel, type StringKey, t } from '../i18n.js';
import { href, type Route } from '../router.js';
import { Typed } from '../ui.js';

export interface ShellProps {
  me: Me;
  route: Route;
  year: number;
  bureau: string | null;
  bureaus: BureauInfo[];
  largeType: boolean;
  signOut(): void;
  toggleLang(): void;
  /** The projector option: every text and chart one size larger. */
  toggleLargeType(): void;
}

function withQuery(changes: Record<string, string>): string {
  const [path = '/summary', qs = ''] = location.hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(qs);
  for (const [key, value] of Object.entries(changes)) query.set(key, value);
  query.delete('page');
  return `#${path || '/summary'}?${query.toString()}`;
}

export function Shell(p: ShellProps) {
  const thisYear = currentYear();
  const years = [...new Set([thisYear, thisYear - 1, thisYear - 2, thisYear - 3, thisYear - 4, p.year])].sort(
    (a, b) => b - a,
  );
  const nav = (page: 'summary' | 'schools' | 'teachers' | 'policy', key: StringKey) => (
    <a
      href={href(`/${page}`, { year: p.year, bureau: p.bureau ?? undefined })}
      class={p.route.page === page || (page === 'schools' && p.route.page === 'school') ? 'active' : ''}
    >
      {t(key)}
    </a>
  );
  return (
    <header class="top">
      <div class="brand">
        <strong>{t('appTitle')}</strong>
        <span class="who">
          <Typed text={p.me.bureau?.name ?? `${personLabel(p.me.label)} · ${t('admin')}`} />
        </span>
      </div>
      <nav class="main-nav">
        {nav('summary', 'navSummary')}
        {nav('schools', 'navSchools')}
        {nav('teachers', 'navTeachers')}
        {nav('policy', 'navPolicy')}
      </nav>
      <div class="tools">
        {p.me.role === 'admin' ? (
          <select
            id="bureau"
            aria-label={t('bureau')}
            value={p.bureau ?? ''}
            onChange={(e) => (location.hash = withQuery({ bureau: e.currentTarget.value }))}
          >
            {p.bureaus.map((b) => (
              <option value={b.id}>{b.name}</option>
            ))}
          </select>
        ) : null}
        <label for="year">{t('year')}</label>
        <select
          id="year"
          aria-label={t('year')}
          value={String(p.year)}
          onChange={(e) => (location.hash = withQuery({ year: e.currentTarget.value }))}
        >
          {years.map((y) => (
            <option value={String(y)}>{String(y)}</option>
          ))}
        </select>
        <button
          type="button"
          class="large-type"
          aria-pressed={p.largeType ? 'true' : 'false'}
          onClick={p.toggleLargeType}
        >
          {t('largeType')}
        </button>
        <button type="button" class="lang" onClick={p.toggleLang}>
          {t('language')}
        </button>
        <button type="button" class="sign-out" onClick={p.signOut}>
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}
