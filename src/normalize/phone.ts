// Japanese phone numbers as applicants write them: "03-1234-5678", "０３（１２３４）５６７８",
// "(03)1234-5678", "03 1234 5678", "090ー1234ー5678", "+81(0)3-1234-5678", "03-1234-5678（内線123）".
// The result keeps the applicant's grouping with hyphens only; no area-code table is consulted.
import { canonicalText } from './text.js';

// Labels pasted with the number ("TEL:", "電話番号：").
const LEADING_LABEL = /^(?:tel|phone|電話番号|電話)\.?:?/u;
// An extension or a note on which line it is reaches the same office; the number is what is checked.
// "内線123", "ext. 12", "x12", "(代表)", "(直通)", "(携帯)".
const TRAILING_NOTE = /\(?(?:(?:内線|ext\.?|ex\.?|x)\s*:?\s*\d+|代表|直通|携帯)\)?$/u;
// In a phone number nothing is katakana: ー (long vowel) is a hyphen typed with the IME, and "."
// and white space are the separators some people use.
const SEPARATORS = /[ー.\s]+/gu;
const COUNTRY_TRUNK_ZERO = /^\+81-?\(0\)-?/u;
const DOMESTIC = /^0[\d-]+$/u;
const INTERNATIONAL = /^\+81-?([\d()-]+)$/u;

function digitCount(s: string): number {
  return s.replace(/\D/gu, '').length;
}

/** Hyphen groups, parentheses read as group breaks: "03(1234)5678" and "(03)1234-5678" both → "03-1234-5678". */
function hyphenated(s: string): string {
  return s
    .replace(/[()]/gu, '-')
    .replace(/-{2,}/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

export function normalizePhone(s: string): string | null {
  let text = canonicalText(s).trim().replace(LEADING_LABEL, '').trim();
  text = text.replace(TRAILING_NOTE, '').trim();
  text = text.replace(SEPARATORS, '-').replace(COUNTRY_TRUNK_ZERO, '+81-');

  const international = INTERNATIONAL.exec(text);
  if (international) {
    // The trunk prefix 0 is not dialled after the country code: +81-03-… is +81-3-….
    const national = hyphenated(international[1] ?? '').replace(/^0-?/u, '');
    const digits = digitCount(national);
    return digits >= 9 && digits <= 10 && national !== '' ? `+81-${national}` : null;
  }

  const domestic = hyphenated(text);
  const digits = digitCount(domestic);
  return DOMESTIC.test(domestic) && digits >= 10 && digits <= 11 ? domestic : null;
}
