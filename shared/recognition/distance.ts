/**
 * Levenshtein distances for close-name matching. A pattern (the record's folded course) is compared
 * with many candidates, so it is prepared once: up to 32 characters (nearly every course) the
 * bit-parallel algorithm of Myers, in Hyyrö's form for edit distance, costs a few bit operations per
 * character of the candidate; longer patterns use a banded table that stops once the bound is passed.
 */

/** Distance from the prepared pattern to `b`, exact up to `max`; anything farther is max + 1. */
export type DistanceTo = (b: string, max: number) => number;

/**
 * Prepares patterns one after another over one table of character masks (a UTF-16 unit indexes it
 * directly: no map lookup per character), cleared again for the next pattern; `distance` compares
 * the prepared pattern with a candidate. Not reentrant, and nothing is allocated per pattern.
 */
export class PatternTable {
  private readonly peq = new Int32Array(0x10000);
  private readonly chars: number[] = [];
  private pattern = '';

  prepare(a: string): void {
    for (const c of this.chars) this.peq[c] = 0;
    this.chars.length = 0;
    this.pattern = a;
    if (a.length === 0 || a.length > 32) return;
    for (let i = 0; i < a.length; i++) {
      const c = a.charCodeAt(i);
      if (this.peq[c] === 0) this.chars.push(c);
      this.peq[c]! |= 1 << i;
    }
  }

  /** Distance from the prepared pattern to `b`, exact up to `max`; anything farther is max + 1. */
  distance(b: string, max: number): number {
    const m = this.pattern.length;
    if (m === 0 || m > 32) return boundedDistance(this.pattern, b, max);
    if (Math.abs(b.length - m) > max) return max + 1;
    const peq = this.peq;
    const last = 1 << (m - 1);
    let pv = -1;
    let mv = 0;
    let score = m;
    for (let j = 0; j < b.length; j++) {
      const eq = peq[b.charCodeAt(j)]!;
      const xv = eq | mv;
      // The sum may pass 32 bits; the bitwise operators wrap it back modulo 2^32, as the algorithm wants.
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & last) score++;
      else if (mh & last) score--;
      // Row 0 of the table is 0, 1, 2, …: a +1 enters at the bottom of every column.
      ph = (ph << 1) | 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      // The last row can drop by at most one per remaining character of b.
      if (score - (b.length - 1 - j) > max) return max + 1;
    }
    return score > max ? max + 1 : score;
  }
}

/** One pattern on its own table (tests, single comparisons); the recognizer reuses one PatternTable. */
export function distanceFrom(a: string): DistanceTo {
  const table = new PatternTable();
  table.prepare(a);
  return (b, max) => table.distance(b, max);
}

/** Levenshtein distance with a bound, by a table computed only in the band |i - j| ≤ max. */
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
