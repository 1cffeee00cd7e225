import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGE_REASONS, renderContractDoc } from '../../scripts/contract-doc.js';
import { FINDING_CODES, FIX_CODES } from '../../shared/contract/codes.js';
import { findingMessage } from '../../shared/contract/messages.js';
import { SHEET_LIST } from '../../shared/contract/sheets.js';

describe('docs/CONTRACT.md', () => {
  it('should match shared/contract (run npm run docs:contract after changing the contract)', () => {
    const onDisk = readFileSync(new URL('../../docs/CONTRACT.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderContractDoc());
  });

  it('should list every sheet with its aliases and every column with its header and aliases', () => {
    const doc = renderContractDoc();
    for (const sheet of SHEET_LIST) {
      expect(doc).toContain(`## ${sheet.name} (${sheet.key})`);
      expect(doc).toContain(`| ${sheet.key} | ${sheet.name} | ${sheet.aliases.join(', ')} |`);
      for (const c of sheet.columns) expect(doc).toContain(`| ${c.key} | ${c.header} | ${c.aliases.join(', ')} |`);
    }
  });

  it('should give every finding code its messages in both languages, and every fix code', () => {
    const doc = renderContractDoc();
    for (const code of Object.keys(FINDING_CODES) as (keyof typeof FINDING_CODES)[]) {
      expect(doc).toContain(`| \`${code}\` | `);
      // The default case's message, whatever the finding's values.
      const zh = findingMessage(
        code,
        { header: '{header}', sheet: '{sheet}', value: '{value}', other: '{other}', expected: '{expected}' },
        'zh',
      );
      expect(doc).toContain(zh.slice(0, 12));
    }
    for (const code of FIX_CODES) expect(doc).toContain(`| \`${code}\` |`);
  });

  it('should document every case messages.ts words differently (a new reason needs a line in MESSAGE_REASONS)', () => {
    const source = readFileSync(new URL('../../shared/contract/messages.ts', import.meta.url), 'utf8');
    const reasons = new Set([...source.matchAll(/reason === '([^']+)'|case '([^']+)'/g)].map((m) => m[1] ?? m[2]));
    expect(reasons.size).toBeGreaterThan(0);
    expect([...reasons].filter((r) => r !== undefined && !(r in MESSAGE_REASONS))).toEqual([]);
  });
});
