/**
 * The year's policy. Everyone reads it; an admin edits its parameters in a form built from the rules'
 * own defaults, checked in the browser by the policy-file schema the worker and the CLI use, then PUT.
 */
import type { PolicyResponse } from '../../../shared/api/responses.js';
import { DEFAULT_POLICY, RULE_IDS, resolvePolicy, type PolicyFile } from '../../../shared/policy/index.js';
import { ruleById } from '../../../shared/policy/rules/index.js';
import type { RuleId } from '../../../shared/policy/types.js';
import type { PageContext } from '../context.js';
import { h, replace } from '../dom.js';
import { currentLang, paramLabel, t } from '../i18n.js';
import { client, value } from '../remote.js';
import { errorBox, errorText } from '../views/state.js';

type Value = boolean | number | string | string[] | Record<string, number>;

/** One input per parameter; `read` returns the value or an error text. */
interface Field {
  rule: RuleId;
  key: string;
  read(): { ok: true; value: Value } | { ok: false; error: string };
}

function numberInput(id: string, value: number, disabled: boolean): HTMLInputElement {
  return h('input', { id, type: 'number', step: 'any', value: String(value), disabled, class: 'num' });
}

function readNumber(input: HTMLInputElement, label: string): { ok: true; value: number } | { ok: false; error: string } {
  const n = input.value.trim() === '' ? NaN : Number(input.value);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: t('notNumber', { f: label }) };
}

function field(rule: RuleId, key: string, value: Value, disabled: boolean): { el: HTMLElement; field: Field } {
  const id = `p-${rule}-${key}`;
  const label = paramLabel(key);
  const doc = (ruleById(rule).paramDocs as Record<string, string>)[key] ?? '';
  const wrap = (input: HTMLElement, ...after: (HTMLElement | string)[]): HTMLElement => h('div', { class: 'param', title: doc }, h('label', { for: id }, label), input, ...after);
  if (typeof value === 'boolean') {
    const input = h('input', { id, type: 'checkbox', checked: value, disabled });
    return { el: wrap(input), field: { rule, key, read: () => ({ ok: true, value: input.checked }) } };
  }
  if (typeof value === 'number') {
    const input = numberInput(id, value, disabled);
    return { el: wrap(input), field: { rule, key, read: () => readNumber(input, `${ruleLabelOf(rule)} · ${label}`) } };
  }
  if (typeof value === 'string') {
    const input = h('input', { id, value, disabled });
    return { el: wrap(input), field: { rule, key, read: () => ({ ok: true, value: input.value.trim() }) } };
  }
  if (Array.isArray(value)) {
    const input = h('input', { id, value: value.join('、'), disabled, class: 'wide' });
    return { el: wrap(input), field: { rule, key, read: () => ({ ok: true, value: input.value.split(/[、,，\s]+/).filter(Boolean) }) } };
  }
  const inputs = Object.entries(value).map(([k, v]) => [k, numberInput(`${id}-${k}`, v, disabled)] as const);
  return {
    el: h('div', { class: 'param group', title: doc }, h('span', { class: 'group-label' }, label), inputs.map(([k, input]) => h('label', {}, k, input))),
    field: {
      rule,
      key,
      read: () => {
        const out: Record<string, number> = {};
        for (const [k, input] of inputs) {
          const r = readNumber(input, `${ruleLabelOf(rule)} · ${label} · ${k}`);
          if (!r.ok) return r;
          out[k] = r.value;
        }
        return { ok: true, value: out };
      },
    },
  };
}

function ruleLabelOf(rule: RuleId): string {
  return ruleById(rule).title[currentLang()];
}

/** Only what differs from the defaults goes into the file, so the stored policy reads as the bureau's decisions. */
function buildFile(id: string, fields: Field[]): { file: PolicyFile; errors: string[] } {
  const errors: string[] = [];
  const rules: Record<string, Record<string, Value>> = {};
  for (const f of fields) {
    const r = f.read();
    if (!r.ok) {
      errors.push(r.error);
      continue;
    }
    const base = (DEFAULT_POLICY.rules as Record<string, Record<string, unknown>>)[f.rule]?.[f.key];
    if (JSON.stringify(base) !== JSON.stringify(r.value)) (rules[f.rule] ??= {})[f.key] = r.value;
  }
  const file: PolicyFile = Object.keys(rules).length > 0 ? { id, rules: rules as PolicyFile['rules'] } : { id };
  return { file, errors };
}

export async function renderPolicy(main: HTMLElement, ctx: PageContext): Promise<void> {
  let data: PolicyResponse;
  try {
    data = await value(client.policies.get(ctx.year, ctx.bureau ?? undefined));
  } catch (err) {
    if (ctx.isCurrent()) replace(main, errorBox(err, () => void renderPolicy(main, ctx)));
    return;
  }
  if (!ctx.isCurrent()) return;
  const isAdmin = ctx.me.role === 'admin';
  const resolved = data.file === null ? { ok: true as const, policy: DEFAULT_POLICY } : resolvePolicy(data.file, currentLang());
  const current = resolved.ok ? resolved.policy : DEFAULT_POLICY;
  const fields: Field[] = [];
  const fieldsets = RULE_IDS.map((rule) => {
    const params = (current.rules as Record<string, Record<string, Value>>)[rule] ?? {};
    return h(
      'fieldset',
      { class: 'rule', 'data-rule': rule },
      h('legend', {}, ruleLabelOf(rule)),
      Object.entries(params).map(([key, value]) => {
        const f = field(rule, key, value, !isAdmin);
        fields.push(f.field);
        return f.el;
      }),
    );
  });
  const idInput = h('input', { id: 'policy-id', value: current.id === 'default' ? `${data.bureauId}-${data.year}` : current.id, disabled: !isAdmin });
  const deadlineInput = h('input', { id: 'policy-deadline', type: 'date', value: data.deadline, disabled: !isAdmin });
  const message = h('div', { class: 'form-message', role: 'status' });
  const save = h('button', { type: 'submit', class: 'primary' }, t('save'));
  const form = h(
    'form',
    { class: 'policy-form' },
    h(
      'div',
      { class: 'card policy-head' },
      h('div', { class: 'param' }, h('label', { for: 'policy-id' }, t('policyId')), idInput, data.source === 'default' ? h('span', { class: 'note' }, t('defaultPolicy')) : null),
      h('div', { class: 'param' }, h('label', { for: 'policy-deadline' }, t('deadline')), deadlineInput),
      isAdmin ? save : h('p', { class: 'note' }, t('adminOnly')),
      message,
    ),
    h('div', { class: 'rules-grid' }, fieldsets),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!isAdmin) return;
    const built = buildFile(idInput.value.trim(), fields);
    const checked = built.errors.length > 0 ? { ok: false as const, errors: built.errors } : resolvePolicy(built.file, currentLang());
    if (!checked.ok) {
      replace(message, h('p', { class: 'error' }, t('invalidForm')), h('ul', { class: 'error' }, checked.errors.map((e) => h('li', {}, e))));
      return;
    }
    save.disabled = true;
    replace(message, t('loading'));
    value(client.policies.put(ctx.year, { bureau: ctx.bureau ?? data.bureauId, ...(deadlineInput.value ? { deadline: deadlineInput.value } : {}) }, built.file))
      .then(() => replace(message, h('p', { class: 'ok' }, t('saved'))))
      .catch((err: unknown) => replace(message, h('p', { class: 'error' }, errorText(err))))
      .finally(() => (save.disabled = false));
  });
  replace(main, h('div', { class: 'page-head' }, h('h1', {}, t('policyTitle', { year: data.year }))), form);
  ctx.ready();
}
