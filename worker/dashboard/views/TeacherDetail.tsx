/**
 * A teacher's rules with the records behind each (archive.md §1), opened under the teacher's row:
 * the failing rules first, each with actual / required, its reason, and the records it counted with
 * the ledger each came from (school and year, marked when another school's or another year's) and
 * the record's recognition (§2). Loaded on the click through the typed client, one teacher at a time.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { TeacherView, TeacherViewRecord, TeacherViewRule } from '../../../shared/api/history.js';
import {
  RECOGNITION_BASIS_LABELS,
  RECOGNITION_STATUS_LABELS,
  RULE_STATUS_LABELS,
  ruleFigure,
} from '../../../shared/labels/index.js';
import type { RecordSheet } from '../../../shared/policy/types.js';
import { type PageContext, scope } from '../context.js';
import { useLoad } from '../hooks.js';
import { currentLang, ruleLabel, type StringKey, t } from '../i18n.js';
import { client, value } from '../remote.js';
import { ErrorBox, Loading, Typed } from '../ui.js';

const ORDER = { fail: 0, warn: 1, pass: 2 } as const;

/** Sums of half hours without floating-point noise (0.1 + 0.2), as the engine rounds them. */
const round = (n: number): number => Math.round(n * 100) / 100;

type Training = Extract<TeacherViewRecord, { sheet: 'trainings' }>;
type Duty = Extract<TeacherViewRecord, { sheet: 'duties' }>;
type Milestone = Extract<TeacherViewRecord, { sheet: 'milestones' }>;

/** Where the detail's top may start before it is brought up: below it, most of it would be off screen. */
const VISIBLE_FROM_TOP = 0.6;

export function TeacherDetail({ ctx, school, row }: { ctx: PageContext; school: string; row: number }) {
  const load = useLoad(() => value(client.bureau.teacher(school, row, scope(ctx))), [school, row, ctx.year]);
  const box = useRef<HTMLDivElement>(null);
  // A click on a name near the bottom of the screen opens the records out of sight: the teacher's
  // row is scrolled to the top once, when they are shown.
  useEffect(() => {
    const el = box.current;
    if (load.state !== 'ok' || !el) return;
    if (el.getBoundingClientRect().top > window.innerHeight * VISIBLE_FROM_TOP) {
      el.closest('tr')?.previousElementSibling?.scrollIntoView({ block: 'start' });
    }
  }, [load.state]);
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'error') return <ErrorBox error={load.error} retry={load.retry} />;
  const view = load.value;
  const rules = [...view.rules].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return (
    <div class="teacher-view" data-loaded="true" ref={box}>
      {view.otherSchools.length > 0 ? (
        <p class="origin-schools">
          {t('otherSchools')}
          {view.otherSchools.map((s, i) => (
            <>
              {i > 0 ? t('listSep') : ''}
              <Typed text={s.name} />
              {t('inYears', { years: s.years.join(t('yearSep')) })}
            </>
          ))}
        </p>
      ) : null}
      {rules.length === 0 ? (
        <p class="no-records">{t(view.teacher.status === 'invalid' ? 'noRulesInvalid' : 'noRules')}</p>
      ) : null}
      {rules.map((r) => (
        <RuleBlock view={view} rule={r} />
      ))}
    </div>
  );
}

function RuleBlock({ view, rule }: { view: TeacherView; rule: TeacherViewRule }) {
  const lang = currentLang();
  return (
    <section class={`rule-block rb-${rule.status}`} data-rule={rule.rule}>
      <div class="rule-head">
        <h3>{ruleLabel(rule.rule)}</h3>
        <span class={`chip st-${rule.status}`}>{RULE_STATUS_LABELS[rule.status][lang]}</span>
        <span class="actual-required">
          <span class="label">{t('actualRequired')}</span>{' '}
          <strong class="actual">{`${ruleFigure(rule.rule, rule.actual)} / ${ruleFigure(rule.rule, rule.required)}`}</strong>
          {rule.counts === 'hours' ? <span class="unit"> {t('hoursUnit')}</span> : null}
        </span>
      </div>
      <p class="reason">{rule.message}</p>
      <OriginLine view={view} rule={rule} />
      {rule.sheet === null ? null : rule.records.length === 0 ? (
        <p class="no-records">{t('noRecordsCounted')}</p>
      ) : (
        <div class="records-box">
          <RecordsTable view={view} rule={rule} sheet={rule.sheet} />
        </div>
      )}
    </section>
  );
}

/** "其中 24 学时来自 XX学校（2024年）": what the rule counted from other schools' ledgers. */
function OriginLine({ view, rule }: { view: TeacherView; rule: TeacherViewRule }) {
  const parts = new Map<string, { name: string; year: number; amount: number }>();
  for (const r of rule.records) {
    if (r.schoolCode === view.school.code) continue;
    const key = `${r.schoolCode}/${r.year}`;
    const p = parts.get(key) ?? { name: r.schoolName, year: r.year, amount: 0 };
    p.amount = round(p.amount + (rule.counts === 'hours' && r.sheet === 'trainings' ? (r.countedHours ?? 0) : 1));
    parts.set(key, p);
  }
  if (parts.size === 0) return null;
  const each: StringKey = rule.counts === 'hours' ? 'hoursFrom' : 'recordsFrom';
  const list = [...parts.values()].sort((a, b) => a.year - b.year);
  return (
    <p class="origin-line">
      {t('ofWhich')}
      {list.map((p, i) => {
        // The school's name is typed text: isolated in its own element, so the sentence is split around it.
        const [before, after] = t(each, { n: p.amount, year: p.year, school: '{school}' }).split('{school}');
        return (
          <>
            {i > 0 ? t('listSep') : ''}
            {before}
            <Typed text={p.name} />
            {after}
          </>
        );
      })}
    </p>
  );
}

const HEADS: Record<RecordSheet, StringKey[]> = {
  trainings: ['entryCourse', 'entryLevel', 'colDates', 'colRecorded', 'colCounted', 'colRecognition', 'colLedger'],
  duties: ['colSemester', 'colDemo', 'colObserved', 'colPreps', 'colLectures', 'colSmall', 'colProject', 'colLedger'],
  milestones: ['colMilestone', 'colResult', 'colDate', 'colLedger'],
};
const NUMERIC = new Set<StringKey>([
  'colRecorded',
  'colCounted',
  'colDemo',
  'colObserved',
  'colPreps',
  'colLectures',
  'colSmall',
]);

function RecordsTable({ view, rule, sheet }: { view: TeacherView; rule: TeacherViewRule; sheet: RecordSheet }) {
  const hoursRule = sheet === 'trainings' && rule.counts === 'hours';
  // A rule that counts trainings (the ethics training, say) adds no hours: no 计入学时 column.
  const heads = HEADS[sheet].filter((h) => hoursRule || h !== 'colCounted');
  const trainings = rule.records.filter((r): r is Training => r.sheet === 'trainings');
  return (
    <table class="data records">
      <caption>{t(`counted_${sheet}`, { n: rule.records.length })}</caption>
      <thead>
        <tr>
          {heads.map((h) => (
            <th class={NUMERIC.has(h) ? 'num' : ''}>{t(h)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rule.records.map((r) => (
          <tr data-sheet={r.sheet} data-year={r.year} data-school={r.schoolCode}>
            {r.sheet === 'trainings' ? (
              <TrainingCells r={r} hours={hoursRule} />
            ) : r.sheet === 'duties' ? (
              <DutyCells r={r} />
            ) : (
              <MilestoneCells r={r} />
            )}
            <LedgerCell view={view} r={r} />
          </tr>
        ))}
      </tbody>
      {hoursRule ? (
        <tfoot>
          <tr>
            <td colSpan={3}>{t('total')}</td>
            <td class="num">{round(trainings.reduce((a, r) => a + r.hours, 0))}</td>
            <td class="num counted-total">{round(trainings.reduce((a, r) => a + (r.countedHours ?? 0), 0))}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

function dates(start: string, end: string): string {
  return start === end ? start : `${start} – ${end}`;
}

function TrainingCells({ r, hours }: { r: Training; hours: boolean }) {
  const lang = currentLang();
  const rec = r.recognition;
  const why = rec
    ? [RECOGNITION_BASIS_LABELS[rec.basis][lang], rec.code, rec.likely ? t('likelyEntry', { code: rec.likely }) : '']
        .filter(Boolean)
        .join(' · ')
    : '';
  return (
    <>
      <td class="course">
        <Typed text={r.course} />
      </td>
      <td>{r.level}</td>
      <td class="dates">{dates(r.startDate, r.endDate)}</td>
      <td class="num recorded">{r.hours}</td>
      {hours ? (
        <td class={`num counted${r.countedHours !== null && r.countedHours !== r.hours ? ' differs' : ''}`}>
          {r.countedHours ?? '—'}
        </td>
      ) : null}
      <td class="recognition">
        {rec ? (
          <>
            <span class={`chip rec rec-${rec.status}`} title={why}>
              {RECOGNITION_STATUS_LABELS[rec.status][lang]}
            </span>
            {rec.reason ? (
              <span class="rec-reason">
                <Typed text={rec.reason} />
              </span>
            ) : null}
          </>
        ) : (
          '—'
        )}
      </td>
    </>
  );
}

function DutyCells({ r }: { r: Duty }) {
  return (
    <>
      <td>{r.semester}</td>
      <td class="num">{`${r.demoLessonsHome} / ${r.demoLessonsGuided}`}</td>
      <td class="num">{r.observedLessons}</td>
      <td class="num">{r.groupPreps}</td>
      <td class="num">{r.lectures}</td>
      <td class="num">{r.smallProjects}</td>
      <td>
        <Typed text={r.projectLed ?? '—'} />
      </td>
    </>
  );
}

function MilestoneCells({ r }: { r: Milestone }) {
  return (
    <>
      <td>{r.milestone}</td>
      <td>{r.result}</td>
      <td class="dates">{r.date}</td>
    </>
  );
}

/** The ledger a record came from: this one, or another year's or another school's, marked. */
function LedgerCell({ view, r }: { view: TeacherView; r: TeacherViewRecord }) {
  const otherSchool = r.schoolCode !== view.school.code;
  const otherYear = r.year !== view.year;
  return (
    <td class="ledger">
      {r.self ? (
        t('thisLedger', { year: r.year })
      ) : (
        <>
          <Typed text={r.schoolName} />
          {t('inYear', { year: r.year })}
        </>
      )}
      {otherSchool ? <span class="chip mark other-school">{t('otherSchool')}</span> : null}
      {otherYear ? <span class="chip mark other-year">{t('otherYear')}</span> : null}
    </td>
  );
}
