/**
 * Stands in for office-addin-mock when test/addin/fake-excel.ts is bundled for the browser: the
 * properties are simply there (the unit tests are where a missing load is caught).
 */
export declare class OfficeMockObject {
    [key: string]: any;
    constructor(data?: Record<string, unknown>);
    load(): this;
    sync(): Promise<void>;
}
