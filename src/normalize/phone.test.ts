import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.js';

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const toFullWidth = (s: string): string =>
  s.replace(/[0-9]/gu, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d).replace(/-/gu, '－').replace(/\(/gu, '（').replace(/\)/gu, '）');

describe('normalizePhone', () => {
  it.each<[string, string]>([
    ['03-1234-5678', '03-1234-5678'],
    ['０３－１２３４－５６７８', '03-1234-5678'],
    ['０３ー１２３４ー５６７８', '03-1234-5678'],
    ['03ー1234ー5678', '03-1234-5678'],
    ['03−1234−5678', '03-1234-5678'],
    ['03‐1234‐5678', '03-1234-5678'],
    ['03–1234–5678', '03-1234-5678'],
    ['03(1234)5678', '03-1234-5678'],
    ['03（1234）5678', '03-1234-5678'],
    ['(03)1234-5678', '03-1234-5678'],
    ['（０３）１２３４－５６７８', '03-1234-5678'],
    ['(03) 1234-5678', '03-1234-5678'],
    ['03 1234 5678', '03-1234-5678'],
    ['03\u30001234\u30005678', '03-1234-5678'],
    ['03.1234.5678', '03-1234-5678'],
    ['0312345678', '0312345678'],
    ['０３１２３４５６７８', '0312345678'],
    ['  03-1234-5678  ', '03-1234-5678'],
    ['03-1234-5678（内線123）', '03-1234-5678'],
    ['03-1234-5678 内線123', '03-1234-5678'],
    ['03-1234-5678(内線:123)', '03-1234-5678'],
    ['03-1234-5678 ext. 12', '03-1234-5678'],
    ['03-1234-5678 EXT12', '03-1234-5678'],
    ['03-1234-5678 x12', '03-1234-5678'],
    ['03-1234-5678（代表）', '03-1234-5678'],
    ['03-1234-5678(直通)', '03-1234-5678'],
    ['TEL:03-1234-5678', '03-1234-5678'],
    ['TEL 03-1234-5678', '03-1234-5678'],
    ['Tel. 03-1234-5678', '03-1234-5678'],
    ['電話：03-1234-5678', '03-1234-5678'],
    ['090-1234-5678', '090-1234-5678'],
    ['０９０－１２３４－５６７８', '090-1234-5678'],
    ['090-1234-5678（携帯）', '090-1234-5678'],
    ['080 1234 5678', '080-1234-5678'],
    ['06-6123-4567', '06-6123-4567'],
    ['045-123-4567', '045-123-4567'],
    ['0120-123-456', '0120-123-456'],
    ['0570-012-345', '0570-012-345'],
    ['050-1234-5678', '050-1234-5678'],
    ['03--1234--5678', '03-1234-5678'],
    ['+81-3-1234-5678', '+81-3-1234-5678'],
    ['+81 3 1234 5678', '+81-3-1234-5678'],
    ['+81(0)3-1234-5678', '+81-3-1234-5678'],
    ['+81 (0)3 1234 5678', '+81-3-1234-5678'],
    ['+81-03-1234-5678', '+81-3-1234-5678'],
    ['+81-90-1234-5678', '+81-90-1234-5678'],
    ['+81 90-1234-5678', '+81-90-1234-5678'],
    ['＋８１－９０－１２３４－５６７８', '+81-90-1234-5678'],
    ['+81312345678', '+81-312345678'],
    ['+810312345678', '+81-312345678'],
  ])('%j → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    '',
    '未定',
    '03-1234-567',
    '3-1234-5678',
    '03-1234-56789-0',
    '090-1234-56789',
    '1234-5678',
    '03-1234-5678 / 090-1234-5678',
    '03-1234-5678、03-1234-5679',
    '03-ABCD-5678',
    '+1-212-555-0100',
    '+44 20 7946 0958',
    '+81-3-1234-567',
    '+81-90-1234-56789',
    '81-3-1234-5678',
    'yamada@example.co.jp',
  ])('%j is not a phone number', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  // Trunk 0, then a digit other than 0 (00… is the international prefix), 10 or 11 digits in all.
  const domesticNumber = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.stringMatching(/^[1-9][0-9]{8,9}$/u))
    .map(([areaDigits, rest]) => {
      const digits = `0${rest}`;
      const area = Math.min(areaDigits + 1, digits.length - 8);
      const local = digits.slice(area);
      const split = local.length - 4;
      return { area: digits.slice(0, area), exchange: local.slice(0, split), line: local.slice(split) };
    });

  it('writes any domestic number the same way however it is punctuated or typed', () => {
    fc.assert(
      fc.property(domesticNumber, ({ area, exchange, line }) => {
        const expected = `${area}-${exchange}-${line}`;
        for (const text of [expected, `${area}(${exchange})${line}`, `(${area})${exchange}-${line}`, `${area} ${exchange} ${line}`, `${area}ー${exchange}ー${line}`]) {
          expect(normalizePhone(text)).toBe(expected);
          expect(normalizePhone(toFullWidth(text))).toBe(expected);
          expect(normalizePhone(`${text}（内線12）`)).toBe(expected);
        }
      }),
    );
  });

  it('writes any +81 number with the trunk 0 dropped', () => {
    fc.assert(
      fc.property(domesticNumber, ({ area, exchange, line }) => {
        const expected = `+81-${area.slice(1)}-${exchange}-${line}`;
        expect(normalizePhone(`+81-${area.slice(1)}-${exchange}-${line}`)).toBe(expected);
        expect(normalizePhone(`+81(0)${area.slice(1)}-${exchange}-${line}`)).toBe(expected);
        expect(normalizePhone(`+81 ${area} ${exchange} ${line}`)).toBe(expected);
      }),
    );
  });
});
