import { type Browser, type Page } from 'playwright-core';
export declare const CHROMIUM_PATH = "/usr/bin/chromium";
export declare const CHROMIUM_ARGS: string[];
export declare function launchBrowser(): Promise<Browser>;
export interface DemoSchool {
    code: string;
    name: string;
    token: string;
}
/** demo-tokens.json as scripts/start.ts writes it. */
export interface DemoTokens {
    admin: string;
    reviewer: string;
    bureau: {
        id: string;
        name: string;
    };
    year: number;
    schools: DemoSchool[];
    /** A second bureau, for the tests that one bureau cannot see another's data. */
    otherBureau: {
        bureau: {
            id: string;
            name: string;
        };
        reviewer: string;
        schools: DemoSchool[];
    };
}
/** The base URL of the running server, e.g. http://127.0.0.1:8799. */
export declare function baseUrl(): string;
export declare function readTokens(): DemoTokens;
declare module 'vitest' {
    interface ProvidedContext {
        baseUrl: string;
        tokensFile: string;
    }
}
/**
 * Opens a page of the server, waiting out the moments when wrangler reloads its assets (another
 * `npm run build` in the same tree swaps dist/public and wrangler answers 500 until it has reloaded).
 */
export declare function gotoWhenReady(page: Page, url: string, tries?: number): Promise<void>;
