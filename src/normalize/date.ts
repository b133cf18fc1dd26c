// Dates as written on the 申請書: "2023年10月5日", "令和5年10月5日（木）", "R5.10.5", "2023/10/05",
// "２０２３年１０月５日", "2023 年 10 月 5 日" (LibreOffice PDFs put spaces between kanji and digits),
// "2023-10-05T09:00:00+09:00" (a date cell read as a timestamp). Output is 'YYYY-MM-DD'.
import { ERA_PATTERN, eraNamed, inEra, westernYear } from './era.js';
import { readNumeral } from './numeral.js';
import { canonicalText } from './text.js';

// A time of day after the date ("T09:00:00+09:00", " 10:30") says nothing about the day.
const TIME_OF_DAY = /(?:t|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?$/u;
// The weekday is not checked against the date: a wrong weekday is a typo on the applicant's side,
// and the date is what the form asks for.
const WEEKDAY = /(?:\((?:[月火水木金土日](?:曜日?)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\)|[月火水木金土日]曜日?)$/u;

const KANJI_OR_DIGITS = '[0-9〇一二三四五六七八九十]';
const YEAR = `(?:(${ERA_PATTERN})(元|${KANJI_OR_DIGITS}{1,3})|(${KANJI_OR_DIGITS}{4}))`;
const DATE = new RegExp(
  `^${YEAR}(?:年(${KANJI_OR_DIGITS}{1,3})月(${KANJI_OR_DIGITS}{1,3})日?|([/.-])(\\d{1,2})\\6(\\d{1,2}))$`,
  'u',
);
// "20231005", as typed into a cell formatted as text.
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/u;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const monthDays = (DAYS_IN_MONTH[month - 1] ?? 0) + (month === 2 && isLeapYear(year) ? 1 : 0);
  if (year < 1 || day < 1 || day > monthDays) return null;
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function numberOrNaN(s: string | undefined): number {
  return s === undefined ? NaN : (readNumeral(s) ?? NaN);
}

export function parseJapaneseDate(s: string): string | null {
  const text = canonicalText(s).trim().replace(TIME_OF_DAY, '').replace(/\s+/gu, '').replace(WEEKDAY, '');
  const compact = COMPACT_DATE.exec(text);
  if (compact) return isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));

  const parts = DATE.exec(text);
  if (!parts) return null;
  const [, eraName, eraYear, western, kanjiMonth, kanjiDay, , month, day] = parts;
  const monthNumber = numberOrNaN(kanjiMonth ?? month);
  const dayNumber = numberOrNaN(kanjiDay ?? day);
  if (western !== undefined) return isoDate(numberOrNaN(western), monthNumber, dayNumber);

  const era = eraNamed(eraName ?? '');
  const yearInEra = eraYear === '元' ? 1 : numberOrNaN(eraYear);
  if (!era || !(yearInEra >= 1)) return null;
  const date = isoDate(westernYear(era, yearInEra), monthNumber, dayNumber);
  return date !== null && inEra(era, date) ? date : null;
}
