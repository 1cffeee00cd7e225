/**
 * Masks an ID number for every report: an 18-character ID keeps its first 6 and last 4 characters
 * (320102********123X), a longer one the same 10. A shorter value (a 15-digit ID, a cell that lost
 * its digits) keeps a quarter at each end, so it never shows half of itself.
 */
export function maskId(id: string): string {
  const n = id.length;
  const head = n >= 18 ? 6 : Math.floor(n / 4);
  const tail = n >= 18 ? 4 : Math.floor(n / 4);
  return id.slice(0, head) + '*'.repeat(n - head - tail) + id.slice(n - tail);
}
