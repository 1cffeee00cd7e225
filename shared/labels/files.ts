/**
 * The file errors of template.md's "Files": a title for each code and the message a clerk reads,
 * in Chinese (default) and English, saying what is wrong with the file and what to do about it —
 * never a library's text. The message depends on the error's details (which limit, what the file
 * turned out to be), so it is a function of them.
 */
import type { FileErrorCode, Lang } from '../contract/codes.js';
import type { DetectedKind, FileError, FileErrorDetails } from '../files/errors.js';
import type { Text } from './text.js';

export const FILE_ERROR_TITLES = {
  'file.encrypted': { zh: '文件设有打开密码', en: 'The file has an open password' },
  'file.corrupt': { zh: '文件已损坏', en: 'The file is damaged' },
  'file.unsupported': { zh: '不支持的文件类型', en: 'Unsupported file type' },
  'file.too_large': { zh: '文件过大', en: 'The file is too large' },
} as const satisfies Record<FileErrorCode, Text>;

/**
 * The kinds of file a ledger may come in, as the pane's open hint and the CLI's help and errors name
 * them: all are read, recognised by their content (template.md, "Files").
 */
export const LEDGER_FILE_KINDS = {
  zh: '.xlsx、.xlsm、.xls、WPS .et 或 .csv',
  en: '.xlsx, .xlsm, .xls, WPS .et or .csv',
} as const satisfies Text;

/**
 * Said whenever a CSV is opened (the pane's open status, the CLI on stderr): a CSV holds one sheet,
 * so the ledger's other sheets are reported missing, and the clerk should know why and what to do.
 */
export const CSV_ONE_SHEET = {
  zh: 'CSV 文件只能保存一张工作表，台账的其他工作表因此报告为缺失。要校验或提交完整台账，请在 Excel 或 WPS 中把台账另存为“Excel 工作簿（.xlsx）”。',
  en: 'A CSV file holds one sheet, so the ledger’s other sheets are reported missing. To validate or submit the whole ledger, save it as an Excel workbook (.xlsx) in Excel or WPS.',
} as const satisfies Text;

const KIND_ZH: Record<DetectedKind, string> = {
  pdf: 'PDF 文件',
  image: '图片',
  word: 'Word 文档',
  powerpoint: 'PowerPoint 演示文稿',
  ods: 'OpenDocument 表格（.ods）',
  numbers: 'Numbers 表格',
  xlsb: 'Excel 二进制工作簿（.xlsb）',
  html: '网页（HTML）文件（有些系统导出的“.xls”其实是网页）',
  xml: 'XML 文件',
  utf16: 'Unicode（UTF-16）文本',
  archive: '压缩包',
  compound: 'Office 文件，但不是表格',
  binary: '',
};

const KIND_EN: Record<DetectedKind, string> = {
  pdf: 'a PDF file',
  image: 'an image',
  word: 'a Word document',
  powerpoint: 'a PowerPoint presentation',
  ods: 'an OpenDocument spreadsheet (.ods)',
  numbers: 'a Numbers spreadsheet',
  xlsb: 'an Excel binary workbook (.xlsb)',
  html: 'a web page (HTML; some systems export web pages named “.xls”)',
  xml: 'an XML file',
  utf16: 'Unicode (UTF-16) text',
  archive: 'a compressed archive',
  compound: 'an Office file, but not a spreadsheet',
  binary: '',
};

const PLACE_ZH = { pane: '本页面', cli: '命令行工具', worker: '服务器' } as const;
const PLACE_EN = { pane: 'this page', cli: 'the command-line tool', worker: 'the server' } as const;

const count = (n: number | undefined): string => (n ?? 0).toLocaleString('en-US');
const mb = (n: number | undefined): string => ((n ?? 0) / 1_000_000).toFixed(1);

type Render = (d: FileErrorDetails) => string;

const ZH: Record<FileErrorCode, Render> = {
  'file.encrypted': () =>
    '该文件设有打开密码，无法读取。请在 Excel 或 WPS 中输入密码打开它，取消打开密码（Excel：文件 → 信息 → 保护工作簿 → ' +
    '用密码进行加密，清空密码；WPS：文件 → 文档加密 → 密码加密，清空打开密码），保存后重新选择该文件。',
  'file.corrupt': (d) =>
    d.reason === 'empty'
      ? '该文件是空的（0 字节），没有任何内容。请从原处重新导出或复制台账文件后再试。'
      : d.reason === 'truncated'
        ? '该文件不完整，可能在下载、复制或发送时被截断。请从原处重新获取文件；如能在 Excel 或 WPS 中打开，请另存为 .xlsx 后再试。'
        : '该文件已损坏，无法读取。请在 Excel 或 WPS 中打开原文件，另存为 .xlsx 后再试；如打不开，请从原处重新获取文件。',
  'file.unsupported': (d) =>
    (d.detected && KIND_ZH[d.detected]
      ? `这是${KIND_ZH[d.detected]}，不能作为台账读取。`
      : '无法识别该文件的类型，不能作为台账读取。') +
    '请在 Excel 或 WPS 中打开台账，另存为“Excel 工作簿（.xlsx）”后再试。可读取的文件：.xlsx、.xlsm、.xls、WPS 表格 .et 和 .csv。',
  'file.too_large': (d) => {
    const place = PLACE_ZH[d.place ?? 'cli'];
    const cli = d.place === 'pane' ? '，或用命令行工具校验（上限更高）' : '';
    if (d.limit === 'bytes') {
      return `该文件大小为 ${mb(d.actual)} MB，超过${place}的上限 ${mb(d.max)} MB。请删除不需要的工作表和图片，或按学校、学年拆分为多个文件后再试${cli}。`;
    }
    if (d.limit === 'cells') {
      return `该文件的单元格超过${place}的上限 ${count(d.max)} 个，通常是表格右侧或下方有大量带格式的空白行列。请删除多余的行和列后保存再试${cli}。`;
    }
    return `该文件的行数超过${place}的上限 ${count(d.max)} 行。请按学校或学年拆分为多个文件后分别校验${cli}。`;
  },
};

const EN: Record<FileErrorCode, Render> = {
  'file.encrypted': () =>
    'The file is protected by an open password and cannot be read. Open it in Excel or WPS with its password, ' +
    'remove the open password (Excel: File → Info → Protect Workbook → Encrypt with Password, clear it; ' +
    'WPS: File → Encrypt → clear the open password), save it and choose the file again.',
  'file.corrupt': (d) =>
    d.reason === 'empty'
      ? 'The file is empty (0 bytes). Export or copy the ledger again from where it came from and retry.'
      : d.reason === 'truncated'
        ? 'The file is incomplete: it was probably cut short while downloading, copying or sending. Get it again from ' +
          'where it came from; if Excel or WPS can open it, save it as .xlsx and retry.'
        : 'The file is damaged and cannot be read. Open the original in Excel or WPS and save it as .xlsx, then retry; ' +
          'if it does not open, get the file again from where it came from.',
  'file.unsupported': (d) =>
    (d.detected && KIND_EN[d.detected]
      ? `This is ${KIND_EN[d.detected]}, not a ledger workbook. `
      : 'The type of this file is not recognised; it cannot be read as a ledger. ') +
    'Open the ledger in Excel or WPS, save it as an “Excel Workbook (.xlsx)” and retry. Readable files: .xlsx, .xlsm, ' +
    '.xls, WPS Spreadsheets .et and .csv.',
  'file.too_large': (d) => {
    const place = PLACE_EN[d.place ?? 'cli'];
    const cli = d.place === 'pane' ? ', or validate it with the command-line tool (its limit is higher)' : '';
    if (d.limit === 'bytes') {
      return (
        `The file is ${mb(d.actual)} MB, more than the ${mb(d.max)} MB that ${place} reads. Remove sheets and pictures ` +
        `that are not needed, or split it into files by school or year${cli}.`
      );
    }
    if (d.limit === 'cells') {
      return (
        `The file has more than the ${count(d.max)} cells that ${place} reads, usually formatted empty rows or columns ` +
        `beside or below the table. Delete them, save and retry${cli}.`
      );
    }
    return (
      `The file has more than the ${count(d.max)} rows that ${place} reads. Split it into files by school or year and ` +
      `validate each${cli}.`
    );
  },
};

export function fileErrorTitle(code: FileErrorCode, lang: Lang = 'zh'): string {
  return FILE_ERROR_TITLES[code][lang];
}

export function fileErrorMessage(error: FileError, lang: Lang = 'zh'): string {
  return (lang === 'en' ? EN : ZH)[error.code](error.details);
}
