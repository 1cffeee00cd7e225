/**
 * CSV for Excel: UTF-8 with a BOM (so Excel on a Chinese Windows reads it as UTF-8), every field
 * quoted, and text that Excel would run as a formula (= + - @, or a leading tab / CR) prefixed with
 * an apostrophe. Rates are written as "85.3%".
 */
import { type Cell, isPercent, percentText } from './cell.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralize(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function field(v: Cell): string {
  const s = typeof v === 'number' ? String(v) : isPercent(v) ? percentText(v.percent) : neutralize(v);
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(table: Cell[][]): string {
  return `\uFEFF${table.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
