import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPolicyDoc } from '../../scripts/policy-doc.js';
import { DEFAULT_POLICY, RULE_IDS } from '../../shared/policy/index.js';

describe('docs/POLICY.md', () => {
  it('should match the rule definitions (run npm run docs:policy after changing a rule)', () => {
    const onDisk = readFileSync(new URL('../../docs/POLICY.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderPolicyDoc());
  });

  it('should document every rule and every parameter', () => {
    const doc = renderPolicyDoc();
    for (const id of RULE_IDS) {
      expect(doc).toContain(`### \`${id}\``);
      for (const key of Object.keys(DEFAULT_POLICY.rules[id]))
        expect(doc).toMatch(new RegExp(`\\| \`${key}\` \\| .+ \\| .+ \\|`));
    }
  });
});
