/**
 * The bureau's review dashboard: a small Preact app served at /bureau that reads the worker's
 * /api/v1 with the reviewer's token. The app's state (who is signed in, the hash route, language,
 * large type) lives in signals; each page loads its data and renders from it.
 */
import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { BureauInfo, Me } from '../../shared/api/responses.js';
import { currentYear } from '../../shared/policy/as-of.js';
import type { PageContext } from './context.js';
import { useLoad } from './hooks.js';
import { currentLang, setLang, t } from './i18n.js';
import { SchoolPage } from './pages/school.js';
import { SchoolsPage } from './pages/schools.js';
import { SignIn } from './pages/sign-in.js';
import { SummaryPage } from './pages/summary.js';
import { TeachersPage } from './pages/teachers.js';
import { CallError, client, setUnauthorizedHandler, value } from './remote.js';
import { parseHash, type Route } from './router.js';
import { clearToken, getMe, getToken, setMe } from './session.js';
import { ErrorBox, Loading } from './ui.js';
import { Shell } from './views/Shell.js';

const LARGE_KEY = 'shixun.large';

const me = signal<Me | null>(null);
/** Admins pick the bureau they look at; reviewers have one. */
const bureaus = signal<BureauInfo[]>([]);
const hash = signal(location.hash);
const lang = signal(currentLang());
const large = signal(localStorage.getItem(LARGE_KEY) === '1');
/** Why the sign-in form is shown (the session ended), or a failed start with its retry. */
const signInReason = signal<string | undefined>(undefined);
const startFailure = signal<{ error: unknown; retry: () => void } | null>(null);
const booting = signal(true);
/** Every navigation, language or type-size change is a new page: late answers of the old one are dropped. */
const navigation = computed(() => `${hash.value}|${lang.value}|${large.value}`);

function yearOf(route: Route): number {
  const fromHash = Number(route.query.get('year'));
  if (Number.isInteger(fromHash) && fromHash >= 2000 && fromHash <= 2100) return fromHash;
  return currentYear();
}

function PolicyLoader({ ctx }: { ctx: PageContext }) {
  // The policy page carries zod and every rule's schema: loaded only when it is opened.
  const load = useLoad(() => import('./pages/policy.js'), []);
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'error') return <ErrorBox error={load.error} retry={load.retry} />;
  return <load.value.PolicyPage ctx={ctx} />;
}

function Page({ route, ctx }: { route: Route; ctx: PageContext }) {
  switch (route.page) {
    case 'summary':
      return <SummaryPage ctx={ctx} />;
    case 'schools':
      return <SchoolsPage ctx={ctx} query={route.query} />;
    case 'school':
      return <SchoolPage ctx={ctx} code={route.code} query={route.query} />;
    case 'teachers':
      return <TeachersPage ctx={ctx} query={route.query} />;
    case 'policy':
      return <PolicyLoader ctx={ctx} />;
    case 'not-found':
      ctx.ready();
      return (
        <div class="state error" role="alert">
          {t('notFound')}
        </div>
      );
  }
}

function Dashboard({ who }: { who: Me }) {
  const key = navigation.value;
  const route = parseHash(hash.value);
  const main = useRef<HTMLElement>(null);
  const started = useRef(0);
  const current = useRef(key);
  current.current = key;
  useLayoutEffect(() => {
    started.current = performance.now();
    main.current?.setAttribute('aria-busy', 'true');
    if (main.current) delete main.current.dataset.ready;
  }, [key]);
  const bureau =
    who.role === 'admin'
      ? route.query.get('bureau') || sessionStorage.getItem('shixun.bureau') || (bureaus.value[0]?.id ?? null)
      : null;
  if (bureau) sessionStorage.setItem('shixun.bureau', bureau);
  const ctx: PageContext = {
    me: who,
    year: yearOf(route),
    bureau,
    isCurrent: () => current.current === key,
    ready: () => {
      // Measured after the next frame has been laid out and painted, charts included: "data shown".
      requestAnimationFrame(() =>
        setTimeout(() => {
          const el = main.current;
          if (current.current !== key || !el) return;
          el.setAttribute('aria-busy', 'false');
          el.dataset.ready = route.page;
          el.dataset.loadMs = String(Math.round(performance.now() - started.current));
          el.dataset.sinceNavigationMs = String(Math.round(performance.now()));
        }, 0),
      );
    },
  };
  return (
    <>
      <Shell
        me={who}
        route={route}
        year={ctx.year}
        bureau={bureau}
        bureaus={bureaus.value}
        largeType={large.value}
        signOut={() => signOut()}
        toggleLang={toggleLang}
        toggleLargeType={toggleLargeType}
      />
      <main id="main" ref={main}>
        <Page key={key} route={route} ctx={ctx} />
      </main>
    </>
  );
}

function App() {
  const who = me.value;
  if (startFailure.value) return <ErrorBox error={startFailure.value.error} retry={startFailure.value.retry} />;
  if (who) return <Dashboard who={who} />;
  if (booting.value) return <Loading />;
  return (
    <SignIn key={lang.value} reason={signInReason.value} onSignedIn={(m) => void start(m)} toggleLang={toggleLang} />
  );
}

function signOut(reason?: string): void {
  clearToken();
  sessionStorage.removeItem('shixun.bureau');
  signInReason.value = reason;
  me.value = null;
}

function toggleLang(): void {
  setLang(currentLang() === 'zh' ? 'en' : 'zh');
  document.title = t('appTitle');
  lang.value = currentLang();
}

/** For a projector: the whole page one type size larger (the charts redraw at the new size). */
function toggleLargeType(): void {
  large.value = !large.value;
  localStorage.setItem(LARGE_KEY, large.value ? '1' : '0');
  document.documentElement.classList.toggle('large', large.value);
}

async function start(who: Me): Promise<void> {
  startFailure.value = null;
  if (who.role === 'admin') {
    try {
      bureaus.value = (await value(client.admin.bureaus.list())).items;
    } catch (error) {
      startFailure.value = { error, retry: () => void start(who) };
      return;
    }
  }
  setMe(who);
  signInReason.value = undefined;
  me.value = who;
}

async function boot(): Promise<void> {
  startFailure.value = null;
  try {
    if (!getToken()) return;
    // A revoked token still fails on the page's first call (401), which signs out like a failed /me would.
    await start(getMe() ?? (await value(client.me())));
  } catch (err) {
    if (err instanceof CallError && err.status === 401) clearToken();
    else startFailure.value = { error: err, retry: () => void boot() };
  } finally {
    booting.value = false;
  }
}

setLang(currentLang());
document.documentElement.classList.toggle('large', large.value);
document.title = t('appTitle');
window.addEventListener('hashchange', () => (hash.value = location.hash));
setUnauthorizedHandler(() => signOut(t('sessionExpired')));
render(<App />, document.getElementById('app') ?? document.body);
void boot();
