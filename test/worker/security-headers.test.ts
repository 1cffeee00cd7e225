/**
 * Every response carries its security headers: the dashboard's strict policy that forbids framing,
 * the pane's that lets only Office on the web frame it, the API's that allows nothing, and nosniff
 * and no-referrer on all of them — answers, errors, static files, refusals alike. The same four
 * pages over real HTTP from `wrangler dev`: test/browser/security-headers.test.ts.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  API_CSP,
  DASHBOARD_CSP,
  OFFICE_FRAME_ANCESTORS,
  OFFICE_JS_ORIGINS,
  PANE_CSP,
} from '../../worker/middleware/security-headers.js';
import { call, seedTenants, TOKENS, testApp } from './helpers.js';

const app = testApp();

/** The policy as directive → values. */
function directives(csp: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

/** The built files when `npm run build` has run, else a stand-in that answers every path with a page. */
const assets: Fetcher =
  env.ASSETS ??
  ({
    fetch: async () =>
      new Response('<!doctype html><title>stand-in</title>', { headers: { 'Content-Type': 'text/html' } }),
  } as unknown as Fetcher);

const get = (path: string, token?: string) =>
  call(app, 'GET', path, { ...(token ? { token } : {}), env: { ASSETS: assets } });

function expectCommon(res: Response, what: string): void {
  expect(res.headers.get('X-Content-Type-Options'), what).toBe('nosniff');
  expect(res.headers.get('Referrer-Policy'), what).toBe('no-referrer');
  expect(res.headers.get('Content-Security-Policy'), what).not.toBeNull();
}

describe('security headers', () => {
  beforeAll(seedTenants);

  it('should send the dashboard a strict policy that no page may frame', async () => {
    for (const path of ['/bureau/', '/bureau/app.js', '/bureau/style.css', '/bureau']) {
      const res = await get(path);
      expectCommon(res, path);
      expect(res.headers.get('Content-Security-Policy'), path).toBe(DASHBOARD_CSP);
      expect(res.headers.get('X-Frame-Options'), path).toBe('DENY');
    }
    const d = directives(DASHBOARD_CSP);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('default-src')).toEqual(["'none'"]);
    for (const name of ['script-src', 'style-src', 'connect-src']) expect(d.get(name), name).toEqual(["'self'"]);
    expect(DASHBOARD_CSP).not.toContain('unsafe');
  });

  it('should let only Office on the web frame the pane and the function file, and keep their connections home', async () => {
    for (const path of [
      '/taskpane.html',
      '/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0',
      '/commands.html',
      '/taskpane.js',
    ]) {
      const res = await get(path);
      expectCommon(res, path);
      expect(res.headers.get('Content-Security-Policy'), path).toBe(PANE_CSP);
      expect(res.headers.get('X-Frame-Options'), path).toBeNull();
    }
    const d = directives(PANE_CSP);
    expect(d.get('frame-ancestors')).toEqual([...OFFICE_FRAME_ANCESTORS]);
    expect(d.get('frame-ancestors')).toEqual(
      expect.arrayContaining(['https://*.officeapps.live.com', 'https://*.partner.officewebapps.cn']),
    );
    expect(d.get('frame-ancestors')).not.toContain("'self'");
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'", ...OFFICE_JS_ORIGINS]);
    expect(OFFICE_JS_ORIGINS).toEqual([
      'https://appsforoffice.microsoft.com',
      'https://appsforoffice.cdn.partner.office365.cn',
    ]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:']);
    expect(d.get('script-src')!.join(' ')).not.toContain('unsafe');
  });

  it('should give every API answer (success, refusal, unknown route) a policy that allows nothing', async () => {
    const answers = [
      ['/api/v1/health', await get('/api/v1/health')],
      ['/api/v1/me (401)', await get('/api/v1/me')],
      ['/api/v1/me', await get('/api/v1/me', TOKENS.clerkA1)],
      ['/api/v1/nowhere (404)', await get('/api/v1/nowhere')],
      ['POST /api/v1/submissions (401)', await call(app, 'POST', '/api/v1/submissions', { body: {} })],
    ] as const;
    expect(answers.map(([, r]) => r.status)).toEqual([200, 401, 200, 404, 401]);
    for (const [what, res] of answers) {
      expectCommon(res, what);
      expect(res.headers.get('Content-Security-Policy'), what).toBe(API_CSP);
      expect(res.headers.get('X-Frame-Options'), what).toBe('DENY');
      expect(res.headers.get('Cache-Control'), what).toBe('no-store');
    }
  });

  it('should serve no source map, whatever the assets hold', async () => {
    for (const path of ['/taskpane.js.map', '/bureau/app.js.map', '/chunks/x.js.map']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expectCommon(res, path);
    }
  });
});
