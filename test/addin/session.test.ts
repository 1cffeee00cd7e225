import { describe, expect, it } from 'vitest';
import { checkServerAddress, serverAddressMessage } from '../../addin/session/server-address.js';
import { createTokenStore, type KeyValueStore } from '../../addin/session/token-store.js';

/** A Web Storage stand-in that shows what it holds. */
function memory(): KeyValueStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (k) => entries.get(k) ?? null,
    setItem: (k, v) => void entries.set(k, v),
    removeItem: (k) => void entries.delete(k),
  };
}

const ORIGIN = 'https://shixun.example.cn';

describe('checkServerAddress', () => {
  it('should accept an https origin, with or without the scheme, and name its host', () => {
    expect(checkServerAddress(' https://Shixun.Example.cn/ ')).toEqual({
      ok: true,
      origin: ORIGIN,
      name: 'shixun.example.cn',
      local: false,
    });
    expect(checkServerAddress('shixun.example.cn')).toEqual({
      ok: true,
      origin: ORIGIN,
      name: 'shixun.example.cn',
      local: false,
    });
    expect(checkServerAddress('https://shixun.example.cn:8443')).toMatchObject({
      ok: true,
      origin: `${ORIGIN}:8443`,
      name: 'shixun.example.cn:8443',
    });
  });

  it('should accept plain http only on this computer', () => {
    expect(checkServerAddress('http://localhost:8787')).toEqual({
      ok: true,
      origin: 'http://localhost:8787',
      name: 'localhost:8787',
      local: true,
    });
    expect(checkServerAddress('http://127.0.0.1:8787')).toMatchObject({ ok: true, local: true });
    for (const a of [
      'http://shixun.example.cn',
      'http://192.168.1.20:8787',
      'http://localhost.example.cn',
      'http://127.0.0.1.nip.io',
    ]) {
      expect(checkServerAddress(a), a).toEqual({ ok: false, problem: 'server.insecure' });
    }
  });

  it('should refuse what could hide where the token goes', () => {
    expect(checkServerAddress('https://shixun.example.cn@evil.example')).toEqual({
      ok: false,
      problem: 'server.credentials',
    });
    expect(checkServerAddress('https://u:p@shixun.example.cn')).toEqual({ ok: false, problem: 'server.credentials' });
    for (const a of [
      'https://evil.example/shixun.example.cn',
      'https://shixun.example.cn/?next=x',
      'https://shixun.example.cn/#x',
      'https://shixun.example.cn?',
    ]) {
      expect(checkServerAddress(a), a).toEqual({ ok: false, problem: 'server.not_origin' });
    }
    for (const a of [
      'javascript:alert(1)',
      'ftp://shixun.example.cn',
      'file:///etc/passwd',
      'https://',
      'https://exa mple.cn',
    ]) {
      expect(checkServerAddress(a), a).toEqual({ ok: false, problem: 'server.invalid' });
    }
    expect(checkServerAddress('   ')).toEqual({ ok: false, problem: 'server.empty' });
  });

  it('should show an international name as punycode, so a look-alike of the real host is visible', () => {
    const a = checkServerAddress('https://教育局.example.cn');
    expect(a.ok && a.name).toMatch(/^xn--[a-z0-9-]+\.example\.cn$/);
  });

  it('should say where the token goes before it is sent, and why an address is refused', () => {
    expect(serverAddressMessage(checkServerAddress(ORIGIN), 'zh')).toContain('将把访问令牌发送到 shixun.example.cn');
    expect(serverAddressMessage(checkServerAddress('http://localhost:8787'), 'en')).toContain(
      'localhost:8787 on this computer',
    );
    expect(serverAddressMessage(checkServerAddress('http://example.cn'), 'zh')).toContain('只接受 https://');
  });
});

describe('createTokenStore', () => {
  it('should keep the token for the session only, unless the clerk asks to be remembered', () => {
    const session = memory();
    const local = memory();
    const store = createTokenStore({ session, local });
    store.save(ORIGIN, 'sxc_a', { remember: false, expiresAt: null });
    expect(store.load(ORIGIN)).toEqual({ token: 'sxc_a', remembered: false });
    expect(local.entries.size).toBe(0);
    // A new session (the pane closed): nothing is left.
    expect(createTokenStore({ session: memory(), local }).load(ORIGIN)).toBeNull();
  });

  it("should remember under Office's partition key where there is one", () => {
    const local = memory();
    createTokenStore({ session: memory(), local, partitionKey: 'pk-123' }).save(ORIGIN, 'sxc_b', {
      remember: true,
      expiresAt: null,
    });
    expect([...local.entries.keys()]).toEqual([`pk-123shixun.token:${ORIGIN}`]);
    expect(createTokenStore({ session: memory(), local, partitionKey: 'pk-123' }).load(ORIGIN)).toEqual({
      token: 'sxc_b',
      remembered: true,
    });
    // Another partition (another context of the same origin) does not see it.
    expect(createTokenStore({ session: memory(), local, partitionKey: 'pk-999' }).load(ORIGIN)).toBeNull();
    expect(createTokenStore({ session: memory(), local }).load(ORIGIN)).toBeNull();
  });

  it('should drop a remembered token once it has expired', () => {
    const local = memory();
    const at = (iso: string) => () => new Date(iso);
    createTokenStore({ session: memory(), local, now: at('2026-03-01T00:00:00Z') }).save(ORIGIN, 'sxc_c', {
      remember: true,
      expiresAt: '2026-08-31T16:00:00.000Z',
    });
    expect(createTokenStore({ session: memory(), local, now: at('2026-08-31T15:00:00Z') }).load(ORIGIN)?.token).toBe(
      'sxc_c',
    );
    expect(createTokenStore({ session: memory(), local, now: at('2026-08-31T16:00:00Z') }).load(ORIGIN)).toBeNull();
    expect(local.entries.size).toBe(0);
  });

  it('should never offer one server the token of another, and forget both copies on sign-out', () => {
    const session = memory();
    const local = memory();
    const store = createTokenStore({ session, local });
    store.save(ORIGIN, 'sxc_d', { remember: true, expiresAt: null });
    expect(store.load('https://evil.example')).toBeNull();
    store.forget(ORIGIN);
    expect(store.load(ORIGIN)).toBeNull();
    expect(session.entries.size + local.entries.size).toBe(0);
  });

  it('should stop remembering when the clerk unticks the box, and ignore a remembered value it did not write', () => {
    const local = memory();
    const store = createTokenStore({ session: memory(), local });
    store.save(ORIGIN, 'sxc_e', { remember: true, expiresAt: null });
    store.save(ORIGIN, 'sxc_e', { remember: false, expiresAt: null });
    expect(local.entries.size).toBe(0);
    local.setItem(`shixun.token:${ORIGIN}`, 'sxc_plain_old');
    expect(createTokenStore({ session: memory(), local }).load(ORIGIN)).toBeNull();
    expect(local.entries.size).toBe(0);
  });
});
