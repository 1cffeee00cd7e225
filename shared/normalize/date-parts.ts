/**
 * Calendar arithmetic on plain integers. Dates travel as ISO strings (YYYY-MM-DD) everywhere, so
 * the validator never needs a Date object for a cell, and serials are converted without allocation.
 */

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
}

export function isRealDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function isoYearMonth(y: number, m: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}`;
}

/** Days since 1970-01-01 → [y, m, d] (Howard Hinnant's civil_from_days). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** [y, m, d] → days since 1970-01-01 (Howard Hinnant's days_from_civil, the inverse of the above). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The digits of iso[from, to) as a number, read by hand: no substring is made (this runs per row). */
function digitsOf(iso: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + iso.charCodeAt(i) - 48;
  return n;
}

/** Days since 1970-01-01 of a normalized "YYYY-MM-DD" (the validator's own values: digits where digits go). */
function dayNumber(iso: string): number {
  return daysFromCivil(digitsOf(iso, 0, 4), digitsOf(iso, 5, 7), digitsOf(iso, 8, 10));
}

/** Calendar days from one ISO date to another, both included: 2026-09-01 → 2026-09-03 is 3. */
export function daysInclusive(fromIso: string, toIso: string): number {
  // No closure here: this runs for every training row.
  return dayNumber(toIso) - dayNumber(fromIso) + 1;
}

// Serial 25569 is 1970-01-01 in the 1900 system; serials from 61 on count from 1899-12-30 because
// Excel keeps Lotus 1-2-3's phantom 1900-02-29 (serial 60). The 1904 system (old Mac Excel, and a
// workbook option) counts plain days from 1904-01-01 = serial 0, which is 1970-01-01 minus 24,107.
const SERIAL_EPOCH_OFFSET = 25569;
const SERIAL_1904_EPOCH_OFFSET = 24107;
export const MAX_SERIAL = 2958465; // 9999-12-31
/** 9999-12-31 in the 1904 system: its serials are 1,462 days smaller. */
export const MAX_SERIAL_1904 = MAX_SERIAL - 1462;

/**
 * An Excel serial → ISO date, in the 1900 system or, with `date1904`, the 1904 one. Null for 1900's
 * serial 0 and 60 (the phantom 29 Feb 1900) and out of range. A fraction (the time of day) is dropped.
 */
export function serialToIso(serial: number, date1904 = false): string | null {
  const whole = Math.floor(serial);
  if (!Number.isFinite(whole)) return null;
  let days: number;
  if (date1904) {
    if (whole < 0 || whole > MAX_SERIAL_1904) return null;
    days = whole - SERIAL_1904_EPOCH_OFFSET;
  } else {
    if (whole < 1 || whole > MAX_SERIAL || whole === 60) return null;
    days = whole < 60 ? whole - SERIAL_EPOCH_OFFSET + 1 : whole - SERIAL_EPOCH_OFFSET;
  }
  const [y, m, d] = civilFromDays(days);
  return isoDate(y, m, d);
}

/**
 * A Date from a reader → its ISO date. exceljs decodes date cells as UTC midnight, so the UTC
 * fields are the calendar date the clerk typed.
 */
export function isoDateOf(dt: Date): string | null {
  const t = dt.getTime();
  if (!Number.isFinite(t)) return null;
  const y = dt.getUTCFullYear();
  if (y < 1 || y > 9999) return null;
  return isoDate(y, dt.getUTCMonth() + 1, dt.getUTCDate());
}
