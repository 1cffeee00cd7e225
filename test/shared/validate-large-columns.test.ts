import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../shared/validate/index.js';
import { teacher, training, workbook, YEAR } from '../fixtures/grid-builder.js';

describe('validateWorkbook on a long sheet whose columns mostly differ', () => {
  // The validator stops caching a column's checks once it sees its values rarely repeat; every
  // cell must still get its own finding or fix, before that point and after it.
  it('should report every cell deep in the sheet as it reports the first ones', () => {
    const t0 = teacher(0);
    const rows = Array.from({ length: 6_000 }, (_, i) =>
      training(t0, {
        // Distinct for the first 4,000 rows; then one value again and again: a course too long to
        // be one (an error) on odd rows, a certificate number with spaces around it (a trim) on even ones.
        course: i >= 4_000 && i % 2 === 1 ? '课'.repeat(101) : `课程${i}`,
        certificate: i < 4_000 ? `ZS${i}` : ' ZS-REPEATED ',
        hours: i % 3 === 0 ? '１２' : 12,
      }),
    );
    const r = validateWorkbook(workbook({ teachers: [t0], trainings: rows }), { year: YEAR });
    const trims = r.fixes.filter((f) => f.column === 'certificate' && f.code === 'fix.trim');
    expect(trims).toHaveLength(2_000);
    expect(trims.at(-1)).toMatchObject({ row: 6_001, from: ' ZS-REPEATED ', to: 'ZS-REPEATED' });
    const tooLong = r.findings.filter((f) => f.column === 'course' && f.code === 'text.invalid');
    expect(tooLong).toHaveLength(1_000);
    expect(r.fixes.filter((f) => f.column === 'hours')).toHaveLength(2_000);
    expect(r.records.trainings).toHaveLength(5_000);
    expect(r.records.trainings.at(-1)).toMatchObject({ certificate: 'ZS-REPEATED', hours: 12 });
  });
});
