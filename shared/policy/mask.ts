/**
 * Masks an ID number for every report: an 18-character ID keeps its first 6 and last 4 characters
 * (320102********123X), a longer one the same 10. A shorter value (a 15-digit ID, a cell that lost
 * its digits) keeps a quarter at each end, so it never shows half of itself.
 */
import { idBirthDate, idCheckChar, isProvinceCode } from '../id-number.js';

export function maskId(id: string): string {
  const n = id.length;
  const head = n >= 18 ? 6 : Math.floor(n / 4);
  const tail = n >= 18 ? 4 : Math.floor(n / 4);
  return id.slice(0, head) + '*'.repeat(n - head - tail) + id.slice(n - tail);
}

/** 18 characters that could be an ID, not glued to other digits (a longer number is not an ID). */
const ID_LIKE = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])/g;

/** A real ID: a province, a calendar birth date and the right check character (a random number rarely is). */
function isIdNumber(s: string): boolean {
  const id = s.toUpperCase();
  return isProvinceCode(id.slice(0, 2)) && idBirthDate(id) !== null && idCheckChar(id) === id[17];
}

/**
 * Free text as the worker stores it: every full resident ID number inside it masked (a certificate
 * number that is the holder's ID, a roster line pasted into a review comment). The masked form
 * alone cannot give the number back; the text around it is kept as typed.
 */
export function maskIdNumbersIn(text: string): string {
  if (text.length < 18) return text;
  return text.replace(ID_LIKE, (m) => (isIdNumber(m) ? maskId(m.toUpperCase()) : m));
}
