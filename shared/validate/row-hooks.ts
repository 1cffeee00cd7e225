/** Checks between the cells of one row, run right after the row's cells are read. */
import { idBirthDate, idGender } from '../id-number.js';
import { daysInclusive } from '../normalize/date-parts.js';
import { reportValue } from './collector.js';
import type { RowHook } from './table-sheet.js';

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
      ctx.collector.add(
        'consistency.gender_id',
        ctx.place,
        r,
        gp.index,
        'gender',
        reportValue(ctx.sheet.rows[r]?.[gp.index]),
        { value: gender, expected },
      );
      bad = true;
    }
  }
  const birth = values.birthDate;
  const bp = plan.get('birthDate');
  if (bp && typeof birth === 'string') {
    const full = idBirthDate(id) ?? '';
    const expected = birth.length === 7 ? full.slice(0, 7) : full;
    if (birth !== expected) {
      ctx.collector.add(
        'consistency.birthdate_id',
        ctx.place,
        r,
        bp.index,
        'birthDate',
        reportValue(ctx.sheet.rows[r]?.[bp.index]),
        { value: birth, expected },
      );
      bad = true;
    }
  }
  return bad;
};

/**
 * One 学时 is 45 minutes and a training day counts at most 8 (the statistics form 教基4068's
 * definitions): more than this many hours a day, from the start to the end date, is implausible.
 */
export const HOURS_PER_DAY_MAX = 8;

/**
 * 结束日期 not before 开始日期 (date.order, an error on the end date's cell); then at most 8 学时 for
 * each day from the start to the end date, both included (hours.per_day, a warning on the 学时 cell:
 * the row still makes a record).
 */
export const trainingRowHook: RowHook = (ctx, plan, r, values) => {
  const start = values.startDate,
    end = values.endDate;
  if (typeof start !== 'string' || typeof end !== 'string') return false;
  if (end < start) {
    const ep = plan.get('endDate');
    if (!ep) return false;
    ctx.collector.add('date.order', ctx.place, r, ep.index, 'endDate', reportValue(ctx.sheet.rows[r]?.[ep.index]), {
      value: end,
      other: start,
    });
    return true;
  }
  const hours = values.hours;
  const hp = plan.get('hours');
  // A training lasts at least a day: up to 8 hours needs no date arithmetic (most rows).
  if (!hp || typeof hours !== 'number' || hours <= HOURS_PER_DAY_MAX) return false;
  const days = daysInclusive(start, end);
  const max = HOURS_PER_DAY_MAX * days;
  if (hours > max) {
    ctx.collector.add('hours.per_day', ctx.place, r, hp.index, 'hours', reportValue(ctx.sheet.rows[r]?.[hp.index]), {
      value: String(hours),
      expected: String(max),
      period: { start, end, days },
    });
  }
  return false;
};
