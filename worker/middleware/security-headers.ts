/**
 * The security headers of every response the worker sends: the API's, the dashboard's and the task
 * pane's files (wrangler.toml sends every request through the worker, so static files get them
 * too). Each part has its own Content-Security-Policy:
 * - the bureau dashboard (/bureau/): its own scripts, styles and API only, and never in a frame,
 *   so its approve and return buttons cannot be clickjacked;
 * - the task pane and the ribbon's function file (everything else that is a page): framed only by
 *   Office on the web (worldwide and 21Vianet's), scripts from its own origin and the office.js
 *   CDNs, and no connection anywhere but its own origin (an injected script cannot send data out);
 * - the API: nothing at all (a JSON answer opened as a page runs nothing and cannot be framed).
 * nosniff and no referrer everywhere. Which hosts frame the pane: docs/SECURITY.md.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';

/** Where Office loads office.js from: Microsoft's CDN, and 21Vianet's for Office 365 operated in China. */
export const OFFICE_JS_ORIGINS = [
  'https://appsforoffice.microsoft.com',
  'https://appsforoffice.cdn.partner.office365.cn',
] as const;

/**
 * The pages that frame a task pane in Office on the web: the Office frame itself (officeapps.live.com,
 * 21Vianet's partner.officewebapps.cn) and every page above it (SharePoint and OneDrive, office.com,
 * the cloud.microsoft and microsoft365.com portals; 21Vianet's sharepoint.cn and partner.office365.cn).
 * frame-ancestors checks every ancestor, so each level must be listed.
 */
export const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.sharepoint.com',
  'https://onedrive.live.com',
  'https://*.office.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.partner.officewebapps.cn',
  'https://*.sharepoint.cn',
  'https://*.partner.office365.cn',
] as const;

const policy = (directives: Record<string, readonly string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

export const DASHBOARD_CSP = policy({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // The favicon is a data: URL (index.html).
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

export const PANE_CSP = policy({
  'default-src': ["'none'"],
  'script-src': ["'self'", ...OFFICE_JS_ORIGINS],
  // office.js in Office on the web sets inline styles (OfficeDev/office-js#1687); scripts stay strict.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // The validation Web Worker (validation-worker.js).
  'worker-src': ["'self'"],
  // office.js talks to Office through frames of Office's own hosts.
  'frame-src': [...OFFICE_FRAME_ANCESTORS],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': [...OFFICE_FRAME_ANCESTORS],
});

export const API_CSP = policy({
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/** The policy for a path: the dashboard's, the API's, or (every other file the worker serves) the pane's. */
export function cspFor(path: string): string {
  if (path === '/bureau' || path.startsWith('/bureau/')) return DASHBOARD_CSP;
  if (path.startsWith('/api/')) return API_CSP;
  return PANE_CSP;
}

export const securityHeaders = createMiddleware<AppEnv>(async function securityHeaders(c, next) {
  await next();
  const path = new URL(c.req.url).pathname;
  // A static file's response (ASSETS.fetch) has immutable headers: answer with a copy.
  const res = new Response(c.res.body, c.res);
  const h = res.headers;
  h.set('Content-Security-Policy', cspFor(path));
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('Referrer-Policy', 'no-referrer');
  // For browsers that predate frame-ancestors; the pane's several Office hosts cannot be said this way.
  if (cspFor(path) !== PANE_CSP) h.set('X-Frame-Options', 'DENY');
  // Hono's setter would copy the old response's headers over these; cleared first, it takes them as they are.
  c.res = undefined;
  c.res = res;
});
