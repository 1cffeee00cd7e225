import { describe, expect, it } from 'vitest';
import { bureauCreateSchema, reviewRequestSchema, tokenIssueSchema } from '../../shared/api/requests.js';
import { makeIdNumber } from '../../shared/id-number.js';
import { maskId, maskIdNumbersIn } from '../../shared/policy/index.js';

const id = makeIdNumber({ region: '320102', birthDate: '1985-03-15', seq: 61, gender: '男' });
const withX = (() => {
  for (let seq = 0; seq < 500; seq++) {
    const v = makeIdNumber({ region: '320102', birthDate: '1990-07-01', seq, gender: '女' });
    if (v.endsWith('X')) return v;
  }
  throw new Error('no ID ending in X');
})();

describe('maskIdNumbersIn', () => {
  it('should mask a full ID number wherever it stands in a text', () => {
    expect(maskIdNumbersIn(id)).toBe(maskId(id));
    expect(maskIdNumbersIn(`证书号${id}，已核`)).toBe(`证书号${maskId(id)}，已核`);
    expect(maskIdNumbersIn(`${id} ${withX.toLowerCase()}`)).toBe(`${maskId(id)} ${maskId(withX)}`);
  });

  it('should leave numbers that are not ID numbers as typed', () => {
    const badCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const badRegion = `00${id.slice(2, 17)}${id[17]}`;
    expect(maskIdNumbersIn(`ZS${badCheck}`)).toBe(`ZS${badCheck}`);
    expect(maskIdNumbersIn(badRegion)).toBe(badRegion);
    // Part of a longer number (an account number), or only 17 digits: not an ID.
    expect(maskIdNumbersIn(`${id}7`)).toBe(`${id}7`);
    expect(maskIdNumbersIn(`9${id}`)).toBe(`9${id}`);
    expect(maskIdNumbersIn(id.slice(0, 17))).toBe(id.slice(0, 17));
    expect(maskIdNumbersIn('ZS2025000123')).toBe('ZS2025000123');
  });
});

describe('stored free text in the request schemas', () => {
  it('should strip the bidi and zero-width characters a review comment carries, and mask an ID in it', () => {
    const r = reviewRequestSchema.parse({ decision: 'return', comment: `\u202e请补充\u200b证明 ${id}\u2066` });
    expect(r.comment).toBe(`请补充证明 ${maskId(id)}`);
  });

  it('should refuse a return whose comment is nothing but invisible characters', () => {
    expect(reviewRequestSchema.safeParse({ decision: 'return', comment: '\u202e\u200b\u2067' }).success).toBe(false);
  });

  it('should clean names and labels the same way, and still bound their length', () => {
    expect(bureauCreateSchema.parse({ id: 'Z', name: ' 梁溪区\u202d教育局 ' }).name).toBe('梁溪区教育局');
    expect(tokenIssueSchema.parse({ role: 'reviewer', bureauId: 'A', label: `审核员\u202e${id}` }).label).toBe(
      `审核员${maskId(id)}`,
    );
    expect(tokenIssueSchema.safeParse({ role: 'reviewer', bureauId: 'A', label: 'x'.repeat(101) }).success).toBe(false);
  });
});
