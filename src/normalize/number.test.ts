import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCount, parseJapaneseNumber, parseMonths, parseYen } from './number.js';

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const toFullWidth = (s: string): string =>
  s.replace(/[0-9]/gu, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d).replace(/,/gu, '，').replace(/\./gu, '．');

/** 123456789012 → "1234億5678万9012", with commas inside groups when asked ("1,234億5,678万9,012"). */
function toGroups(n: number, commas: boolean): string {
  if (n === 0) return '0';
  const units = ['', '万', '億', '兆'];
  let rest = n;
  let text = '';
  for (const unit of units) {
    const group = rest % 10_000;
    if (group > 0) text = `${commas ? group.toLocaleString('en-US') : group}${unit}${text}`;
    rest = Math.floor(rest / 10_000);
  }
  return rest > 0 ? `${rest}${text}` : text;
}

/** 1234 → "千二百三十四", 13000000000 → "百三十億": 一 is not written before 十, 百 and 千. */
function toKanji(n: number): string {
  if (n === 0) return '〇';
  const digits = '〇一二三四五六七八九';
  const smallUnits: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  const groupText = (group: number): string =>
    smallUnits
      .map(([size, unit]) => {
        const d = Math.floor(group / size) % 10;
        if (d === 0) return '';
        return d === 1 && unit !== '' ? unit : `${digits[d]}${unit}`;
      })
      .join('');
  const bigUnits = ['', '万', '億', '兆'];
  let text = '';
  let rest = n;
  for (const unit of bigUnits) {
    const group = rest % 10_000;
    if (group > 0) text = `${groupText(group)}${unit}${text}`;
    rest = Math.floor(rest / 10_000);
  }
  return text;
}

describe('parseJapaneseNumber', () => {
  it.each<[string, number]>([
    ['512', 512],
    ['０', 0],
    ['５１２', 512],
    ['1,024', 1024],
    ['１，０２４', 1024],
    ['7,000,000,000', 7_000_000_000],
    ['７，０００，０００，０００', 7_000_000_000],
    ['1\u2009000\u2009000', 1_000_000],
    ['1\u202F024', 1024],
    ['130億', 13_000_000_000],
    ['１３０億', 13_000_000_000],
    ['1億2,000万', 120_000_000],
    ['1億2000万', 120_000_000],
    ['１億２，０００万', 120_000_000],
    ['1兆2000億', 1_200_000_000_000],
    ['1兆', 1_000_000_000_000],
    ['5000億', 500_000_000_000],
    ['1.5兆', 1_500_000_000_000],
    ['１．５兆', 1_500_000_000_000],
    ['1.1億', 110_000_000],
    ['0.5万', 5000],
    ['3千万', 30_000_000],
    ['3千5百万', 35_000_000],
    ['5千', 5000],
    ['1万2345', 12_345],
    ['百三十億', 13_000_000_000],
    ['十五', 15],
    ['十', 10],
    ['二十', 20],
    ['百', 100],
    ['千', 1000],
    ['三千五百', 3500],
    ['一万二千三百四十五', 12_345],
    ['七十億', 7_000_000_000],
    ['五千億', 500_000_000_000],
    ['二〇二三', 2023],
    ['13B', 13_000_000_000],
    ['13b', 13_000_000_000],
    ['１３Ｂ', 13_000_000_000],
    ['13 billion', 13_000_000_000],
    ['13 Billion parameters', 13_000_000_000],
    ['7B', 7_000_000_000],
    ['1.5B', 1_500_000_000],
    ['700M', 700_000_000],
    ['700 million', 700_000_000],
    ['2T', 2_000_000_000_000],
    ['2 trillion', 2_000_000_000_000],
    ['2T tokens', 2_000_000_000_000],
    ['100K', 100_000],
    ['1.5k GPU hours', 1500],
    ['約200万時間', 2_000_000],
    ['約 200 万 時間', 2_000_000],
    ['約200万GPU時間', 2_000_000],
    ['200万GPU時間程度', 2_000_000],
    ['およそ100億パラメータ', 10_000_000_000],
    ['概ね1兆トークン', 1_000_000_000_000],
    ['最大512基', 512],
    ['計512枚', 512],
    ['合計 1,024 基', 1024],
    ['～512基', 512],
    ['〜512基', 512],
    ['512基', 512],
    ['５１２枚', 512],
    ['512 台', 512],
    ['512GPU', 512],
    ['512 GPUs', 512],
    ['15名', 15],
    ['約20人', 20],
    ['２０名程度', 20],
    ['30個', 30],
    ['100万h', 1_000_000],
    ['100,000 hours', 100_000],
    ['1兆トークン', 1_000_000_000_000],
    ['2 trillion tokens', 2_000_000_000_000],
    ['130億パラメータ', 13_000_000_000],
    ['130億パラメーター', 13_000_000_000],
    ['13B params', 13_000_000_000],
    ['512基以上', 512],
    ['100億規模', 10_000_000_000],
    ['512基（予定）', 512],
    ['512基(見込み)', 512],
    ['　512基　', 512],
    ['1億2,000万円', 120_000_000],
  ])('%s → %d', (input, expected) => {
    expect(parseJapaneseNumber(input)).toBe(expected);
  });

  it.each([
    '',
    '　',
    '未定',
    '検討中',
    '調整中',
    '非公開',
    '-',
    '―',
    '100〜200',
    '100～200',
    '100-200',
    '100万～200万',
    '100から200',
    '100 200',
    '512基 (64ノード)',
    'H100 512基',
    '512/1024',
    '-5',
    '−5',
    '▲100',
    '数億',
    '数百',
    '1e9',
    '1.2.3',
    '.5',
    '1億1億',
    '1万1万',
    '十十',
    '1億12000万',
    '2TB',
    '512基のうち256基',
    '約',
    '億',
    '万円',
  ])('%j is not one number', (input) => {
    expect(parseJapaneseNumber(input)).toBeNull();
  });

  it('reads any integer written with comma grouping, in half or full width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const text = n.toLocaleString('en-US');
        expect(parseJapaneseNumber(text)).toBe(n);
        expect(parseJapaneseNumber(toFullWidth(text))).toBe(n);
      }),
    );
  });

  it('reads any safe integer written in 万/億/兆 groups', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.boolean(), (n, commas) => {
        expect(parseJapaneseNumber(toGroups(n, commas))).toBe(n);
      }),
    );
  });

  it('reads any safe integer written in kanji numerals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseJapaneseNumber(toKanji(n))).toBe(n);
      }),
    );
  });

  it('applies English suffixes exactly', () => {
    const suffixes: [string, number][] = [
      ['K', 1e3],
      ['thousand', 1e3],
      ['M', 1e6],
      [' million', 1e6],
      ['B', 1e9],
      [' billion', 1e9],
      ['T', 1e12],
      [' trillion', 1e12],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(...suffixes), (n, [suffix, factor]) => {
        expect(parseJapaneseNumber(`${n}${suffix}`)).toBe(n * factor);
      }),
    );
  });

  it('multiplies decimals exactly (no 110000000.00000001 for 1.1億)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (tenths) => {
        const decimal = `${Math.floor(tenths / 10)}.${tenths % 10}`;
        expect(parseJapaneseNumber(`${decimal}億`)).toBe(tenths * 10_000_000);
        expect(parseJapaneseNumber(`${decimal}万`)).toBe(tenths * 1000);
      }),
    );
  });

  it('ignores approximations and units around any number, and never reads a negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom('', '約', 'およそ', '概ね', '最大', '合計', '～'),
        fc.constantFrom('', '基', '枚', '名', '時間', 'GPU時間', 'トークン'),
        fc.constantFrom('', '程度', '以上', '規模'),
        (n, before, unit, after) => {
          const text = `${before}${n.toLocaleString('en-US')}${unit}${after}`;
          expect(parseJapaneseNumber(text)).toBe(n);
          expect(parseJapaneseNumber(`-${text}`)).toBeNull();
        },
      ),
    );
  });
});

describe('parseCount', () => {
  it.each<[string, number | null]>([
    ['512基', 512],
    ['５１２枚', 512],
    ['1,024', 1024],
    ['1.5兆', 1_500_000_000_000],
    ['1.5兆トークン', 1_500_000_000_000],
    ['130億', 13_000_000_000],
    ['13B', 13_000_000_000],
    ['約20人', 20],
    ['0', 0],
    ['2.5枚', null],
    ['0.5', null],
    ['1.5', null],
    ['1.5K', 1500],
    ['1.0005K', null],
    ['未定', null],
    ['100～200名', null],
  ])('%s → %s', (input, expected) => {
    expect(parseCount(input)).toBe(expected);
  });
});

describe('parseYen', () => {
  it.each<[string, number]>([
    ['1億2,000万円', 120_000_000],
    ['1億2000万円', 120_000_000],
    ['１億２，０００万円', 120_000_000],
    ['12億円', 1_200_000_000],
    ['１２億円', 1_200_000_000],
    ['¥300,000,000', 300_000_000],
    ['￥300,000,000', 300_000_000],
    ['￥３００，０００，０００', 300_000_000],
    ['¥ 300,000,000', 300_000_000],
    ['\\300,000,000', 300_000_000],
    ['¥300,000,000-', 300_000_000],
    ['￥300,000,000－', 300_000_000],
    ['3000万', 30_000_000],
    ['3000万円', 30_000_000],
    ['5.5億円', 550_000_000],
    ['５．５億円', 550_000_000],
    ['300,000千円', 300_000_000],
    ['３００，０００千円', 300_000_000],
    ['120百万円', 120_000_000],
    ['1,200百万円', 1_200_000_000],
    ['JPY 3億', 300_000_000],
    ['jpy300000000', 300_000_000],
    ['300,000,000円', 300_000_000],
    ['300000000', 300_000_000],
    ['約3億円', 300_000_000],
    ['金3億円', 300_000_000],
    ['三億円', 300_000_000],
    ['十二億円', 1_200_000_000],
    ['1億2千万円', 120_000_000],
    ['　1億円　', 100_000_000],
  ])('%s → %d', (input, expected) => {
    expect(parseYen(input)).toBe(expected);
  });

  it.each(['', '未定', '1.5円', '0.5', '$1,000,000', 'USD 1M', '1億～2億円', '3億円（うち自己負担1.5億円）', '-300,000,000', '▲300,000,000'])(
    '%j is not a yen amount',
    (input) => {
      expect(parseYen(input)).toBeNull();
    },
  );

  it('reads any amount written with ¥ or 円, commas or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000_000 }), (n) => {
        expect(parseYen(`¥${n.toLocaleString('en-US')}`)).toBe(n);
        expect(parseYen(`${n}円`)).toBe(n);
        expect(parseYen(`${toGroups(n, true)}円`)).toBe(n);
      }),
    );
  });
});

describe('parseMonths', () => {
  it.each<[string, number]>([
    ['6', 6],
    ['６', 6],
    ['6ヶ月', 6],
    ['6か月', 6],
    ['6カ月', 6],
    ['6ヵ月', 6],
    ['6ケ月', 6],
    ['6ｹ月', 6],
    ['６箇月', 6],
    ['６ヶ月', 6],
    ['6 ヶ月', 6],
    ['6ヶ月間', 6],
    ['6か月間', 6],
    ['六か月', 6],
    ['6 months', 6],
    ['1 month', 1],
    ['約6ヶ月', 6],
    ['最長6か月', 6],
    ['6か月以内', 6],
    ['6ヶ月程度', 6],
    ['半年', 6],
    ['約半年', 6],
    ['半年間', 6],
    ['1年', 12],
    ['1年間', 12],
    ['一年', 12],
    ['1年半', 18],
    ['1.5年', 18],
    ['1年6ヶ月', 18],
    ['2年', 24],
    ['3.5か月', 3.5],
    ['3.5', 3.5],
    ['12ヶ月', 12],
    ['2024年1月～6月', 6],
    ['2024年1月〜6月', 6],
    ['2024年1月から2024年6月', 6],
    ['2024年1月から2024年6月まで', 6],
    ['2024年1月～2024年6月末', 6],
    ['２０２４年１月～６月', 6],
    ['2024 年 1 月 ～ 2024 年 6 月', 6],
    ['2024年1月－6月', 6],
    ['2024年1月-2024年3月', 3],
    ['2024/1～2024/6', 6],
    ['2024/01-2024/06', 6],
    ['2024.1～2024.6', 6],
    ['令和6年1月～6月', 6],
    ['令和6年1月～令和6年6月', 6],
    ['R6.1～R6.6', 6],
    ['1月～6月', 6],
    ['2024年10月～3月', 6],
    ['2023年10月～2024年3月', 6],
    ['2024年1月～1月', 1],
  ])('%s → %d', (input, expected) => {
    expect(parseMonths(input)).toBe(expected);
  });

  it.each([
    '',
    '未定',
    '6月',
    '2024年',
    '2024年1月',
    '6～12ヶ月',
    '6か月～1年',
    '2024年6月～2024年1月',
    '2024年13月～2025年1月',
    '1～6',
    '-6',
    '6 12',
    '6日',
    '2024年1月から6ヶ月間',
  ])('%j is not a number of months', (input) => {
    expect(parseMonths(input)).toBeNull();
  });

  it('counts any span of months inclusively', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2020, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 36 }),
        (year, month, extra) => {
          const end = year * 12 + (month - 1) + extra;
          const text = `${year}年${month}月から${Math.floor(end / 12)}年${(end % 12) + 1}月`;
          expect(parseMonths(text)).toBe(extra + 1);
        },
      ),
    );
  });
});
