/** The check report's school lines: a share reads as a percentage, as its reason says it. */
import { describe, expect, it } from 'vitest';
import { renderCompliance } from '../../scripts/cli/report.js';
import { check, records, school } from '../fixtures/policy-records.js';

describe('check report figures', () => {
  it('should give the training-funds share as percentages, not as 0.04 / 0.05', () => {
    const low = check(records({ school: school({ publicBudget: 1_000_000, trainingFunds: 40_000 }) }));
    const zh = renderCompliance(low, 'zh');
    expect(zh).toContain('实际 4% / 要求 5%');
    expect(zh).not.toContain('实际 0.04');
    expect(renderCompliance(low, 'en')).toContain('actual 4% / required 5%');
  });
});
