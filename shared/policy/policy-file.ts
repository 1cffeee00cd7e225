/**
 * Policy files: a bureau's JSON that switches rules off or changes their parameters (policy.md,
 * "Policy files"). The file is checked strictly — an unknown rule id or parameter is an error, never
 * ignored — and merged over the defaults of rules/*. Only what reads a policy file imports this module
 * (and zod with it); the defaults are in defaults.ts.
 */
import { z } from 'zod';
import type { Lang } from '../contract/codes.js';
import { RECOGNITION_MODES } from '../recognition/types.js';
import { DEFAULT_RECOGNITION, type ResolvedPolicy } from './defaults.js';
import type { ParamsSchema } from './rules/define.js';
import { RULE_IDS, type RuleParams, ruleById } from './rules/index.js';
import type { RuleId } from './types.js';

/**
 * Each rule's parameter schema, made from zod when a file is first parsed (a rule gives a maker,
 * not a schema: see rules/define.ts).
 */
const paramSchemas = new Map<RuleId, ParamsSchema<{ enabled: boolean }>>();
function paramsOf(id: RuleId): ParamsSchema<{ enabled: boolean }> {
  let schema = paramSchemas.get(id);
  if (!schema) {
    schema = ruleById(id).params(z);
    paramSchemas.set(id, schema);
  }
  return schema;
}

/** A rule's parameters, each optional; a nested group (dueYears) may also be given in part. */
function overrideSchema(params: Pick<z.ZodObject, 'shape'>): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(params.shape)) {
    shape[key] = (field instanceof z.ZodObject ? field.partial() : (field as z.ZodType)).optional();
  }
  return z.strictObject(shape);
}

const ruleOverrides: Record<string, z.ZodOptional<z.ZodObject>> = {};
for (const id of RULE_IDS) ruleOverrides[id] = overrideSchema(paramsOf(id)).optional();

export const policyFileSchema = z.strictObject({
  /** Names the policy in reports (`policy.id` of check --json), e.g. "jintan-2026". */
  id: z.string().trim().min(1).max(100),
  /** off: no statuses; flag: statuses shown, recorded hours count; require: only recognised hours count. */
  recognition: z.enum(RECOGNITION_MODES).optional(),
  rules: z.strictObject(ruleOverrides).optional(),
});
export type PolicyFile = z.infer<typeof policyFileSchema>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describeIssue(issue: z.core.$ZodIssue, lang: Lang): string[] {
  const path = issue.path.map(String);
  const where = path.join('.');
  if (issue.code !== 'unrecognized_keys') return [`${where || '(file)'}: ${issue.message}`];
  const en = lang === 'en';
  return issue.keys.map((key) => {
    if (path.length === 0) {
      return en
        ? `unknown field "${key}" in the policy file (allowed: id, recognition, rules)`
        : `策略文件中有未知字段“${key}”（允许的字段：id, recognition, rules）`;
    }
    if (path.length === 1 && path[0] === 'rules') {
      return en
        ? `unknown rule id "${key}" (known rules: ${RULE_IDS.join(', ')})`
        : `未知的规则 “${key}”（可用的规则：${RULE_IDS.join(', ')}）`;
    }
    const rule = path[1] as RuleId;
    const shape = paramsOf(rule).shape;
    const group = shape[path[2] ?? ''];
    const allowed = Object.keys(path.length === 2 ? shape : group instanceof z.ZodObject ? group.shape : {});
    return en
      ? `${where}: unknown parameter "${key}" of rule ${rule} (allowed: ${allowed.join(', ')})`
      : `${where}：规则 ${rule} 没有参数 “${key}”（可用的参数：${allowed.join(', ')}）`;
  });
}

/** The file merged over the defaults, or every problem found in it (messages in `lang`). */
export function resolvePolicy(
  file: unknown,
  lang: Lang = 'zh',
): { ok: true; policy: ResolvedPolicy } | { ok: false; errors: string[] } {
  const parsed = policyFileSchema.safeParse(file);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap((i) => describeIssue(i, lang)) };
  const overrides: Record<string, unknown> = parsed.data.rules ?? {};
  const rules: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const id of RULE_IDS) {
    const rule = ruleById(id);
    const merged: Record<string, unknown> = { ...rule.defaults };
    const override = overrides[id];
    if (isPlainObject(override)) {
      for (const [key, value] of Object.entries(override)) {
        if (value === undefined) continue;
        const base = merged[key];
        merged[key] = isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value;
      }
    }
    const checked = paramsOf(id).safeParse(merged);
    if (checked.success) rules[id] = checked.data;
    else
      errors.push(
        ...checked.error.issues.flatMap((i) => describeIssue({ ...i, path: ['rules', id, ...i.path] }, lang)),
      );
  }
  if (errors.length > 0) return { ok: false, errors };
  const recognition = parsed.data.recognition ?? DEFAULT_RECOGNITION;
  return { ok: true, policy: { id: parsed.data.id, recognition, rules: rules as RuleParams } };
}
