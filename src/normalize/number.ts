// Numbers as applicants write them in the 申請書: "約200万時間", "１，０２４枚", "1億2,000万円",
// "百三十億", "13B parameters", "6ヶ月", "2024年1月～6月". Anything that is not one number — prose,
// a range, two numbers, a negative — reads as null, so the caller keeps the raw text and flags it.
import { monthSpan } from './month-span.js';
import { readNumeral } from './numeral.js';
import { stripQualifiers } from './qualifiers.js';
import { canonicalText } from './text.js';
import { untilStable } from './until-stable.js';

// Thin and narrow no-break spaces group thousands in typeset numbers ("1 000 000"); an ordinary
// space between digits more likely separates two numbers, which must not be read as one.
const THIN_SPACE_BETWEEN_DIGITS = /(?<=\p{Nd})[\u2009\u202F](?=\p{Nd})/gu;
const COMMA_BETWEEN_DIGITS = /(?<=\d),(?=\d)/gu;
const SPACE_BETWEEN_DIGITS = /\d\s+\d/u;

const UNITS = [
  '円', '基', '枚', '台', '名', '人', '個', '時間', 'gpus', 'gpu', 'hours', 'hour', 'hrs', 'hr', 'h',
  'トークン', 'tokens', 'token', 'パラメータ', 'パラメーター', 'parameters', 'params',
];
const TRAILING_UNIT = new RegExp(`(?:${UNITS.join('|')})$`, 'u');

/** Canonical (NFKC, folded, lower case), thousands separators gone; null for two numbers. */
function compactNumberText(s: string): string | null {
  const text = canonicalText(s.replace(THIN_SPACE_BETWEEN_DIGITS, '')).replace(COMMA_BETWEEN_DIGITS, '');
  return SPACE_BETWEEN_DIGITS.test(text) ? null : text.replace(/\s+/gu, '');
}

function stripUnits(s: string): string {
  return untilStable(s, (t) => t.replace(TRAILING_UNIT, ''));
}

export function parseJapaneseNumber(s: string): number | null {
  const text = compactNumberText(s);
  return text === null ? null : readNumeral(stripUnits(stripQualifiers(text)));
}

/** A count: a non-negative integer once the multipliers are applied ("1.5兆" yes, "2.5枚" no). */
export function parseCount(s: string): number | null {
  const n = parseJapaneseNumber(s);
  return n !== null && Number.isSafeInteger(n) ? n : null;
}

// "¥", and "\" because the yen key of a Japanese keyboard types U+005C, which Japanese fonts draw
// as ¥; "JPY"; "金" as in 金300,000,000円. A trailing "-" closes an amount on Japanese forms
// ("¥300,000-") so that nothing can be written after it.
const YEN_PREFIX = /^(?:¥|\\|jpy|金)\s*/u;
const YEN_CLOSING_DASH = /\s*-$/u;

/** Integer yen: "1億2,000万円", "¥300,000,000", "300,000千円", "120百万円", "5.5億円". */
export function parseYen(s: string): number | null {
  const text = canonicalText(s).trim().replace(YEN_PREFIX, '').replace(YEN_CLOSING_DASH, '');
  return parseCount(text);
}

const MONTH_COUNTER = '(?:[かヶカヵケ箇个]月間?|月間|months?)';
const NUMBER = '[0-9.〇一二三四五六七八九十]+';
// "1年", "1年半", "1年6か月", "6ヶ月", "3.5か月", "半年"; a bare number counts months.
const DURATION = new RegExp(`^(?:(${NUMBER})年間?(半)?)?(?:(${NUMBER})${MONTH_COUNTER}?)?$`, 'u');
const HALF_YEAR = /^半年間?$/u;
// "2024年" is a calendar year, not a duration; no one asks for a GPU for a hundred years.
const MAX_YEARS = 99;

function duration(s: string): number | null {
  if (HALF_YEAR.test(s)) return 6;
  const parts = DURATION.exec(s);
  if (!parts || s === '') return null;
  const [, yearText, half, monthText] = parts;
  const years = yearText === undefined ? 0 : readNumeral(yearText);
  const months = monthText === undefined ? 0 : readNumeral(monthText);
  if (years === null || months === null || years > MAX_YEARS) return null;
  return years * 12 + (half ? 6 : 0) + months;
}

/** Months: "6ヶ月", "半年", "1年半", "3.5か月", "2024年1月～6月" (inclusive) → 6, 6, 18, 3.5, 6. */
export function parseMonths(s: string): number | null {
  const text = compactNumberText(s);
  if (text === null) return null;
  return monthSpan(text) ?? duration(stripQualifiers(text));
}
