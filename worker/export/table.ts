/** The export's columns, shared by CSV and XLSX so both files hold the same table. */
import type { TeacherRow } from '../../shared/api/responses.js';
import { RECOGNITION_STATUS_LABELS, RULE_TITLES, TEACHER_STATUS_LABELS } from '../../shared/labels/index.js';
import { RECOGNITION_STATUSES, type RecognitionStatus } from '../../shared/recognition/types.js';
import type { Table } from './cell.js';

export type ExportRow = TeacherRow & {
  idFull?: string;
  /** The teacher's trainings of this ledger by recognition status (archive.md §2). */
  recognition: Record<RecognitionStatus, number>;
};

/**
 * Chinese headers and values; the rule ids stay in the last column (规则代码) for a bureau's own
 * scripts. Before it, one column per recognition status: how many of the teacher's trainings in this
 * ledger stand so (0 without a catalogue or with recognition off).
 */
export function exportTable(rows: ExportRow[], full: boolean): Table {
  const header = [
    '学校代码',
    '学校名称',
    '农村学校',
    '名册行号',
    '姓名',
    full ? '身份证号' : '身份证号（脱敏）',
    '性别',
    '任教学段',
    '任教学科',
    '职称',
    '岗位',
    '骨干称号',
    '称号级别',
    '工作室角色',
    '年度学时',
    '状态',
    '未达标规则',
    ...RECOGNITION_STATUSES.map((s) => `${RECOGNITION_STATUS_LABELS[s].zh}（条）`),
    '未达标规则代码',
  ];
  return [
    header,
    ...rows.map((r) => [
      r.schoolCode,
      r.schoolName,
      r.rural ? '是' : '否',
      r.row,
      r.name,
      full ? (r.idFull ?? '') : r.idMasked,
      r.gender,
      r.stage,
      r.subject,
      r.title,
      r.post,
      r.backbone,
      r.backboneLevel ?? '',
      r.studioRole,
      r.hours,
      TEACHER_STATUS_LABELS[r.status].zh,
      r.unmetRules.map((rule) => RULE_TITLES[rule].zh).join('、'),
      ...RECOGNITION_STATUSES.map((s) => r.recognition[s]),
      r.unmetRules.join(' '),
    ]),
  ];
}
