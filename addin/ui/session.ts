/**
 * Where the clerk's token is kept, and which server addresses may receive it (issue 12).
 * - The token lasts for the session (sessionStorage: gone when the pane or tab closes) unless the
 *   clerk ticks "remember on this computer"; then it is kept in the page's local storage.
 * - A token is sent only over https, or plain http to this computer (localhost, 127.0.0.1, [::1]),
 *   for local testing.
 * The "security" engineer writes the shared modules for both (addin/session/); this file is the
 * pane's side of them until they land, then it re-exports theirs.
 */

export interface SavedToken {
  token: string;
  remembered: boolean;
}

export interface TokenStore {
  load(): SavedToken | null;
  save(token: string, remember: boolean): void;
  clear(): void;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY = 'shixun.token';

/** A store over two storages: `session` for the session only, `local` when remembered. */
export function tokenStore(session: KeyValue | null, local: KeyValue | null): TokenStore {
  return {
    load() {
      const now = session?.getItem(KEY);
      if (now) return { token: now, remembered: false };
      const kept = local?.getItem(KEY);
      return kept ? { token: kept, remembered: true } : null;
    },
    save(token, remember) {
      this.clear();
      (remember ? local : session)?.setItem(KEY, token);
    },
    clear() {
      session?.removeItem(KEY);
      local?.removeItem(KEY);
    },
  };
}

export type ServerAddress = { ok: true; origin: string } | { ok: false; reason: 'invalid' | 'insecure' };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The origin a token may be sent to, or why not: https anywhere, http only to this computer. */
export function checkServerAddress(input: string): ServerAddress {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'invalid' };
  if (url.protocol === 'https:') return { ok: true, origin: url.origin };
  if (url.protocol === 'http:')
    return LOCAL_HOSTS.has(url.hostname) ? { ok: true, origin: url.origin } : { ok: false, reason: 'insecure' };
  return { ok: false, reason: 'invalid' };
}
