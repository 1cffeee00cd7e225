/** The reader as tests use it: bytes → grid, failing the test with the file error if it cannot read them. */
import { FILE_LIMITS } from '../../shared/files/index.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import { readWorkbookFile } from '../../workbook/read-file.js';

export async function readGrid(bytes: Uint8Array | ArrayBuffer): Promise<WorkbookGrid> {
  const read = await readWorkbookFile(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), {
    limits: FILE_LIMITS.cli,
  });
  if (!read.ok) throw new Error(`${read.code}: ${read.message}`);
  return read.grid;
}
