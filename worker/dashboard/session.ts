import type { Me } from '../../shared/api/responses.js';

/** The reviewer's token lives in sessionStorage: it survives a reload but not the closing of the browser. */
const TOKEN_KEY = 'shixun.token';

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(ME_KEY);
}

const ME_KEY = 'shixun.me';

/** Who the token belongs to, remembered so that a reload does not wait for GET /me before the page's own data. */
export function getMe(): Me | null {
  const text = sessionStorage.getItem(ME_KEY);
  return text ? (JSON.parse(text) as Me) : null;
}

export function setMe(me: Me): void {
  sessionStorage.setItem(ME_KEY, JSON.stringify(me));
}
