/**
 * The findings as a CSV a clerk opens in Excel or WPS: UTF-8 with a BOM (else Excel shows the
 * Chinese as mojibake), CRLF, every field quoted, and text that Excel would run as a formula
 * (= + - @ at the start) defused with a leading apostrophe.
 */
import type { Finding } from '../../shared/contract/codes.js';
import type { Messages } from './messages.js';

function field(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function findingsCsv(findings: readonly Finding[], t: Messages): string {
  const header = [t.colSeverity, t.colSheet, t.colCell, t.colCode, t.colMessage];
  const lines = [header.map(field).join(',')];
  for (const f of findings) {
    lines.push(
      [t.severity[f.severity] ?? f.severity, f.sheet ?? t.workbookLevel, f.cell, f.code, f.message]
        .map(field)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
