import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJapaneseDate } from './date.js';

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const toFullWidth = (s: string): string => s.replace(/[0-9]/gu, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d);

describe('parseJapaneseDate', () => {
  it.each<[string, string]>([
    ['2023年10月5日', '2023-10-05'],
    ['2023年10月05日', '2023-10-05'],
    ['２０２３年１０月５日', '2023-10-05'],
    ['2023 年 10 月 5 日', '2023-10-05'],
    ['2023\u3000年\u300010\u3000月\u30005\u3000日', '2023-10-05'],
    [' 2023年10月5日 ', '2023-10-05'],
    ['2023年10月5日（木）', '2023-10-05'],
    ['2023年10月5日(木)', '2023-10-05'],
    ['2023年10月8日（日）', '2023-10-08'],
    ['2023年10月2日(月)', '2023-10-02'],
    ['2023年10月5日 (木曜日)', '2023-10-05'],
    ['2023年10月5日 木曜日', '2023-10-05'],
    ['2023年10月5', '2023-10-05'],
    ['令和5年10月5日', '2023-10-05'],
    ['令和５年１０月５日', '2023-10-05'],
    ['令和 5 年 10 月 5 日', '2023-10-05'],
    ['令和05年10月05日', '2023-10-05'],
    ['令和5年10月5日（木）', '2023-10-05'],
    ['㋿5年10月5日', '2023-10-05'],
    ['令和五年十月五日', '2023-10-05'],
    ['令和五年十月十五日', '2023-10-15'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和1年5月1日', '2019-05-01'],
    ['令和元年12月31日', '2019-12-31'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['平成三十年三月三十一日', '2018-03-31'],
    ['㍻31年4月30日', '2019-04-30'],
    ['昭和64年1月7日', '1989-01-07'],
    ['昭和元年12月25日', '1926-12-25'],
    ['R5.10.5', '2023-10-05'],
    ['R05/10/05', '2023-10-05'],
    ['r5.10.5', '2023-10-05'],
    ['Ｒ５．１０．５', '2023-10-05'],
    ['R5-10-5', '2023-10-05'],
    ['R元.5.1', '2019-05-01'],
    ['H31.4.30', '2019-04-30'],
    ['H元.1.8', '1989-01-08'],
    ['S64.1.7', '1989-01-07'],
    ['2023/10/05', '2023-10-05'],
    ['2023/10/5', '2023-10-05'],
    ['２０２３／１０／０５', '2023-10-05'],
    ['2023-10-05', '2023-10-05'],
    ['2023－10－05', '2023-10-05'],
    ['2023.10.5', '2023-10-05'],
    ['2023.10.05', '2023-10-05'],
    ['20231005', '2023-10-05'],
    ['2023-10-05T09:00:00+09:00', '2023-10-05'],
    ['2023-10-05T00:00:00.000Z', '2023-10-05'],
    ['2023-10-05T09:00', '2023-10-05'],
    ['2023/10/05 10:30', '2023-10-05'],
    ['2023/10/05 10:30:00', '2023-10-05'],
    ['2023/10/05(Thu)', '2023-10-05'],
    ['2024年2月29日', '2024-02-29'],
    ['2000/2/29', '2000-02-29'],
    ['2023年9月22日（金）', '2023-09-22'],
    ['2023年10月11日（水）', '2023-10-11'],
  ])('%j → %s', (input, expected) => {
    expect(parseJapaneseDate(input)).toBe(expected);
  });

  it.each([
    '',
    '未記入',
    '2023年',
    '2023年10月',
    '10月5日',
    '5年10月5日',
    '23/10/05',
    '2023-02-30',
    '2023年2月29日',
    '1900/2/29',
    '2023/13/01',
    '2023/00/10',
    '2023/10/00',
    '2023/10/32',
    '2023年4月31日',
    '2023/10-05',
    '令和0年10月5日',
    '令和元年4月30日',
    '令和1年1月1日',
    '平成31年5月1日',
    '平成32年1月1日',
    '平成元年1月7日',
    '昭和64年1月8日',
    '昭和元年12月24日',
    '大正15年12月25日',
    'X5.10.5',
    '45204',
    '2023年10月5日から2023年10月6日',
    'October 5, 2023',
  ])('%j is not a date', (input) => {
    expect(parseJapaneseDate(input)).toBeNull();
  });

  const dates = (min: string, max: string) =>
    fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((d) => ({
      iso: d.toISOString().slice(0, 10),
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
    }));

  it('reads any Western date in the usual spellings', () => {
    fc.assert(
      fc.property(dates('1000-01-01', '9999-12-31'), ({ iso, year, month, day }) => {
        const mm = String(month).padStart(2, '0');
        const dd = String(day).padStart(2, '0');
        for (const text of [`${year}年${month}月${day}日`, `${year}/${mm}/${dd}`, `${year}.${month}.${day}`, iso, `${year}${mm}${dd}`]) {
          expect(parseJapaneseDate(text)).toBe(iso);
          expect(parseJapaneseDate(toFullWidth(text))).toBe(iso);
        }
      }),
    );
  });

  it('reads any 令和 and 平成 date, and only inside its era', () => {
    fc.assert(
      fc.property(dates('2019-05-01', '2099-12-31'), ({ iso, year, month, day }) => {
        const reiwa = year - 2018;
        expect(parseJapaneseDate(`令和${reiwa === 1 ? '元' : reiwa}年${month}月${day}日`)).toBe(iso);
        expect(parseJapaneseDate(`R${reiwa}.${month}.${day}`)).toBe(iso);
        expect(parseJapaneseDate(`平成${year - 1988}年${month}月${day}日`)).toBeNull();
      }),
    );
    fc.assert(
      fc.property(dates('1989-01-08', '2019-04-30'), ({ iso, year, month, day }) => {
        expect(parseJapaneseDate(`平成${year - 1988}年${month}月${day}日`)).toBe(iso);
        expect(parseJapaneseDate(`H${year - 1988}/${month}/${day}`)).toBe(iso);
        expect(parseJapaneseDate(`令和${year - 2018}年${month}月${day}日`)).toBeNull();
      }),
    );
  });
});
