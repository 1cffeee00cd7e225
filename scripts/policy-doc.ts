/**
 * Renders docs/POLICY.md from the rule definitions themselves (ids, scopes, parameters, defaults,
 * their documentation), so the document cannot drift from the code. Decisions that policy.md leaves
 * open are listed here, beside the generator, and change with the code that implements them.
 */
import { DEFAULT_POLICY, RULE_IDS } from '../shared/policy/index.js';
import { ruleById } from '../shared/policy/rules/index.js';

function show(value: unknown): string {
  return `\`${JSON.stringify(value)}\``;
}

const DECISIONS: readonly string[] = [
  '**Who is on no rule.** A teacher whose startDate is after asOf, or after 31 Dec of Y, is on no rule: status `pass`, `rules: []`, counted as a pass in the summary (policy.md: a teacher with no applicable rule is not reported as failing anything).',
  '**asOf.** It must be a real date `YYYY-MM-DD` (else `PolicyError` `policy.as_of_invalid`) and not before 1 Jan of Y (else `policy.as_of_before_year`). It may be after 31 Dec of Y: the autumn semester of Y ends on 31 Jan of Y+1, and a bureau re-checking last year may use a later date.',
  '**When a deadline is reached.** On its last day: annual rules fail when asOf ≥ 31 Dec Y, cycle_hours when asOf ≥ the cycle\'s last day, a semester has ended when asOf ≥ its last day (31 Jul / 31 Jan). The induction window is half-open, so it fails from startDate + windowMonths. The school plan is due *by* 30 Sep, so it fails only when asOf is after 30 Sep (policy.md: "after").',
  '**defaultAsOf.** "Today" is the date in Beijing time (UTC+8, no daylight saving), so the worker (UTC), the command-line tool and the add-in agree. A future year throws `PolicyError` with code `policy.future_year`; a year that is not an integer from 1950 to 9999 throws `policy.year_invalid`. `evaluateCompliance` throws the same error class (codes above) and never returns a partial report.',
  "**Date arithmetic.** A year-month is its 1st. Adding months to a day the target month lacks gives that month's last day (29 Feb 2024 + 12 months = 28 Feb 2025); this is used for the induction window, milestone due dates and the principal's grace year. Full years of service count an anniversary on its day.",
  '**annual_district_plus_hours.** Pro-rating applies only to a teacher whose startDate is in Y; m counts the start month itself (March → 10). The result is rounded up to a multiple of `proRateStep` (0.5), so 36 × 10 / 12 = 30 and 35 × 7 / 12 = 20.42 → 20.5.',
  "**cycle_hours.** Hours are counted from the cycle's first day to the earlier of asOf and 31 Dec Y (hours after Y belong to a later evaluation, which only matters when asOf is after Y). A teacher who started during Y needs 72 for that year, as policy.md's formula says (no pro-rating); before the cycle's last year that is only ever a warn. The warn message names the cycle's last day as the deadline.",
  '**Hours.** Sums of hours are rounded to 2 decimals to remove floating-point noise (0.1 + 0.2); a half hour is never lost.',
  "**new_teacher_induction.** The window overlaps Y when startDate ≤ 31 Dec Y and the window's end is after 1 Jan Y. Hours are those of the category with startDate ≤ endDate < window end (and endDate ≤ asOf); records before the start are not counted.",
  '**young_teacher_milestones.** The rule applies while startDate + the largest dueYears ≥ 1 Jan Y. A 通过 record counts whatever its date relative to the due date (an early pass counts), as long as it is dated on or before asOf; a 未通过 record never counts and does not cancel a 通过.',
  "**backbone_duties.** A duty row counts only for the semester it names; rows of other semesters are ignored. The year check is met when at least `projectsLedPerYear` of Y's two semesters have a non-empty projectLed. `actual` is the number of the 13 checks met. A semester that has not ended and has no row yet is a warn, not a fail.",
  '**backbone_eligibility.** Years of service are counted on `serviceCountedOn` (09-01) of Y even when asOf is earlier, as policy.md says; a start after that day gives 0 years. Education and title are ranked by the order of the enums in template.md (lowest first). `actual` is the number of the 3 conditions met.',
  '**principal_qualification.** Hours of the category count at any date on or before asOf, including before the post began. A 校长/副校长 without postStartDate (validation makes it required) gets no grace year: a shortfall fails.',
  '**transfer_training.** Records of the category count at any date on or before asOf, not only in Y.',
  '**training_funds_share.** The share is rounded to 4 decimals and judged as rounded, so a reviewer never sees `actual 0.05, required 0.05, fail`. publicBudget 0 → the rule is not reported.',
  '**school_plan_submitted.** A planSubmittedOn after asOf does not count yet (nothing after asOf is counted); a date in an earlier year counts, as policy.md says "on or before 30 Sep Y". `deadline` is a month-day; 02-29 in a common year means 02-28.',
  '**School status.** `pass` when no school rule applies; `invalid` with no rules when 学校概况 could not be read (records.school is null); the summary of teachers is given in both cases.',
  '**Invalid rows.** Listed at their roster row with `status: "invalid"`, no rules, `name` "" when it could not be read and `idMasked` from the cell\'s text ("" when empty). They are not in the summary\'s counts; passRate = pass / valid teachers, 0 when there is none.',
  '**maskId.** An 18-character (or longer) value keeps its first 6 and last 4 characters; a shorter one (a 15-digit legacy ID, a cell Excel turned into 3.20102198001011E+17) keeps a quarter of its length at each end, so at most 10 characters and never half of the value show.',
  '**Matching.** Trainings, duties and milestones are matched to a teacher by ID number through one map built per evaluation; rows whose ID is not on the roster are ignored here (validation reports them as `reference.unknown_teacher`).',
  "**Recognition.** With `recognition` `flag` or `require`, a record of 区级 or higher that has a recognition status counts in `annual_district_plus_hours` and in `cycle_hours` with the hours archive.md §2's table gives it: a matched record never counts more than the catalogue's hours (in `flag` too: the organiser decides them), and `unmatched` / `not_on_list` records count 0 under `require`, their recorded hours under `flag`. A record without a status (below 区级, or of a year for which the bureau keeps no catalogue) counts as recorded. Other rules count recorded hours. How records get their status: docs/RECOGNITION.md.",
  '**Policy files.** `id` is required (1–100 characters) and names the policy in reports; the only top-level fields are `id`, `recognition` and `rules`; an unknown field, rule id or parameter is an error naming it and listing what is allowed. A nested group (`dueYears`) may be given in part and is merged over its defaults; every other value replaces the default whole (a `levels` list is the full list). `resolvePolicy(file, lang)` writes its own messages in Chinese by default (`lang` "en" for English); type errors carry zod\'s message after the parameter\'s path.',
];

export function renderPolicyDoc(): string {
  const out: string[] = [
    '# Compliance policy: rules and parameters',
    '',
    '<!-- Generated by `npm run docs:policy` from shared/policy/rules; do not edit by hand. -->',
    '',
    "The rules of the project's policy.md, as the engine (shared/policy) implements them. Every number is a",
    'parameter a bureau can change in a policy file; the defaults below are the policy `default`.',
    '',
    '## Rules',
    '',
    '| rule id | scope | rule | applies to | parameters (defaults) |',
    '|---|---|---|---|---|',
  ];
  for (const id of RULE_IDS) {
    const rule = ruleById(id);
    const params = Object.entries(DEFAULT_POLICY.rules[id])
      .map(([k, v]) => `${k} = ${show(v)}`)
      .join('<br>');
    out.push(`| \`${id}\` | ${rule.scope} | ${rule.title.zh}<br>${rule.title.en} | ${rule.appliesTo} | ${params} |`);
  }
  out.push(
    '',
    '## Recognition of hours',
    '',
    '| parameter | default | meaning |',
    '|---|---|---|',
    `| \`recognition\` | ${show(DEFAULT_POLICY.recognition)} | archive.md §2: \`off\` (no recognition statuses), \`flag\` (statuses shown; unmatched and not-on-list records count their recorded hours) or \`require\` (only what the recognition table says counts toward \`annual_district_plus_hours\` and \`cycle_hours\`' district share); a top-level field of the policy file |`,
  );
  out.push('', '## Parameters', '');
  for (const id of RULE_IDS) {
    const rule = ruleById(id);
    out.push(
      `### \`${id}\` — ${rule.title.zh} (${rule.title.en})`,
      '',
      `Applies to ${rule.appliesTo}.`,
      '',
      '| parameter | default | meaning |',
      '|---|---|---|',
    );
    const docs = rule.paramDocs as Record<string, string>;
    for (const [key, value] of Object.entries(DEFAULT_POLICY.rules[id]))
      out.push(`| \`${key}\` | ${show(value)} | ${docs[key]} |`);
    out.push('');
  }
  out.push(
    '## A policy file',
    '',
    "JSON with the policy's `id` and, under `rules`, only what changes. Unknown rule ids and parameters are errors.",
    '',
    '```json',
    JSON.stringify(
      {
        id: 'jintan-2026',
        recognition: 'require',
        rules: {
          annual_district_plus_hours: { required: 32 },
          transfer_training: { enabled: false },
          young_teacher_milestones: { dueYears: { 教学能力达标: 4 } },
        },
      },
      null,
      2,
    ),
    '```',
    '',
    '## Decisions where policy.md is silent',
    '',
    ...DECISIONS.map((d) => `- ${d}`),
    '',
  );
  return out.join('\n');
}
