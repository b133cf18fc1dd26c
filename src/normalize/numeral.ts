// The number itself, once separators, qualifiers and units are gone: Arabic or kanji digits with the
// multipliers applicants write ("1億2000万", "百三十億", "300000千", "120百万", "1.5兆"), or an Arabic
// number with an English suffix ("13B", "700 million").

/** Powers of ten. Japanese groups digits by 10^4: 十百千 count inside a group, 万億兆 name the groups. */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 4, 億: 8, 兆: 12 };
const ENGLISH_UNITS: Readonly<Record<string, number>> = {
  k: 3,
  thousand: 3,
  m: 6,
  million: 6,
  b: 9,
  billion: 9,
  t: 12,
  trillion: 12,
};
const KANJI_DIGITS = '〇一二三四五六七八九';
const GROUP_SIZE = 10_000;

const ENGLISH = /^(\d+(?:\.\d+)?)(k|thousand|m|million|b|billion|t|trillion)$/iu;
const TOKEN = /(\d+(?:\.\d+)?)|([〇一二三四五六七八九]+)|([十百千])|([万億兆])/uy;

/** coefficient × 10^exponent; the coefficient stays a decimal string so "1.1億" is exact. */
interface Term {
  coefficient: string;
  exponent: number;
}

function termsValue(terms: readonly Term[]): number {
  // Number("1.1e8") rounds once, exactly as the literal would; 1.1 * 1e8 would not be 110000000.
  return terms.reduce((sum, t) => sum + Number(`${t.coefficient}e${t.exponent}`), 0);
}

function kanjiDigits(run: string): string {
  return [...run].map((c) => String(KANJI_DIGITS.indexOf(c))).join('');
}

/** Reads a cleaned numeral: no white space, separators, units or qualifiers. Null if it is not one. */
export function readNumeral(s: string): number | null {
  const english = ENGLISH.exec(s);
  if (english) {
    const [, digits = '', suffix = ''] = english;
    return Number(`${digits}e${ENGLISH_UNITS[suffix.toLowerCase()] ?? 0}`);
  }

  const terms: Term[] = [];
  let group: Term[] = [];
  let pending: string | null = null;
  let lastSmall = Infinity;
  let lastBig = Infinity;

  // Closes the group in front of a big unit (or the end); groups after the first hold under 10^4.
  const closeGroup = (exponent: number): boolean => {
    if (pending !== null) group.push({ coefficient: pending, exponent: 0 });
    if (group.length === 0) return false;
    if (terms.length > 0 && termsValue(group) >= GROUP_SIZE) return false;
    terms.push(...group.map((t) => ({ coefficient: t.coefficient, exponent: t.exponent + exponent })));
    group = [];
    pending = null;
    lastSmall = Infinity;
    return true;
  };

  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < s.length) {
    const token = TOKEN.exec(s);
    if (!token) return null;
    const [, arabic, kanji, small, big] = token;
    if (arabic !== undefined || kanji !== undefined) {
      if (pending !== null) return null;
      pending = arabic ?? kanjiDigits(kanji ?? '');
    } else if (small !== undefined) {
      const exponent = SMALL_UNITS[small] ?? 0;
      if (exponent >= lastSmall) return null;
      group.push({ coefficient: pending ?? '1', exponent });
      pending = null;
      lastSmall = exponent;
    } else {
      const exponent = BIG_UNITS[big ?? ''] ?? 0;
      if (exponent >= lastBig || !closeGroup(exponent)) return null;
      lastBig = exponent;
    }
  }
  if ((pending !== null || group.length > 0) && !closeGroup(0)) return null;
  if (terms.length === 0) return null;
  const value = termsValue(terms);
  return Number.isFinite(value) ? value : null;
}
