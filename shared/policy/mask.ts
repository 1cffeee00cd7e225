/**
 * Masks an ID number for every report: an 18-character ID keeps its first 6 and last 4 characters
 * (320102********123X). Any other length keeps at most a third at the front and a quarter at the
 * back, so a malformed or 15-digit ID never shows more than 10 original characters, and never most
 * of itself.
 */
export function maskId(id: string): string {
  const chars = Array.from(id);
  const n = chars.length;
  const head = Math.min(6, Math.floor(n / 3));
  const tail = Math.min(4, Math.floor(n / 4));
  return chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
}
