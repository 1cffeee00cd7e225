/**
 * Stands in for office-addin-mock when test/addin/fake-excel.ts is bundled for the browser: the
 * properties are simply there (the unit tests are where a missing load is caught).
 */
export class OfficeMockObject {
  [key: string]: any;

  constructor(data: Record<string, unknown> = {}) {
    Object.assign(this, data);
  }

  load(): this {
    return this;
  }

  async sync(): Promise<void> {}
}
