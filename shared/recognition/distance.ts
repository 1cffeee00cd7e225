/**
 * Levenshtein distance with a bound: the answer is exact up to `max`, and anything farther is
 * reported as max + 1 without filling the whole table (only the band |i - j| ≤ max is computed).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (max === 0) return a === b ? 0 : 1;
  const far = max + 1;
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j <= max ? j : far;
  for (let i = 1; i <= la; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(lb, i + max);
    cur.fill(far);
    cur[0] = i <= max ? i : far;
    let best = cur[0]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j - 1]! + cost, prev[j]! + 1, cur[j - 1]! + 1);
      cur[j] = v > far ? far : v;
      if (v < best) best = v;
    }
    if (best > max) return far;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[lb]!, far);
}
