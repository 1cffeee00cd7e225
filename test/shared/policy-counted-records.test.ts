import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, evaluateCompliance } from '../../shared/policy/index.js';
import { duty, milestone, records, teacher, training } from '../fixtures/policy-records.js';

/** A small roster whose teachers each meet several rules that count records, rows out of order. */
function roster() {
  const a = teacher({ studioRole: '主持人', startDate: '2024-09-01' });
  const b = teacher({ post: '校长', postStartDate: '2020-09-01' });
  const rows = (n: number) => n * 7 + 3;
  return records({
    teachers: [a, b],
    trainings: [
      training(a, '2026-05-10', 20, { row: rows(5) }),
      training(a, '2026-03-10', 20, { row: rows(2), category: '师德师风' }),
      training(b, '2026-04-01', 300, { row: rows(1), category: '校长任职资格' }),
      training(b, '2025-11-01', 40, { row: rows(9) }),
    ],
    duties: [duty(a, '2025-2026-2', { row: 4 }), duty(a, '2026-2027-1', { row: 3 })],
    milestones: [milestone(a, '教学常规入门', '2025-09-01'), milestone(a, '课堂教学过关', '2026-09-01')],
  });
}

describe('evaluateCompliance countedRecords and deadlines', () => {
  const opts = { year: 2026, asOf: '2026-12-31' };

  it('should list each rule line’s counted records in source and row order by default', () => {
    const report = evaluateCompliance(roster(), DEFAULT_POLICY, opts);
    const lines = report.teachers.flatMap((t) => t.rules).filter((r) => r.records);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const refs = line.records!.refs;
      const sorted = [...refs].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      expect(refs).toEqual(sorted);
    }
    // Teacher a's trainings come in rows 38 then 17: the references are in row order.
    const cycle = report.teachers[0]!.rules.find((r) => r.rule === 'cycle_hours')!;
    expect(cycle.records).toEqual({
      sheet: 'trainings',
      refs: [
        [0, 17],
        [0, 38],
      ],
    });
  });

  it('should leave the counted records out when asked, and change nothing else', () => {
    const recs = roster();
    const full = evaluateCompliance(recs, DEFAULT_POLICY, opts);
    const bare = evaluateCompliance(recs, DEFAULT_POLICY, { ...opts, countedRecords: false });
    expect(bare.teachers.flatMap((t) => t.rules).some((r) => 'records' in r)).toBe(false);
    const stripped = {
      ...full,
      teachers: full.teachers.map((t) => ({ ...t, rules: t.rules.map(({ records: _r, ...line }) => line) })),
    };
    expect(JSON.stringify(bare)).toBe(JSON.stringify(stripped));
  });

  it('should leave the deadlines of open rules out when asked, and change nothing else', () => {
    const recs = roster();
    // Before the year's end, rules still open carry the day by which they must be met.
    const early = { year: 2026, asOf: '2026-06-30' };
    const full = evaluateCompliance(recs, DEFAULT_POLICY, early);
    const lines = [...full.teachers.flatMap((t) => t.rules), ...full.school.rules];
    expect(lines.filter((r) => r.deadline !== undefined).length).toBeGreaterThan(0);
    const bare = evaluateCompliance(recs, DEFAULT_POLICY, { ...early, deadlines: false });
    const bareLines = [...bare.teachers.flatMap((t) => t.rules), ...bare.school.rules];
    expect(bareLines.some((r) => 'deadline' in r)).toBe(false);
    const strip = (rules: typeof lines) => rules.map(({ deadline: _d, ...line }) => line);
    const stripped = {
      ...full,
      teachers: full.teachers.map((t) => ({ ...t, rules: strip(t.rules) })),
      school: { ...full.school, rules: strip(full.school.rules) },
    };
    expect(JSON.stringify(bare)).toBe(JSON.stringify(stripped));
  });
});
