/** Readers for what the worker sends back: the CSV export's fields and the text inside an .xlsx. */

/** The files of a zip (stored or deflated entries), by name, as text. */
export async function unzipText(bytes: Uint8Array): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + 30 <= bytes.byteLength && view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength + extraLength;
    const data = bytes.slice(start, start + size);
    const raw =
      method === 0
        ? data
        : new Uint8Array(
            await new Response(
              new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
            ).arrayBuffer(),
          );
    out.set(name, new TextDecoder().decode(raw));
    at = start + size;
  }
  return out;
}

/** RFC 4180 CSV (quoted fields, "" for a quote, CRLF rows) into rows of fields; a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The cells of an .xlsx sheet XML: each as its type attribute, formula (if any) and text. */
export function sheetCells(xml: string): { ref: string; type: string | null; formula: string | null; text: string }[] {
  const cells: { ref: string; type: string | null; formula: string | null; text: string }[] = [];
  const unescapeXml = (x: string) =>
    x
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  for (const m of xml.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = m[1]!;
    const inner = m[2] ?? '';
    const ref = /r="([^"]+)"/.exec(attrs)?.[1] ?? '';
    const type = /t="([^"]+)"/.exec(attrs)?.[1] ?? null;
    const formula = /<f[^>]*>([\s\S]*?)<\/f>/.exec(inner)?.[1] ?? (/<f[^>]*\/>/.test(inner) ? '' : null);
    const text = [...inner.matchAll(/<(?:t|v)[^>]*>([\s\S]*?)<\/(?:t|v)>/g)].map((x) => unescapeXml(x[1]!)).join('');
    cells.push({ ref, type, formula, text });
  }
  return cells;
}
