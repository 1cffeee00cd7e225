export declare function normalizeHeader(text: string): string;
/** The header without a trailing unit in parentheses: "学时(小时)" → "学时"; null if there is none. */
export declare function withoutTrailingUnit(normalized: string): string | null;
