import type { Lang } from '../../shared/contract/codes.js';
type OptionSpec = Record<string, {
    type: 'string' | 'boolean';
}>;
export interface Parsed<O extends OptionSpec> {
    positionals: string[];
    values: {
        [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean;
    };
}
export declare function parse<O extends OptionSpec>(argv: readonly string[], options: O, positionals: number): Parsed<O>;
export declare const YEAR_OPTION: {
    readonly year: {
        readonly type: "string";
    };
};
export declare const LANG_OPTION: {
    readonly lang: {
        readonly type: "string";
    };
};
export declare const JSON_OPTION: {
    readonly json: {
        readonly type: "boolean";
    };
};
/** --year Y, defaulting to the current calendar year. */
export declare function yearOf(value: string | undefined, now?: Date): number;
export declare function langOf(value: string | undefined): Lang;
export declare function required(value: string | undefined, option: string): string;
export {};
