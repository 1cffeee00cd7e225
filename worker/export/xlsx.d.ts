export declare function toXlsx(table: (string | number)[][], sheetName: string): Promise<Uint8Array>;
