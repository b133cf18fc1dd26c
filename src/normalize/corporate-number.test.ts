import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCorporateNumber } from './corporate-number.js';

// Published 法人番号, each checked by hand against the rule before use here.
const NTA = '7000012050002'; // 国税庁
const TOYOTA = '1180301018771'; // トヨタ自動車株式会社
const SOFTBANK_GROUP = '2010401068889'; // ソフトバンクグループ株式会社

const toFullWidth = (s: string): string => s.replace(/[0-9]/gu, (d) => String.fromCodePoint(0xff10 + Number(d)));

describe('parseCorporateNumber', () => {
  it.each<[string, string, boolean]>([
    [NTA, NTA, true],
    [TOYOTA, TOYOTA, true],
    [SOFTBANK_GROUP, SOFTBANK_GROUP, true],
    [toFullWidth(NTA), NTA, true],
    ['7-0000-1205-0002', NTA, true],
    ['7000-01-205-0002', NTA, true],
    ['7 0000 1205 0002', NTA, true],
    ['7\u30000000\u30001205\u30000002', NTA, true],
    [toFullWidth('1180-3010-18771').replace(/-/gu, '－'), TOYOTA, true],
    ['T1180301018771', TOYOTA, true],
    [`Ｔ${toFullWidth(TOYOTA)}`, TOYOTA, true],
    ['法人番号：2010401068889', SOFTBANK_GROUP, true],
    // One digit wrong in the base, or the check digit wrong.
    ['7000012050003', '7000012050003', false],
    ['8000012050002', '8000012050002', false],
    ['1180301018772', '1180301018772', false],
    ['2010401068888', '2010401068888', false],
    // Transposed digits.
    ['1183001018771', '1183001018771', false],
    // Lengths other than 13.
    ['700001205000', '700001205000', false],
    ['70000120500021', '70000120500021', false],
    ['123', '123', false],
    ['0000000000000', '0000000000000', false],
  ])('%j → %s valid=%s', (input, digits, valid) => {
    expect(parseCorporateNumber(input)).toEqual({ digits, valid });
  });

  it.each(['', '　', 'なし', '未取得', '申請中', '-', 'N/A'])('%j holds no digits', (input) => {
    expect(parseCorporateNumber(input)).toBeNull();
  });

  it('accepts exactly one check digit for any 12-digit base, and never 0', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/u), (base) => {
        const validLeads = [...'0123456789'].filter((d) => parseCorporateNumber(`${d}${base}`)?.valid);
        expect(validLeads).toHaveLength(1);
        expect(validLeads[0]).not.toBe('0');
      }),
    );
  });

  it('catches any single changed digit in the base that is not 0↔9', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{12}$/u),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 8 }),
        (base, position, shift) => {
          const lead = [...'123456789'].find((d) => parseCorporateNumber(`${d}${base}`)?.valid) ?? '';
          const changed = (Number(base[position]) + shift) % 10;
          // 0 and 9 differ by 9, which mod 9 the rule cannot see at an odd weight.
          fc.pre(Math.abs(changed - Number(base[position])) !== 9);
          const altered = `${base.slice(0, position)}${changed}${base.slice(position + 1)}`;
          expect(parseCorporateNumber(`${lead}${altered}`)?.valid).toBe(false);
        },
      ),
    );
  });
});
