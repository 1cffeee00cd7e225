/**
 * The bureau's review dashboard: a small client app served at /bureau that reads the worker's
 * /api/v1 with the reviewer's token. Boots, signs in, then renders the page the hash names.
 */
import type { BureauInfo, Me } from '../../shared/api/responses.js';
import { currentYear } from '../../shared/policy/as-of.js';
import { ApiError, getJson, setUnauthorizedHandler } from './api.js';
import type { PageContext } from './context.js';
import { h, replace } from './dom.js';
import { currentLang, setLang, t } from './i18n.js';
import { renderSchool } from './pages/school.js';
import { renderSchools } from './pages/schools.js';
import { renderSignIn } from './pages/sign-in.js';
import { renderSummary } from './pages/summary.js';
import { renderTeachers } from './pages/teachers.js';
import { parseHash, type Route } from './router.js';
import { clearToken, getMe, getToken, setMe } from './session.js';
import { renderShell } from './views/shell.js';
import { errorBox, loading } from './views/state.js';

const root = document.getElementById('app') ?? document.body;
let me: Me | null = null;
/** Admins pick the bureau they look at; reviewers have one. */
let bureaus: BureauInfo[] = [];
let navigation = 0;

function yearOf(route: Route): number {
  const fromHash = Number(route.query.get('year'));
  if (Number.isInteger(fromHash) && fromHash >= 2000 && fromHash <= 2100) return fromHash;
  return currentYear();
}

function render(): void {
  if (!me) return;
  const route = parseHash(location.hash);
  const started = performance.now();
  const id = ++navigation;
  const main = h('main', { id: 'main', 'aria-busy': 'true' });
  const ctx: PageContext = {
    me,
    year: yearOf(route),
    bureau: me.role === 'admin' ? route.query.get('bureau') || sessionStorage.getItem('shixun.bureau') || (bureaus[0]?.id ?? null) : null,
    isCurrent: () => id === navigation,
    ready: () => {
      // Measured after the next frame has been laid out and painted, charts included: "data shown".
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (id !== navigation) return;
          const ms = Math.round(performance.now() - started);
          main.setAttribute('aria-busy', 'false');
          main.dataset.ready = route.page;
          main.dataset.loadMs = String(ms);
          main.dataset.sinceNavigationMs = String(Math.round(performance.now()));
          const timing = document.getElementById('load-ms');
          if (timing) timing.textContent = t('loadMs', { ms });
        }, 0),
      );
    },
  };
  if (ctx.bureau) sessionStorage.setItem('shixun.bureau', ctx.bureau);
  replace(root, renderShell(ctx, route, bureaus, { signOut: () => signOut(), toggleLang }), main);
  main.append(loading());
  switch (route.page) {
    case 'summary':
      return void renderSummary(main, ctx);
    case 'schools':
      return void renderSchools(main, ctx, route.query);
    case 'school':
      return void renderSchool(main, ctx, route.code, route.query);
    case 'teachers':
      return void renderTeachers(main, ctx, route.query);
    case 'policy':
      // The policy page carries zod and every rule's schema: loaded only when it is opened.
      import('./pages/policy.js')
        .then((m) => m.renderPolicy(main, ctx))
        .catch((err: unknown) => {
          if (ctx.isCurrent()) replace(main, errorBox(err, render));
        });
      return;
    case 'not-found':
      replace(main, h('div', { class: 'state error', role: 'alert' }, t('notFound')));
      ctx.ready();
  }
}

function signOut(reason?: string): void {
  clearToken();
  sessionStorage.removeItem('shixun.bureau');
  me = null;
  navigation++;
  showSignIn(reason);
}

function toggleLang(): void {
  setLang(currentLang() === 'zh' ? 'en' : 'zh');
  document.title = t('appTitle');
  if (me) render();
  else showSignIn();
}

function showSignIn(reason?: string): void {
  renderSignIn(root, (who) => void start(who), reason);
  root.prepend(h('div', { class: 'sign-in-lang' }, h('button', { type: 'button', class: 'lang', onclick: toggleLang }, t('language'))));
}

async function start(who: Me): Promise<void> {
  me = who;
  setMe(who);
  if (who.role === 'admin') {
    try {
      bureaus = (await getJson<{ items: BureauInfo[] }>('/admin/bureaus')).items;
    } catch (err) {
      replace(root, errorBox(err, () => void start(who)));
      return;
    }
  }
  render();
}

async function boot(): Promise<void> {
  setLang(currentLang());
  document.title = t('appTitle');
  window.addEventListener('hashchange', render);
  setUnauthorizedHandler(() => signOut(t('sessionExpired')));
  if (!getToken()) return showSignIn();
  const remembered = getMe();
  // A revoked token still fails on the page's first call (401), which signs out like a failed /me would.
  if (remembered) return void start(remembered);
  replace(root, loading());
  try {
    await start(await getJson<Me>('/me'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      clearToken();
      return showSignIn();
    }
    replace(root, errorBox(err, () => void boot()));
  }
}

void boot();
