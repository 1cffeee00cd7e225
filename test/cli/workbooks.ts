/**
 * Workbooks as a school clerk really sends them, written cell by cell with exceljs so that each cell
 * has the kind Excel would give it (a number cell, a date cell, text).
 */
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../shared/id-number.js';
import { toBytes } from '../../workbook/write-fixes.js';

export const ID = {
  wang: makeIdNumber({ region: '320202', birthDate: '1985-04-12', seq: 11, gender: '女' }),
  li: makeIdNumber({ region: '320203', birthDate: '1979-10-02', seq: 27, gender: '男' }),
  zhao: makeIdNumber({ region: '320211', birthDate: '1992-01-30', seq: 3, gender: '女' }),
  chen: makeIdNumber({ region: '320205', birthDate: '1998-06-18', seq: 40, gender: '男' }),
};

const FULLWIDTH_OFFSET = 0xfee0;
export const toFullWidth = (s: string) =>
  s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + FULLWIDTH_OFFSET));

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
/** The 1900-system serial of a date, as a General-formatted date cell holds it. */
export const serial = (y: number, m: number, d: number) =>
  Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

function schoolSheet(wb: ExcelJS.Workbook, name = '学校概况') {
  const ws = wb.addWorksheet(name);
  ws.addRows([
    ['学校代码', '3202060001'],
    ['学校名称', '无锡市梁溪区实验小学'],
    ['学校类型', '小学'],
    ['是否农村学校', '否'],
    ['年度公用经费预算（元）', 1_200_000],
    ['教师培训经费（元）', 72_000],
    ['校本培训方案提交日期', utc(2026, 3, 1)],
  ]);
  ws.getCell('B7').numFmt = 'yyyy-mm-dd';
}

const TEACHER_HEADERS = [
  '姓名',
  '身份证号',
  '性别',
  '出生日期',
  '联系电话',
  '任教学段',
  '任教学科',
  '职称',
  '最高学历',
  '参加工作时间',
  '岗位',
  '任现职时间',
  '骨干称号',
  '称号级别',
  '工作室角色',
  '是否转岗教师',
  '备注',
];
const TRAINING_HEADERS = [
  '身份证号',
  '姓名',
  '培训项目',
  '培训级别',
  '培训类别',
  '培训形式',
  '开始日期',
  '结束日期',
  '学时',
  '主办单位',
  '证书编号',
];

function teacher(name: string, id: string | number, gender: string) {
  return [
    name,
    id,
    gender,
    null,
    '13912345678',
    '小学',
    '语文',
    '一级教师',
    '本科',
    '2010-09',
    '专任教师',
    null,
    '无',
    null,
    '无',
    '否',
    null,
  ];
}

/** A workbook with no error, no warning and no fix: what a careful clerk sends. */
export async function cleanWorkbook({ extraSheet = false } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  schoolSheet(wb);
  const t = wb.addWorksheet('教师名册');
  t.addRows([
    TEACHER_HEADERS,
    teacher('王芳', ID.wang, '女'),
    teacher('李强', ID.li, '男'),
    teacher('赵敏', ID.zhao, '女'),
  ]);
  const r = wb.addWorksheet('培训记录');
  r.addRows([
    TRAINING_HEADERS,
    [
      ID.wang,
      '王芳',
      '新时代师德师风专题培训',
      '区级',
      '师德师风',
      '集中面授',
      '2026-03-10',
      '2026-03-11',
      12,
      '梁溪区教师发展中心',
      null,
    ],
    [
      ID.li,
      '李强',
      '小学语文大单元教学研修',
      '市级',
      '学科教学',
      '网络研修',
      '2026-04-01',
      '2026-04-30',
      24,
      '无锡市教育科学研究院',
      null,
    ],
  ]);
  if (extraSheet) wb.addWorksheet('工资表').addRow(['王芳', 8000]);
  return toBytes(wb);
}

/**
 * The messy workbook: a merged title row above the header, alias headers and headers with
 * （必填）, an ID that Excel turned into a number, full-width digits, dates as date cells, serials
 * and text in several shapes, units on hours, a totals row and an extra sheet.
 */
export async function messyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  schoolSheet(wb, '基本情况');
  const t = wb.addWorksheet('教师花名册');
  t.getCell('A1').value = '梁溪区实验小学2026年教师培训台账';
  t.mergeCells('A1:Q1');
  t.getRow(2).values = [
    '教师姓名',
    '身份证号码（必填）',
    '性别(必填)',
    '出生年月',
    '手机号',
    '学段',
    '学科',
    '职称',
    '学历',
    '参工时间',
    '岗位',
    '任职时间',
    '骨干称号',
    '称号级别',
    '工作室角色',
    '是否转岗',
    '备注',
  ];
  t.getRow(3).values = teacher('王芳', ID.wang, '女');
  t.getRow(4).values = teacher('李强', Number(`${ID.li.slice(0, 15)}000`), '男');
  t.getRow(5).values = teacher('赵敏', toFullWidth(ID.zhao), '女');
  t.getRow(6).values = teacher('陈晨', ID.chen, '男');
  const r = wb.addWorksheet('培训台账');
  r.getRow(1).values = [
    '身份证号',
    '姓名',
    '培训名称',
    '级别',
    '类别',
    '形式',
    '起始日期',
    '截止日期',
    '学时（小时）',
    '主办单位',
    '证书编号',
  ];
  r.getRow(2).values = [
    ID.wang,
    '王芳',
    '新时代师德师风专题培训',
    '区级',
    '师德师风',
    '集中面授',
    utc(2026, 3, 10),
    utc(2026, 3, 11),
    12,
    null,
    null,
  ];
  r.getRow(3).values = [
    ID.wang,
    '王芳',
    '小学语文大单元教学研修',
    '县级',
    '学科教学',
    '网络研修',
    serial(2026, 4, 1),
    serial(2026, 4, 30),
    '3.5学时',
    null,
    null,
  ];
  r.getRow(4).values = [
    ID.chen,
    '陈晨',
    '新教师入岗培训（第一阶段）',
    '区级',
    '新教师入岗',
    '集中面授',
    '2026/9/1',
    '2026年9月5日',
    '３０',
    null,
    null,
  ];
  r.getRow(5).values = [
    ID.chen,
    '陈晨',
    '信息技术应用能力提升',
    '校级',
    '信息技术',
    '校本研修',
    '20261012',
    '2026.10.12',
    4,
    null,
    null,
  ];
  r.getRow(6).values = ['合计', null, null, null, null, null, null, null, { formula: 'SUM(I2:I5)', result: 49.5 }];
  r.getCell('G2').numFmt = 'yyyy-mm-dd';
  r.getCell('H2').numFmt = 'yyyy-mm-dd';
  wb.addWorksheet('Sheet3').getCell('A1').value = '草稿';
  return toBytes(wb);
}
