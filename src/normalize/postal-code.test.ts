import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePostalCode, postalCodeInAddress } from './postal-code.js';

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const toFullWidth = (s: string): string => s.replace(/[0-9]/gu, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d).replace(/-/gu, '－');

describe('normalizePostalCode', () => {
  it.each<[string, string]>([
    ['100-8901', '100-8901'],
    ['1008901', '100-8901'],
    ['〒100-8901', '100-8901'],
    ['〒 100-8901', '100-8901'],
    ['〒１００－８９０１', '100-8901'],
    ['１００－８９０１', '100-8901'],
    ['１００ー８９０１', '100-8901'],
    ['100ー8901', '100-8901'],
    ['100−8901', '100-8901'],
    ['100‐8901', '100-8901'],
    ['100 8901', '100-8901'],
    ['100\u30008901', '100-8901'],
    ['100 - 8901', '100-8901'],
    ['  100-8901  ', '100-8901'],
    ['〶100-8901', '100-8901'],
    ['060-0001', '060-0001'],
    ['9071801', '907-1801'],
  ])('%j → %s', (input, expected) => {
    expect(normalizePostalCode(input)).toBe(expected);
  });

  it.each(['', '未定', '100-890', '10-8901', '1000-8901', '100-89011', '10089011', '100890', '〒', '100/8901', '100-8901 東京都', 'ABC-DEFG'])(
    '%j is not a postal code',
    (input) => {
      expect(normalizePostalCode(input)).toBeNull();
    },
  );

  it('writes any seven digits as NNN-NNNN however they are typed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{7}$/u), fc.constantFrom('', '〒', '〒 '), fc.constantFrom('', '-', ' ', 'ー'), (digits, mark, hyphen) => {
        const expected = `${digits.slice(0, 3)}-${digits.slice(3)}`;
        const text = `${mark}${digits.slice(0, 3)}${hyphen}${digits.slice(3)}`;
        expect(normalizePostalCode(text)).toBe(expected);
        expect(normalizePostalCode(toFullWidth(text))).toBe(expected);
      }),
    );
  });
});

describe('postalCodeInAddress', () => {
  it.each<[string, string | null]>([
    ['〒100-8901 東京都千代田区霞が関1-3-1', '100-8901'],
    ['〒１００－８９０１　東京都千代田区霞が関１－３－１', '100-8901'],
    ['〒 100-8901 東京都千代田区霞が関1-3-1', '100-8901'],
    ['〒1008901東京都千代田区霞が関1-3-1', '100-8901'],
    ['東京都千代田区霞が関1-3-1（〒100-8901）', '100-8901'],
    ['東京都千代田区霞が関1-3-1 〒100-8901', '100-8901'],
    ['100-8901 東京都千代田区霞が関1-3-1', '100-8901'],
    ['100-8901東京都千代田区霞が関1-3-1', '100-8901'],
    ['1008901 東京都千代田区霞が関1-3-1', '100-8901'],
    ['１００－８９０１　東京都千代田区霞が関１－３－１', '100-8901'],
    ['  100-8901 東京都千代田区', '100-8901'],
    ['東京都千代田区霞が関1-3-1', null],
    ['東京都港区六本木6-10-1 六本木ヒルズ森タワー', null],
    ['大阪府大阪市北区梅田3-1-3 1008901号室', null],
    ['10-1 東京都千代田区', null],
    ['1000-8901 東京都', null],
    ['10089012 東京都', null],
    ['〒100-89012 東京都千代田区', null],
    ['東京都千代田区', null],
    ['', null],
  ])('%j → %s', (input, expected) => {
    expect(postalCodeInAddress(input)).toBe(expected);
  });
});
