/** Checks between the cells of one row, run right after the row's cells are read. */
import { idBirthDate, idGender } from '../id-number.js';
import type { RowHook } from './table-sheet.js';
import { reportValue } from './collector.js';

/** 性别 and 出生日期 against the ID number (year and month only when a year-month was given). */
export const teacherRowHook: RowHook = (ctx, plan, r, values) => {
  const id = values.idNumber;
  if (typeof id !== 'string') return false;
  let bad = false;
  const gender = values.gender;
  const gp = plan.get('gender');
  if (gp && typeof gender === 'string') {
    const expected = idGender(id);
    if (gender !== expected) {
      ctx.collector.add('consistency.gender_id', ctx.place, r, gp.index, 'gender', reportValue(ctx.sheet.rows[r]?.[gp.index]), { value: gender, expected });
      bad = true;
    }
  }
  const birth = values.birthDate;
  const bp = plan.get('birthDate');
  if (bp && typeof birth === 'string') {
    const full = idBirthDate(id) ?? '';
    const expected = birth.length === 7 ? full.slice(0, 7) : full;
    if (birth !== expected) {
      ctx.collector.add('consistency.birthdate_id', ctx.place, r, bp.index, 'birthDate', reportValue(ctx.sheet.rows[r]?.[bp.index]), { value: birth, expected });
      bad = true;
    }
  }
  return bad;
};

/** 结束日期 not before 开始日期, reported on the end date's cell. */
export const trainingRowHook: RowHook = (ctx, plan, r, values) => {
  const start = values.startDate, end = values.endDate;
  const ep = plan.get('endDate');
  if (!ep || typeof start !== 'string' || typeof end !== 'string' || end >= start) return false;
  ctx.collector.add('date.order', ctx.place, r, ep.index, 'endDate', reportValue(ctx.sheet.rows[r]?.[ep.index]), { value: end, other: start });
  return true;
};
