/**
 * The year's policy. Everyone reads it; an admin edits its parameters in a form built from the rules'
 * own defaults, checked in the browser by the policy-file schema the worker and the CLI use, then PUT.
 * Loaded only when opened: it carries zod and every rule's schema.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PolicyResponse } from '../../../shared/api/responses.js';
import { DEFAULT_POLICY, RULE_IDS } from '../../../shared/policy/index.js';
import { type PolicyFile, resolvePolicy } from '../../../shared/policy/policy-file.js';
import { ruleById } from '../../../shared/policy/rules/index.js';
import type { RuleId } from '../../../shared/policy/types.js';
import type { PageContext } from '../context.js';
import { useLoad } from '../hooks.js';
import { currentLang, paramLabel, t } from '../i18n.js';
import { client, value } from '../remote.js';
import { ErrorBox, errorText, Loading } from '../ui.js';

type Value = boolean | number | string | string[] | Record<string, number>;
type Read = { ok: true; value: Value } | { ok: false; error: string };

const input = (id: string): HTMLInputElement => document.getElementById(id) as HTMLInputElement;

function readNumber(id: string, label: string): { ok: true; value: number } | { ok: false; error: string } {
  const raw = input(id).value.trim();
  const n = raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: t('notNumber', { f: label }) };
}

function ruleLabelOf(rule: RuleId): string {
  return ruleById(rule).title[currentLang()];
}

/** How to read a parameter's input back, by the shape of its default value. */
function reader(rule: RuleId, key: string, value: Value): () => Read {
  const id = `p-${rule}-${key}`;
  const label = `${ruleLabelOf(rule)} · ${paramLabel(key)}`;
  if (typeof value === 'boolean') return () => ({ ok: true, value: input(id).checked });
  if (typeof value === 'number') return () => readNumber(id, label);
  if (typeof value === 'string') return () => ({ ok: true, value: input(id).value.trim() });
  if (Array.isArray(value))
    return () => ({
      ok: true,
      value: input(id)
        .value.split(/[、,，\s]+/)
        .filter(Boolean),
    });
  return () => {
    const out: Record<string, number> = {};
    for (const k of Object.keys(value)) {
      const r = readNumber(`${id}-${k}`, `${label} · ${k}`);
      if (!r.ok) return r;
      out[k] = r.value;
    }
    return { ok: true, value: out };
  };
}

function Param({ rule, k, value, disabled }: { rule: RuleId; k: string; value: Value; disabled: boolean }) {
  const id = `p-${rule}-${k}`;
  const doc = (ruleById(rule).paramDocs as Record<string, string>)[k] ?? '';
  const label = paramLabel(k);
  if (typeof value === 'object' && !Array.isArray(value)) {
    return (
      <div class="param group" title={doc}>
        <span class="group-label">{label}</span>
        {Object.entries(value).map(([sub, v]) => (
          <label>
            {sub}
            <input
              id={`${id}-${sub}`}
              type="number"
              step="any"
              class="num"
              defaultValue={String(v)}
              disabled={disabled}
            />
          </label>
        ))}
      </div>
    );
  }
  const field =
    typeof value === 'boolean' ? (
      <input id={id} type="checkbox" defaultChecked={value} disabled={disabled} />
    ) : typeof value === 'number' ? (
      <input id={id} type="number" step="any" class="num" defaultValue={String(value)} disabled={disabled} />
    ) : (
      <input
        id={id}
        defaultValue={Array.isArray(value) ? value.join('、') : value}
        disabled={disabled}
        class={Array.isArray(value) ? 'wide' : ''}
      />
    );
  return (
    <div class="param" title={doc}>
      <label for={id}>{label}</label>
      {field}
    </div>
  );
}

type Message = { kind: 'ok' | 'busy'; text: string } | { kind: 'error'; text: string; list?: string[] };

function Policy({ ctx, data }: { ctx: PageContext; data: PolicyResponse }) {
  const isAdmin = ctx.me.role === 'admin';
  const [message, setMessage] = useState<Message | null>(null);
  useEffect(() => ctx.ready(), []);
  const resolved =
    data.file === null ? { ok: true as const, policy: DEFAULT_POLICY } : resolvePolicy(data.file, currentLang());
  const current = resolved.ok ? resolved.policy : DEFAULT_POLICY;
  const params = (rule: RuleId): Record<string, Value> =>
    (current.rules as Record<string, Record<string, Value>>)[rule] ?? {};

  /** Only what differs from the defaults goes into the file, so the stored policy reads as the bureau's decisions. */
  const build = (): { file: PolicyFile; errors: string[] } => {
    const errors: string[] = [];
    const rules: Record<string, Record<string, Value>> = {};
    for (const rule of RULE_IDS) {
      for (const [key, v] of Object.entries(params(rule))) {
        const r = reader(rule, key, v)();
        if (!r.ok) {
          errors.push(r.error);
          continue;
        }
        const base = (DEFAULT_POLICY.rules as Record<string, Record<string, unknown>>)[rule]?.[key];
        if (JSON.stringify(base) !== JSON.stringify(r.value)) (rules[rule] ??= {})[key] = r.value;
      }
    }
    const id = input('policy-id').value.trim();
    return { file: Object.keys(rules).length > 0 ? { id, rules: rules as PolicyFile['rules'] } : { id }, errors };
  };

  const submit = (event: Event): void => {
    event.preventDefault();
    if (!isAdmin) return;
    const built = build();
    const checked =
      built.errors.length > 0 ? { ok: false as const, errors: built.errors } : resolvePolicy(built.file, currentLang());
    if (!checked.ok) {
      setMessage({ kind: 'error', text: t('invalidForm'), list: checked.errors });
      return;
    }
    setMessage({ kind: 'busy', text: t('loading') });
    const deadline = input('policy-deadline').value;
    value(
      client.policies.put(
        ctx.year,
        { bureau: ctx.bureau ?? data.bureauId, ...(deadline ? { deadline } : {}) },
        built.file,
      ),
    )
      .then(() => setMessage({ kind: 'ok', text: t('saved') }))
      .catch((err: unknown) => setMessage({ kind: 'error', text: errorText(err) }));
  };

  return (
    <>
      <div class="page-head">
        <h1>{t('policyTitle', { year: data.year })}</h1>
      </div>
      <form class="policy-form" onSubmit={submit}>
        <div class="card policy-head">
          <div class="param">
            <label for="policy-id">{t('policyId')}</label>
            <input
              id="policy-id"
              defaultValue={current.id === 'default' ? `${data.bureauId}-${data.year}` : current.id}
              disabled={!isAdmin}
            />
            {data.source === 'default' ? <span class="note">{t('defaultPolicy')}</span> : null}
          </div>
          <div class="param">
            <label for="policy-deadline">{t('deadline')}</label>
            <input id="policy-deadline" type="date" defaultValue={data.deadline} disabled={!isAdmin} />
          </div>
          {isAdmin ? (
            <button type="submit" class="primary" disabled={message?.kind === 'busy'}>
              {t('save')}
            </button>
          ) : (
            <p class="note">{t('adminOnly')}</p>
          )}
          <div class="form-message" role="status">
            {message?.kind === 'busy' ? message.text : null}
            {message && message.kind !== 'busy' ? <p class={message.kind}>{message.text}</p> : null}
            {message?.kind === 'error' && message.list ? (
              <ul class="error">
                {message.list.map((e) => (
                  <li>{e}</li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
        <div class="rules-grid">
          {RULE_IDS.map((rule) => (
            <fieldset class="rule" data-rule={rule}>
              <legend>{ruleLabelOf(rule)}</legend>
              {Object.entries(params(rule)).map(([key, v]) => (
                <Param rule={rule} k={key} value={v} disabled={!isAdmin} />
              ))}
            </fieldset>
          ))}
        </div>
      </form>
    </>
  );
}

export function PolicyPage({ ctx }: { ctx: PageContext }) {
  const load = useLoad(() => value(client.policies.get(ctx.year, ctx.bureau ?? undefined)), []);
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'error') return <ErrorBox error={load.error} retry={load.retry} />;
  return <Policy ctx={ctx} data={load.value} />;
}
