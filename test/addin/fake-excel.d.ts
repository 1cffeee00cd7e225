export type FakeValue = string | number | boolean | {
    error: string;
};
export interface FakeSheet {
    name: string;
    rows: FakeValue[][];
    visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
    /** A1 → formula text, for cells that hold one. */
    formulas?: Record<string, string>;
}
export interface RangeRecord {
    sheet: string;
    address: string;
    mock: any;
}
export interface FakeFormat {
    id: string;
    sheet: string;
    range: string;
    type: string;
    custom: {
        rule: {
            formula: string;
        };
        format: {
            fill: {
                color?: string;
            };
            font: {
                color?: string;
            };
        };
    };
    deleted: boolean;
}
export interface FakeNote {
    sheet: string;
    cell: string;
    content: string;
    deleted: boolean;
}
export interface FakeOptions {
    notes?: {
        sheet: string;
        cell: string;
        content: string;
    }[];
    /**
     * Writes go through to the sheets (values read back as written): for driving the whole pane in a
     * browser, where office-addin-mock is replaced by a plain stand-in that loads nothing.
     */
    live?: boolean;
}
export declare function fakeExcel(initial: FakeSheet[], opts?: FakeOptions): {
    context: Excel.RequestContext;
    sheets: FakeSheet[];
    ranges: RangeRecord[];
    formats: FakeFormat[];
    notes: FakeNote[];
    charts: {
        sheet: string;
        type: string;
        source: string;
        title: {
            text?: string;
        };
    }[];
    suspended: {
        screen: number;
        calc: number;
    };
    syncs: () => number;
    selected: () => string | null;
    sheet: (name: string) => FakeSheet | undefined;
    /** The values last assigned to the range at `address` of `sheet`. */
    written: (sheet: string, address: string) => any[];
};
