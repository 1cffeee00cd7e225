/**
 * The column lists of worker/db/schema.ts against the migrated database: names, order, storage
 * types and NOT NULL, so that the row types the code is checked against are the tables D1 holds.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CHILD_TABLES, SUBMISSIONS } from '../../worker/db/schema.js';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

describe('typed D1 rows', () => {
  for (const table of [SUBMISSIONS, ...CHILD_TABLES]) {
    it(`should declare exactly the columns of ${table.name}, in order, with their types and nullability`, async () => {
      const info = (await env.DB.prepare(`PRAGMA table_info(${table.name})`).all<ColumnInfo>()).results;
      const declared = Object.entries(table.columns).map(([name, type]) => ({
        name,
        type: type.replace('?', '').toUpperCase(),
        notnull: type.endsWith('?') ? 0 : 1,
      }));
      // A TEXT PRIMARY KEY may hold NULL in SQLite's own reading; the code never writes one.
      expect(info.map((c) => ({ name: c.name, type: c.type, notnull: c.notnull || c.pk > 0 ? 1 : 0 }))).toEqual(
        declared,
      );
    });
  }
});
