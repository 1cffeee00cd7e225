import { describe, expect, it } from 'vitest';
import { writeJson } from '../../scripts/cli/json-out.js';

function written(doc: Record<string, unknown>): { text: string; pieces: number } {
  let text = '';
  let pieces = 0;
  writeJson(doc, (t) => {
    text += t;
    pieces += 1;
  });
  return { text, pieces };
}

const stringify = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

describe('writeJson', () => {
  it('should write exactly what JSON.stringify with two spaces writes, for every kind of member', () => {
    const docs: Record<string, unknown>[] = [
      {},
      { ok: true },
      { a: [], b: {}, c: null, d: 0, e: '' },
      { skipped: undefined, f: () => 1, kept: 1 },
      { list: [1, undefined, () => 2, 'x', null, [], {}, [[1, [2]]]] },
      { text: 'line\nbreak "quoted" \\ tab\t 中文 \u2028 \u0001', nested: { deep: { deeper: ['a\nb'] } } },
      {
        teachers: [
          { row: 2, rules: [{ rule: 'x', message: '区级及以上培训 28 学时\n' }] },
          { row: 3, rules: [] },
        ],
      },
      { date: new Date(0), items: [new Date(1), { toJSON: () => 'mine' }] },
    ];
    for (const doc of docs) expect(written(doc).text).toBe(stringify(doc));
  });

  it('should write a large document in pieces that together are the same text', () => {
    const doc = {
      ok: false,
      findings: Array.from({ length: 20_000 }, (_, i) => ({ row: i, message: `第 ${i} 行：姓名不能为空。` })),
      teachers: Array.from({ length: 5_000 }, (_, i) => ({ row: i, rules: [{ status: 'pass', actual: i / 2 }] })),
      school: { rules: [], summary: { teachers: 5_000 } },
    };
    const { text, pieces } = written(doc);
    expect(pieces).toBeGreaterThan(1);
    expect(text).toBe(stringify(doc));
  });
});
