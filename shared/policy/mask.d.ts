/**
 * Masks an ID number for every report: an 18-character ID keeps its first 6 and last 4 characters
 * (320102********123X), a longer one the same 10. A shorter value (a 15-digit ID, a cell that lost
 * its digits) keeps a quarter at each end, so it never shows half of itself.
 */
export declare function maskId(id: string): string;
