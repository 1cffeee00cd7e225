/**
 * A stored training, duty or milestone row as the record fields every reader of it shares: the
 * re-evaluation (back into Records) and the bureau's teacher view. Each adds what is its own (the
 * teacher's keyed hash and name, or the ledger the record came from and the recognition).
 */
import type { Records } from '../../shared/records.js';
import type { DUTIES, MILESTONES, RowOf, TRAININGS } from './schema.js';

type Training = Records['trainings'][number];
type Milestone = Records['milestones'][number];

export type TrainingFieldsRow = Pick<
  RowOf<typeof TRAININGS>,
  | 'row'
  | 'course'
  | 'level'
  | 'category'
  | 'form'
  | 'start_date'
  | 'end_date'
  | 'hours'
  | 'organizer'
  | 'certificate'
  | 'catalogue_code'
>;
export type DutyFieldsRow = Omit<RowOf<typeof DUTIES>, 'submission_id' | 'id_hmac'>;
export type MilestoneFieldsRow = Omit<RowOf<typeof MILESTONES>, 'submission_id' | 'id_hmac'>;

// The enum columns were validated before they were stored: their casts only restore the types.

export function trainingFields(x: TrainingFieldsRow) {
  return {
    row: x.row,
    course: x.course,
    level: x.level as Training['level'],
    category: x.category as Training['category'],
    form: x.form as Training['form'],
    startDate: x.start_date,
    endDate: x.end_date,
    hours: x.hours,
    organizer: x.organizer,
    certificate: x.certificate,
    catalogueCode: x.catalogue_code,
  };
}

export function dutyFields(x: DutyFieldsRow) {
  return {
    row: x.row,
    semester: x.semester,
    demoLessonsHome: x.demo_lessons_home,
    demoLessonsGuided: x.demo_lessons_guided,
    observedLessons: x.observed_lessons,
    groupPreps: x.group_preps,
    lectures: x.lectures,
    projectLed: x.project_led,
    smallProjects: x.small_projects,
  };
}

export function milestoneFields(x: MilestoneFieldsRow) {
  return {
    row: x.row,
    milestone: x.milestone as Milestone['milestone'],
    result: x.result as Milestone['result'],
    date: x.date,
  };
}
