export declare function neutralize(value: string): string;
export declare function toCsv(table: (string | number)[][]): string;
