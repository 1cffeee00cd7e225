/**
 * The fidelity workbook: every cell kind and XML form issue 10 lists, written part by part, and the
 * grid the reader must make of it — the same whether the parts carry a namespace prefix, use strict
 * OOXML, are stored uncompressed, or reach the scanner one byte at a time.
 */
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FILE_LIMITS, type Inflater, readSpreadsheet } from '../../shared/files/index.js';
import { fflateInflater } from '../../shared/files/zip.js';
import type { CellValue, WorkbookGrid } from '../../shared/grid.js';
import { readXls } from '../../workbook/xls.js';
import { cellDifferences } from './cell-differences.js';
import { readXlsx } from './exceljs-read.js';
import { type PartsWorkbook, partsXlsx } from './file-fixtures.js';

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));
const serial = (d: Date) => d.getTime() / 86_400_000 + 25569;
const SEPT_1 = utc(2026, 9, 1);

const SHARED = [
  '<t>姓名</t>',
  '<r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve">三 </t></r>',
  '<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/>',
  '<t>42</t>',
  '<t>&#x4E2D;&#25991;&#10;第二行 &amp; &lt;tag&gt; &quot;q&quot; &apos;a&apos;</t>',
  '<t>a_x000D_b _x005F_x000D_ c</t>',
  '<t></t>',
];

const ROWS = [
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
    '<c r="D1" t="inlineStr"><is><r><t>李</t></r><r><rPr><i/></rPr><t>四</t></r></is></c>' +
    '<c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c><c r="G1" t="e"><v>#N/A</v></c></row>',
  '<row r="2"><c r="A2"><f>1+2</f><v>3</v></c><c r="B2" t="str"><f>A1&amp;"x"</f><v>姓名x</v></c>' +
    '<c r="C2" t="b"><f>TRUE()</f><v>1</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2"><f>NOW()</f></c>' +
    '<c r="F2" t="s"><v>3</v></c><c r="G2"><v>42</v></c></row>',
  // A row and cells without r: the row after the previous one, the cells one after another.
  '<row><c t="s"><v>4</v></c><c><v>7.5</v></c><c r="E3"><v>-0.25</v></c><c><v>1E3</v></c></row>',
  '<row r="5"><c r="A5" t="s"><v>5</v></c><c r="B5" t="inlineStr"><is><t>x\r\ny</t></is></c>' +
    '<c r="C5" t="inlineStr"><is><t><![CDATA[1 < 2 & 3]]></t></is></c>' +
    '<c r="D5" t="inlineStr"><is><t>&#x1F600;</t></is></c><c r="E5" s="0" t="n"><v>320102198001011000</v></c></row>',
  `<row r="6" spans="1:8"><c r="A6" s="1"><v>${serial(SEPT_1)}</v></c><c r="B6" s="2"><v>${serial(SEPT_1)}</v></c>` +
    `<c r="C6" s="3"><v>${serial(SEPT_1)}</v></c><c r="D6" s="4"><v>3.5</v></c><c r="E6" s="5"><v>1.5</v></c>` +
    `<c r="F6"><v>${serial(SEPT_1)}</v></c><c r="G6" s="6"><v>-12.5</v></c>` +
    '<c r="H6" t="d"><v>2026-09-01T08:30:00</v></c><c r="I6" s="1"><v>46266.5</v></c></row>',
  '<row r="7"><c r="A7" t="inlineStr"><is><t>合并标题</t></is></c><c r="B7" t="inlineStr"><is><t>stray</t></is></c>' +
    '<c r="D7" t="inlineStr"><is><t>after</t></is></c></row>',
  '<row r="8"><c r="A8" t="inlineStr"><is><t>m</t></is></c><c r="B8"><v>1</v></c></row>',
  '<row r="9"><c r="A9"><v>2</v></c><c r="C9" t="inlineStr"><is><t>keep</t></is></c></row>',
  // Values that read as empty: an empty shared string, inline string, text result; a styled empty cell.
  '<row r="10"><c r="A10" t="s"><v>6</v></c><c r="B10" t="inlineStr"><is><t></t></is></c>' +
    '<c r="C10" t="str"><f>""</f><v></v></c><c r="D10" s="1"/></row>',
];

/** Row 3 with every r attribute written: exceljs stops at a row without one ("Invalid row number in model"). */
const ROWS_WITH_REFS = ROWS.map((row) =>
  row.startsWith('<row>')
    ? '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3"><v>7.5</v></c><c r="E3"><v>-0.25</v></c><c r="F3"><v>1E3</v></c></row>'
    : row,
);

const STYLES = {
  // s: 0 General, 1 built-in 14, 2 a custom 年月日 date, 3 built-in 31 (zh-CN 年月日), 4 a number with
  // quoted text that holds date letters, 5 an [h]:mm duration, 6 colours and sections.
  xfs: [0, 14, 164, 31, 165, 166, 167],
  numFmts: { 164: 'yyyy"年"m"月"d"日"', 165: '0.00" hours"', 166: '[h]:mm', 167: '[Red]#,##0.00;[Blue]-#,##0.00' },
};

function fidelity(over: Partial<PartsWorkbook> = {}, rows = ROWS): PartsWorkbook {
  return {
    sheets: [
      {
        name: '教师名册',
        sheetData: rows.join(''),
        after: '<mergeCells count="2"><mergeCell ref="A7:C7"/><mergeCell ref="A8:B9"/></mergeCells>',
      },
      { name: '隐藏表', sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row>', state: 'hidden' },
      {
        name: '_lists',
        sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>男</t></is></c></row>',
        state: 'veryHidden',
      },
      { name: 'A&B', sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' },
    ],
    sharedStrings: SHARED,
    styles: STYLES,
    ...over,
  };
}

function expected(date1904 = false): WorkbookGrid {
  const shift = date1904 ? 1462 * 86_400_000 : 0;
  const date = (d: Date) => new Date(d.getTime() + shift);
  const rows: CellValue[][] = [
    ['姓名', '张三 ', '漢字', '李四', true, false, { error: '#N/A' }],
    [3, '姓名x', true, { error: '#DIV/0!' }, null, '42', 42],
    ['中文\n第二行 & <tag> "q" \'a\'', 7.5, null, null, -0.25, 1000],
    [],
    ['a\rb _x000D_ c', 'x\ny', '1 < 2 & 3', '😀', 320102198001011000],
    [
      date(SEPT_1),
      date(SEPT_1),
      date(SEPT_1),
      3.5,
      date(utc(1899, 12, 31, 12)),
      serial(SEPT_1),
      -12.5,
      utc(2026, 9, 1, 8, 30),
      date(utc(2026, 9, 1, 12)),
    ],
    ['合并标题', null, null, 'after'],
    ['m'],
    [null, null, 'keep'],
  ];
  const grid: WorkbookGrid = {
    sheets: [
      { name: '教师名册', rows },
      { name: '隐藏表', rows: [['h']] },
      { name: 'A&B', rows: [[1]] },
    ],
  };
  return date1904 ? { ...grid, date1904: true } : grid;
}

async function read(bytes: Uint8Array, inflater?: Inflater): Promise<WorkbookGrid> {
  const r = await readSpreadsheet(bytes, { limits: FILE_LIMITS.cli, readXls, inflater });
  if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.details)}`);
  expect(r.fileKind).toBe('xlsx');
  return r.grid;
}

/** Hands the inflated bytes on `size` at a time, so that tags, entities and UTF-8 sequences are cut everywhere. */
function tinyChunks(size: number): Inflater {
  return (data, onChunk) =>
    fflateInflater(data, (chunk) => {
      for (let i = 0; i < chunk.length; i += size) onChunk(chunk.subarray(i, i + size));
    });
}

describe('the fidelity workbook', { timeout: 60_000 }, () => {
  it('should read every cell kind as the spec says', async () => {
    expect(await read(partsXlsx(fidelity()))).toEqual(expected());
  });

  it('should read the same cells whatever the XML looks like', async () => {
    const want = expected();
    expect(await read(partsXlsx(fidelity({ prefix: 'x' })))).toEqual(want);
    expect(await read(partsXlsx(fidelity({ strict: true })))).toEqual(want);
    expect(await read(partsXlsx(fidelity({ stored: true })))).toEqual(want);
    // Indented between elements (not inside a text), as XML pretty-printers write it.
    const pretty = ROWS.map((row) =>
      row
        .replace(/><c /g, '>\n  <c ')
        .replace(/"><v>/g, '">\n    <v>')
        .replace(/<\/v><\/c>/g, '</v>\n  </c>'),
    );
    expect(pretty.join('')).not.toBe(ROWS.join(''));
    expect(await read(partsXlsx(fidelity({}, pretty)))).toEqual(want);
  });

  it('should read the same cells when the XML arrives a few bytes at a time', async () => {
    const bytes = partsXlsx(fidelity());
    // Every size up to a 4-byte UTF-8 character's and beyond cuts characters at every position.
    for (const size of [1, 2, 3, 5, 7]) expect(await read(bytes, tinyChunks(size)), `${size}`).toEqual(expected());
  });

  it('should read the same cells from parts in UTF-16, which OPC allows', async () => {
    const parts = unzipSync(partsXlsx(fidelity()));
    for (const name of Object.keys(parts).filter((n) => /^xl\/(worksheets\/|sharedStrings|workbook)/.test(n))) {
      const xml = new TextDecoder().decode(parts[name]).replace('encoding="UTF-8"', 'encoding="UTF-16"');
      const utf16 = new Uint8Array(2 + xml.length * 2);
      utf16.set([0xff, 0xfe]);
      for (let i = 0; i < xml.length; i++) {
        utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
        utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
      }
      parts[name] = utf16;
    }
    const bytes = zipSync(parts);
    expect(await read(bytes)).toEqual(expected());
    expect(await read(bytes, tinyChunks(3))).toEqual(expected());
  });

  it('should read cells longer than a chunk, cut by chunk ends anywhere', async () => {
    // Longer than the bytes the stream first joins to an unfinished construct (4 KB), in chunks
    // longer than that too: a long shared string, inline string, formula and text result.
    const long = (k: number) => Array.from({ length: k }, (_, i) => '培训记录'[i % 4]).join('');
    const formula = Array.from({ length: 3000 }, (_, i) => `A${i + 1}`).join('+');
    const sheetData = Array.from({ length: 40 }, (_, r) => {
      const n = r + 1;
      return (
        `<row r="${n}"><c r="A${n}" t="s"><v>0</v></c><c r="B${n}" t="inlineStr"><is><t>${long(3000 + r)}</t></is></c>` +
        `<c r="C${n}"><f>${formula}</f><v>${n}.5</v></c><c r="D${n}" t="str"><f>${formula}</f><v>${long(2000)}</v></c>` +
        `<c r="E${n}" t="s"><v>1</v></c></row>`
      );
    }).join('');
    const bytes = partsXlsx({
      sheets: [{ name: 'S', sheetData }],
      sharedStrings: [`<t>${long(9000)}</t>`, '<t>短</t>'],
    });
    const want = Array.from({ length: 40 }, (_, r) => [long(9000), long(3000 + r), r + 1.5, long(2000), '短']);
    for (const size of [4099, 6007, 13001, 65536]) {
      expect((await read(bytes, tinyChunks(size))).sheets[0]!.rows, `${size}`).toEqual(want);
    }
  });

  it('should read every number cell as parseFloat reads its text, exactly', async () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{1,17}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,12}$/)),
        fc.option(fc.integer({ min: -30, max: 30 })),
      )
      .map(
        ([neg, int, frac, exp]) =>
          `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `E${exp}`}`,
      );
    await fc.assert(
      fc.asyncProperty(fc.array(decimal, { minLength: 1, maxLength: 40 }), async (texts) => {
        const sheetData = texts.map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${t}</v></c></row>`).join('');
        const grid = await read(partsXlsx({ sheets: [{ name: 'S', sheetData }] }));
        expect(grid.sheets[0]!.rows.map((r) => r[0])).toEqual(texts.map((t) => Number.parseFloat(t)));
      }),
      { numRuns: 60 },
    );
  });

  it('should count dates from 1904 when the workbook says so, and tell the validator', async () => {
    const grid = await read(partsXlsx(fidelity({ date1904: true })));
    expect(grid).toEqual(expected(true));
    expect((grid.sheets[0]!.rows[5]![0] as Date).toISOString()).toBe('2030-09-02T00:00:00.000Z');
  });

  it('should differ from exceljs only where exceljs reads a cell wrong', async () => {
    expect(await read(partsXlsx(fidelity({}, ROWS_WITH_REFS)))).toEqual(expected());
    const ref = await readXlsx(partsXlsx(fidelity({}, ROWS_WITH_REFS)));
    if (!ref.ok) throw new Error(ref.message);
    expect(ref.grid.sheets.map((s) => s.name)).toEqual(expected().sheets.map((s) => s.name));
    // exceljs drops CDATA text, does not know built-in format 31 (zh-CN 年月日) is a date, and reads an
    // ISO date cell (t="d") as the number its year parses to.
    expect(cellDifferences(expected(), ref.grid)).toEqual([
      { at: '教师名册!C5', ours: 's:1 < 2 & 3', theirs: '-' },
      { at: '教师名册!C6', ours: 'd:2026-09-01T00:00:00.000Z', theirs: 'n:46266' },
      { at: '教师名册!H6', ours: 'd:2026-09-01T08:30:00.000Z', theirs: 'n:2026' },
    ]);
  });

  it('should differ from SheetJS only where SheetJS reads a cell wrong', async () => {
    const ref = await readXls(partsXlsx(fidelity()), FILE_LIMITS.cli);
    if (!ref.ok) throw new Error(ref.code);
    expect(ref.grid.sheets.map((s) => s.name)).toEqual(expected().sheets.map((s) => s.name));
    // SheetJS cuts a character reference beyond the BMP (&#x1F600;) to 16 bits, resets its format table for an
    // .xlsx (so built-in format 31 has no format string), and keeps an ISO date cell as its serial
    // with no date format. (An .xls has none of these: the adapter reads only those through SheetJS.)
    expect(cellDifferences(expected(), ref.grid)).toEqual([
      { at: '教师名册!D5', ours: 's:😀', theirs: 's:\uf600' },
      { at: '教师名册!C6', ours: 'd:2026-09-01T00:00:00.000Z', theirs: 'n:46266' },
      { at: '教师名册!H6', ours: 'd:2026-09-01T08:30:00.000Z', theirs: 'n:46266.354166666664' },
    ]);
  });
});
