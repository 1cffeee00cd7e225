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
}
