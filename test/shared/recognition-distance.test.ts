import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedDistance, distanceFrom, PatternTable } from '../../shared/recognition/index.js';

/** The textbook table, for reference. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

const text = (max: number) =>
  fc.string({ unit: fc.constantFrom('语', '文', '数', '学', '培', '训', 'a', 'b', '2'), maxLength: max });

describe('edit distances', () => {
  it('should agree with the textbook table up to the bound, bit-parallel and banded alike', () => {
    fc.assert(
      fc.property(text(40), text(40), fc.integer({ min: 0, max: 8 }), (a, b, max) => {
        const exact = levenshtein(a, b);
        const expected = exact > max ? max + 1 : exact;
        expect(boundedDistance(a, b, max)).toBe(expected);
        expect(distanceFrom(a)(b, max)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('should leave no trace of one pattern in the next on a shared table', () => {
    const table = new PatternTable();
    table.prepare('语文课堂教学');
    table.prepare('数学');
    expect(table.distance('语文', 5)).toBe(2);
    expect(table.distance('数学', 5)).toBe(0);
  });
});
