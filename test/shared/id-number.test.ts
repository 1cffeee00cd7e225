import { describe, expect, it } from 'vitest';
import { checkIdNumber, idBirthDate, idCheckChar, idGender, makeIdNumber } from '../../shared/id-number.js';

const YEAR = 2026;
const valid = makeIdNumber({ region: '320102', birthDate: '1980-01-01', seq: 61, gender: '男' });

function withCheck(first17: string): string {
  return first17 + idCheckChar(first17);
}

describe('checkIdNumber', () => {
  it('should accept the standard example with an X check character', () => {
    expect(checkIdNumber('11010519491231002X', YEAR)).toEqual({ ok: true, value: '11010519491231002X', fixes: [] });
  });
  it('should accept a generated number and read gender and birth date from it', () => {
    expect(checkIdNumber(valid, YEAR)).toMatchObject({ ok: true, value: valid });
    expect(idGender(valid)).toBe('男');
    expect(idBirthDate(valid)).toBe('1980-01-01');
  });
  it('should fix a lower-case x with fix.normalize', () => {
    expect(checkIdNumber('11010519491231002x', YEAR)).toEqual({
      ok: true,
      value: '11010519491231002X',
      fixes: ['fix.normalize'],
    });
  });
  it('should fix full-width digits and surrounding spaces', () => {
    const fw = [...valid].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(checkIdNumber(` ${fw} `, YEAR)).toEqual({ ok: true, value: valid, fixes: ['fix.trim', 'fix.fullwidth'] });
  });
  it('should report any number cell as scientific', () => {
    expect(checkIdNumber(320102198001011230, YEAR)).toEqual({ ok: false, code: 'id_number.scientific' });
    expect(checkIdNumber(3.20102e17, YEAR)).toEqual({ ok: false, code: 'id_number.scientific' });
  });
  it('should report text that shows Excel rounding as scientific', () => {
    expect(checkIdNumber('3.20102E+17', YEAR)).toEqual({ ok: false, code: 'id_number.scientific' });
    const rounded = '320102198505061000';
    expect(idCheckChar(rounded)).not.toBe('0');
    expect(checkIdNumber(rounded, YEAR)).toEqual({ ok: false, code: 'id_number.scientific' });
  });
  it('should accept 18 digits ending in 000 when the check character is right', () => {
    expect(idCheckChar('32010219800101100')).toBe('0');
    expect(checkIdNumber('320102198001011000', YEAR)).toMatchObject({ ok: true });
  });
  it('should report a 15-digit number as legacy', () => {
    expect(checkIdNumber('320102800101123', YEAR)).toEqual({ ok: false, code: 'id_number.legacy' });
  });
  it('should report wrong lengths and characters as format', () => {
    for (const s of ['32010219800101123', '3201021980010112345', '32010219800101123Y', '身份证号码']) {
      expect(checkIdNumber(s, YEAR)).toEqual({ ok: false, code: 'id_number.format' });
    }
    expect(checkIdNumber(true, YEAR)).toEqual({ ok: false, code: 'id_number.format' });
  });
  it('should report an unknown province code as region', () => {
    expect(checkIdNumber(withCheck('99010219800101123'), YEAR)).toEqual({ ok: false, code: 'id_number.region' });
    expect(checkIdNumber(withCheck('10010219800101123'), YEAR)).toEqual({ ok: false, code: 'id_number.region' });
  });
  it('should report impossible or out-of-range birth dates', () => {
    expect(checkIdNumber(withCheck('32010219800230123'), YEAR)).toEqual({ ok: false, code: 'id_number.birthdate' });
    expect(checkIdNumber(withCheck('32010219391231123'), YEAR)).toEqual({ ok: false, code: 'id_number.birthdate' });
    expect(checkIdNumber(withCheck('32010220090101123'), YEAR)).toEqual({ ok: false, code: 'id_number.birthdate' });
    expect(checkIdNumber(withCheck('32010220081231123'), YEAR)).toMatchObject({ ok: true });
    expect(checkIdNumber(withCheck('32010219400101123'), YEAR)).toMatchObject({ ok: true });
  });
  it('should report a wrong check character as checksum', () => {
    const wrong = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
    expect(checkIdNumber(wrong, YEAR)).toEqual({ ok: false, code: 'id_number.checksum' });
  });
  it('should apply the precedence region > birthdate > checksum', () => {
    const allBad = `99010219800230123${idCheckChar('99010219800230123') === '1' ? '2' : '1'}`;
    expect(checkIdNumber(allBad, YEAR)).toEqual({ ok: false, code: 'id_number.region' });
    const badBirth = `32010219800230123${idCheckChar('32010219800230123') === '1' ? '2' : '1'}`;
    expect(checkIdNumber(badBirth, YEAR)).toEqual({ ok: false, code: 'id_number.birthdate' });
  });
});

describe('makeIdNumber', () => {
  it('should encode gender in the 17th digit', () => {
    expect(idGender(makeIdNumber({ region: '320102', birthDate: '1990-05-06', seq: 7, gender: '女' }))).toBe('女');
    expect(idGender(makeIdNumber({ region: '320102', birthDate: '1990-05-06', seq: 7, gender: '男' }))).toBe('男');
  });
});
