import { describe, expect, it } from 'vitest';
import { a1, columnLetter, decodeWorkbook, encodeWorkbook, parseA1 } from '../../shared/grid.js';

describe('grid', () => {
  it('should convert between column indexes and letters past Z', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(a1(6, 1)).toBe('B7');
    expect(parseA1('AA10')).toEqual({ row: 9, col: 26 });
  });

  it('should keep dates and error values through the JSON encoding', () => {
    const grid = {
      sheets: [
        { name: '教师名册', rows: [['张三', 3.5, true, null, new Date('2026-09-01T00:00:00Z'), { error: '#N/A' }]] },
      ],
    };
    const back = decodeWorkbook(JSON.parse(JSON.stringify(encodeWorkbook(grid))));
    expect(back).toEqual(grid);
  });
});
