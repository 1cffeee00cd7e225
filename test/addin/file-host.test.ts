/**
 * The standalone page's file host: the cells are in the pane's Web Worker only, so when that worker
 * failed and was replaced by a fresh one (holding nothing), 校验 opens the very same file there
 * again; a file that no longer reads the same is closed instead, never validated.
 */
import { describe, expect, it } from 'vitest';
import { fileHost } from '../../addin/standalone/file-host.js';
import type { OpenOutcome, ValidationClient } from '../../addin/ui/validation-client.js';
import type { ValidationOutcome } from '../../addin/ui/validation-protocol.js';

/** A client whose worker "fails" on demand: a new instance, with nothing open. */
function fakeClient(hashes: string[]) {
  const calls: string[] = [];
  let instance = 1;
  let openIn: number | null = null;
  const client = {
    get instance() {
      return instance;
    },
    async open(data: Blob, name: string): Promise<OpenOutcome> {
      calls.push(`open ${name} ${await data.text()}`);
      openIn = instance;
      const contentHash = hashes.shift()!;
      return { ok: true, file: { name, size: data.size, fileKind: 'xlsx', contentHash, sheets: [] } };
    },
    async validateOpened(): Promise<ValidationOutcome> {
      if (openIn !== instance) throw new Error('no file is open');
      calls.push('validate');
      return { run: calls.length } as unknown as ValidationOutcome;
    },
  };
  return { client: client as unknown as ValidationClient, calls, fail: () => void instance++ };
}

const validateWith = (client: ValidationClient) => (grid: unknown) =>
  grid ? Promise.reject(new Error('no cells are sent for a file')) : client.validateOpened(2026, 'zh');

describe('fileHost', () => {
  it('should open the same file again in a worker that replaced a failed one, then validate it', async () => {
    const { client, calls, fail } = fakeClient(['h1', 'h1']);
    const files = fileHost(client);
    await files.open('台账.xlsx', new Blob(['A']));
    await files.host.validate(validateWith(client), () => undefined);
    fail();
    const run = await files.host.validate(validateWith(client), () => undefined);
    expect(run).not.toBeNull();
    expect(calls).toEqual(['open 台账.xlsx A', 'validate', 'open 台账.xlsx A', 'validate']);
    expect(files.file.value?.name).toBe('台账.xlsx');
  });

  it('should close a file that reads differently in the new worker, and validate nothing', async () => {
    const { client, calls, fail } = fakeClient(['h1', 'h2']);
    const files = fileHost(client);
    await files.open('台账.xlsx', new Blob(['A']));
    fail();
    expect(await files.host.validate(validateWith(client), () => undefined)).toBeNull();
    expect(files.file.value).toBeNull();
    expect(calls).toEqual(['open 台账.xlsx A', 'open 台账.xlsx A']);
  });
});
