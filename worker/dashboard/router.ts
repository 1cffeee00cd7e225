/**
 * Hash routes (#/summary, #/schools, #/school/CODE, #/teachers, #/policy, #/catalogue, #/recognition,
 * #/statistics) so that a reload keeps the page and its filters.
 */
export type Route =
  | { page: 'summary'; query: URLSearchParams }
  | { page: 'schools'; query: URLSearchParams }
  | { page: 'school'; code: string; query: URLSearchParams }
  | { page: 'teachers'; query: URLSearchParams }
  | { page: 'policy'; query: URLSearchParams }
  | { page: 'catalogue'; query: URLSearchParams }
  | { page: 'recognition'; query: URLSearchParams }
  | { page: 'statistics'; query: URLSearchParams }
  | { page: 'not-found'; query: URLSearchParams };

export function parseHash(hash: string): Route {
  const [path = '', qs = ''] = hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(qs);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts[0] === 'summary' && parts.length === 1)) return { page: 'summary', query };
  if (parts[0] === 'schools' && parts.length === 1) return { page: 'schools', query };
  if (parts[0] === 'school' && parts.length === 2 && parts[1]) return { page: 'school', code: parts[1], query };
  if (parts[0] === 'teachers' && parts.length === 1) return { page: 'teachers', query };
  if (parts[0] === 'policy' && parts.length === 1) return { page: 'policy', query };
  if (parts[0] === 'catalogue' && parts.length === 1) return { page: 'catalogue', query };
  if (parts[0] === 'recognition' && parts.length === 1) return { page: 'recognition', query };
  if (parts[0] === 'statistics' && parts.length === 1) return { page: 'statistics', query };
  return { page: 'not-found', query };
}

export function href(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

/** Changes the query of the current page without adding a history entry per keystroke. */
export function replaceQuery(query: Record<string, string | number | undefined>): void {
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/summary';
  history.replaceState(null, '', href(path, query));
}
