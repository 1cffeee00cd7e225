/**
 * Where the pane keeps the clerk's token. By default only for this session (sessionStorage: it goes
 * when the pane or the browser closes). When the clerk ticks "remember on this computer", in
 * localStorage under Office's partition key where Office gives one (Office on the web: then no
 * other page of this origin in another context reads it — Microsoft's "persist add-in state"
 * guidance), plainly in localStorage elsewhere (desktop Office's webview, a plain browser). A
 * remembered token is kept with its expiry and dropped once that has passed. Tokens are kept per
 * server origin, so a token is never offered to another server. Pure: the storages are given.
 */

/** The part of the Web Storage API this needs (window.sessionStorage and window.localStorage have it). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface TokenStoreOptions {
  /** window.sessionStorage, or null where storage is blocked (then nothing is kept for the session). */
  session: KeyValueStore | null;
  local: KeyValueStore | null;
  /** Office.context.partitionKey: a string in Office on the web, undefined where storage is not partitioned. */
  partitionKey?: string | null;
  now?: () => Date;
}

export interface SavedToken {
  token: string;
  /** Whether it was kept beyond this session ("remember on this computer"). */
  remembered: boolean;
}

export interface TokenStore {
  /** The token kept for this server, or null (none, or a remembered one that has expired). */
  load(origin: string): SavedToken | null;
  /** Keeps the token for the session, and beyond it only when `remember`; forgetting the other copy. */
  save(origin: string, token: string, opts: { remember: boolean; expiresAt: string | null }): void;
  /** Signs out of this server: both copies go. */
  forget(origin: string): void;
}

const PREFIX = 'shixun.token:';

interface Remembered {
  token: string;
  expiresAt: string | null;
}

export function createTokenStore(opts: TokenStoreOptions): TokenStore {
  const now = opts.now ?? (() => new Date());
  const sessionKey = (origin: string) => `${PREFIX}${origin}`;
  const localKey = (origin: string) => `${opts.partitionKey ?? ''}${PREFIX}${origin}`;

  const readRemembered = (origin: string): Remembered | null => {
    const text = opts.local?.getItem(localKey(origin)) ?? null;
    if (text === null) return null;
    let value: Partial<Remembered> | null;
    try {
      value = JSON.parse(text) as Partial<Remembered> | null;
    } catch {
      // Not what save() writes (an old version's plain token, a hand edit): not a token to send.
      value = null;
    }
    const expired = typeof value?.expiresAt === 'string' && Date.parse(value.expiresAt) <= now().getTime();
    if (typeof value?.token !== 'string' || value.token === '' || expired) {
      opts.local?.removeItem(localKey(origin));
      return null;
    }
    return { token: value.token, expiresAt: value.expiresAt ?? null };
  };

  return {
    load(origin) {
      const session = opts.session?.getItem(sessionKey(origin)) ?? null;
      const remembered = readRemembered(origin);
      if (remembered) return { token: remembered.token, remembered: true };
      return session ? { token: session, remembered: false } : null;
    },
    save(origin, token, { remember, expiresAt }) {
      opts.session?.setItem(sessionKey(origin), token);
      if (remember && opts.local) {
        const value: Remembered = { token, expiresAt };
        opts.local.setItem(localKey(origin), JSON.stringify(value));
      } else opts.local?.removeItem(localKey(origin));
    },
    forget(origin) {
      opts.session?.removeItem(sessionKey(origin));
      opts.local?.removeItem(localKey(origin));
    },
  };
}
