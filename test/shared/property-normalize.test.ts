import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKBONE_TITLES, SUBJECTS, TRAINING_LEVELS, YES_NO } from '../../shared/contract/enums.js';
import {
  checkIdNumber,
  idCheckChar,
  idGender,
  isProvinceCode,
  makeIdNumber,
  PROVINCE_CODES,
} from '../../shared/id-number.js';
import {
  isoDate,
  type Normalized,
  normalizeDate,
  normalizeEnum,
  normalizeGender,
  normalizeHeader,
  normalizeNumber,
  normalizePersonName,
  normalizePhone,
  normalizeSemester,
  normalizeText,
  normalizeTitle,
  prepareText,
  type RawValue,
} from '../../shared/normalize/index.js';
import { propertyRuns } from '../fixtures/property-runs.js';

const RUNS = propertyRuns(process.env.SHIXUN_PROPERTY_RUNS, 10_000);
const YEAR = 2026;

const idParts = fc.record({
  region: fc
    .tuple(fc.constantFrom(...PROVINCE_CODES), fc.integer({ min: 0, max: 9999 }))
    .map(([p, n]) => p + String(n).padStart(4, '0')),
  birthDate: fc
    .date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date(`${YEAR - 18}-12-31T00:00:00Z`), noInvalidDate: true })
    .map((d) => isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())),
  seq: fc.integer({ min: 0, max: 499 }),
  gender: fc.constantFrom('男' as const, '女' as const),
});

describe('makeIdNumber and checkIdNumber (property)', () => {
  it('should accept every generated ID with its gender', () => {
    fc.assert(
      fc.property(idParts, (p) => {
        const id = makeIdNumber(p);
        expect(checkIdNumber(id, YEAR)).toEqual({ ok: true, value: id, fixes: [] });
        expect(idGender(id)).toBe(p.gender);
        expect(isProvinceCode(id.slice(0, 2))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('should detect any single-character change', () => {
    fc.assert(
      fc.property(idParts, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (p, pos, delta) => {
        const id = makeIdNumber(p);
        const alphabet = pos === 17 ? '0123456789X' : '0123456789';
        const next = alphabet[(alphabet.indexOf(id[pos]!) + delta) % alphabet.length]!;
        fc.pre(next !== id[pos]);
        const changed = id.slice(0, pos) + next + id.slice(pos + 1);
        expect(checkIdNumber(changed, YEAR).ok).toBe(false);
        expect(idCheckChar(changed) === changed[17]).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

const messyChar = fc.constantFrom(
  '0',
  '1',
  '2',
  '3',
  '9',
  '.',
  '-',
  '/',
  ':',
  ' ',
  '\u00a0',
  '\u3000',
  '\t',
  '\n',
  '０',
  '１',
  '９',
  '．',
  '－',
  '（',
  '）',
  '：',
  '年',
  '月',
  '日',
  '学',
  '时',
  '小',
  '元',
  '节',
  'h',
  'x',
  'X',
  'Ｘ',
  'a',
  'Ａ',
  '是',
  '否',
  '男',
  '女',
  '区',
  '级',
  '县',
  '校',
  '高',
  '一',
  '二',
  '教',
  '师',
  '中',
  '春',
  '秋',
  '季',
  '第',
  '期',
  '·',
  '张',
  '三',
  'e',
  '+',
  ',',
  '√',
  '×',
);
const messyString = fc.oneof(
  fc.string({ unit: messyChar, maxLength: 24 }),
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const rawValue: fc.Arbitrary<RawValue> = fc.oneof(
  messyString,
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e6, max: 3e7 }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: false }),
);

type Norm = (raw: RawValue) => Normalized<unknown>;
const NORMALIZERS: [string, Norm][] = [
  ['date', (x) => normalizeDate(x)],
  ['yearMonth', (x) => normalizeDate(x, { yearMonth: true })],
  ['number', normalizeNumber],
  ['enum level', (x) => normalizeEnum(x, TRAINING_LEVELS)],
  ['enum subject', (x) => normalizeEnum(x, SUBJECTS)],
  ['enum backbone', (x) => normalizeEnum(x, BACKBONE_TITLES)],
  ['yes/no', (x) => normalizeEnum(x, YES_NO)],
  ['gender', normalizeGender],
  ['title', normalizeTitle],
  ['semester', normalizeSemester],
  ['phone', normalizePhone],
  ['person name', normalizePersonName],
  ['text', (x) => normalizeText(x, { minLength: 2, maxLength: 100 })],
  ['id number', (x) => checkIdNumber(x, YEAR) as Normalized<unknown>],
];

describe('normalizers (property)', () => {
  it.each(NORMALIZERS)('%s should never throw and be idempotent', (_name, norm) => {
    fc.assert(
      fc.property(rawValue, (x) => {
        const r = norm(x);
        if (!r.ok) {
          expect(typeof r.code).toBe('string');
          return;
        }
        const again = norm(r.value as RawValue);
        expect(again).toEqual({ ok: true, value: r.value, fixes: [] });
      }),
      { numRuns: RUNS },
    );
  });

  it('prepareText and normalizeHeader should be idempotent', () => {
    fc.assert(
      fc.property(messyString, (s) => {
        const p = prepareText(s);
        expect(prepareText(p.text)).toEqual({ text: p.text, fixes: [] });
        expect(normalizeHeader(normalizeHeader(s))).toBe(normalizeHeader(s));
      }),
      { numRuns: RUNS },
    );
  });
});
