import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATHS, chromiumPath, ensurePlan, findChromium, type Probe } from '../../scripts/chromium.js';

const probe = (env: Record<string, string>, present: string[]): Probe => ({
  env,
  executable: (p) => present.includes(p),
});

describe('findChromium', () => {
  it('should take SHIXUN_CHROMIUM first, then the usual paths in order', () => {
    expect(findChromium(probe({ SHIXUN_CHROMIUM: '/opt/c/chrome' }, ['/opt/c/chrome', '/usr/bin/chromium']))).toEqual({
      ok: true,
      path: '/opt/c/chrome',
    });
    expect(findChromium(probe({}, ['/usr/bin/google-chrome', '/usr/bin/chromium-browser']))).toEqual({
      ok: true,
      path: '/usr/bin/chromium-browser',
    });
    expect(findChromium(probe({}, [CHROMIUM_PATHS[0]]))).toEqual({ ok: true, path: '/usr/bin/chromium' });
  });

  it('should not fall back to another browser when SHIXUN_CHROMIUM names a missing one', () => {
    const found = findChromium(probe({ SHIXUN_CHROMIUM: '/nowhere/chromium' }, ['/usr/bin/chromium']));
    expect(found).toEqual({ ok: false, reason: 'SHIXUN_CHROMIUM=/nowhere/chromium is not an executable file' });
  });

  it('should say in one line how to install it when there is none', () => {
    const message = (() => {
      try {
        return chromiumPath(probe({}, []));
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^Chromium not found .*apt-get install -y chromium.*SHIXUN_CHROMIUM/);
  });
});

describe('ensurePlan', () => {
  const missing = { ok: false as const, reason: 'none' };

  it('should use a browser that is there, whatever the machine', () => {
    expect(
      ensurePlan({ ok: true, path: '/usr/bin/chromium' }, { root: false, aptGet: false, explicit: false }),
    ).toEqual({
      action: 'use',
      path: '/usr/bin/chromium',
    });
  });

  it('should install only as root with apt-get, and stop otherwise', () => {
    expect(ensurePlan(missing, { root: true, aptGet: true, explicit: false })).toEqual({ action: 'install' });
    expect(ensurePlan(missing, { root: false, aptGet: true, explicit: false })).toMatchObject({ action: 'stop' });
    expect(ensurePlan(missing, { root: true, aptGet: false, explicit: false })).toMatchObject({ action: 'stop' });
  });

  it('should not install a package to make up for a wrong SHIXUN_CHROMIUM', () => {
    expect(ensurePlan(missing, { root: true, aptGet: true, explicit: true })).toMatchObject({ action: 'stop' });
  });
});
