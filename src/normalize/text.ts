// Text normalization shared by every reader: values (NFKC, folded white space), free text (kept as
// typed), and labels (compared after dropping the decorations applicants and templates add).
import { untilStable } from './until-stable.js';

/**
 * Characters that Shift_JIS text decodes to differently depending on the converter: the JIS X 0208
 * mapping (Unicode's JIS0208.TXT, used by iconv and most Unix tools) and Microsoft's CP932 (Excel,
 * Word, Outlook) disagree on a handful of code points, so the same 申請書 label can arrive in
 * either form. Each group is folded onto one member:
 * - 0x8160 〜 WAVE DASH U+301C (JIS) / ～ FULLWIDTH TILDE U+FF5E (CP932) → "~", which is what NFKC
 *   makes of U+FF5E, so folding and NFKC agree in either order.
 * - 0x817C − MINUS SIGN U+2212 (JIS) / － FULLWIDTH HYPHEN-MINUS U+FF0D (CP932), and 0x815C
 *   — EM DASH U+2014 (JIS) / ― HORIZONTAL BAR U+2015 (CP932) → "-". The dashes and hyphens that word
 *   processors substitute while typing (‐ U+2010, ‑ U+2011, ‒ U+2012, – U+2013) join them: in
 *   labels and values they all mean one thing, a hyphen or a range. ー U+30FC is NOT folded: it is
 *   the katakana long vowel (メールアドレス, パラメータ); only the phone and postal-code readers,
 *   where no katakana can occur, read it as a hyphen.
 * - 0x8161 ‖ DOUBLE VERTICAL LINE U+2016 (JIS) / ∥ PARALLEL TO U+2225 (CP932) → ‖ U+2016.
 * - 0x8191/0x8192/0x81CA ¢ £ ¬ U+00A2/U+00A3/U+00AC (JIS) / ￠ ￡ ￢ U+FFE0–U+FFE2 (CP932) → the
 *   half-width forms, as NFKC does.
 */
const JAPANESE_VARIANTS: Readonly<Record<string, string>> = {
  '\u301C': '~',
  '\uFF5E': '~',
  '\u2212': '-',
  '\uFF0D': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2225': '\u2016',
  '\uFFE0': '\u00A2',
  '\uFFE1': '\u00A3',
  '\uFFE2': '\u00AC',
};
const JAPANESE_VARIANT = new RegExp(`[${Object.keys(JAPANESE_VARIANTS).join('')}]`, 'gu');

export function foldJapaneseVariants(s: string): string {
  return s.replace(JAPANESE_VARIANT, (c) => JAPANESE_VARIANTS[c] ?? c);
}

export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Free text keeps what the applicant typed; only Windows and old Mac line ends become \n. */
export function normalizeFreeText(s: string): string {
  return s.replace(/\r\n?/gu, '\n').trim();
}

/** The form in which texts are compared: NFKC, CP932/JIS variants folded, Latin lower-cased. */
export function canonicalText(s: string): string {
  return foldJapaneseVariants(s.normalize('NFKC')).toLowerCase();
}

/** canonicalText without any white space, so "大規模 言語モデル" and "大規模言語モデル" compare equal. */
export function compactText(s: string): string {
  return canonicalText(s).replace(/\s+/gu, '');
}

// ①–⑳, ㉑–㊿, ⓪, ⓵–⓾ and ❶–➓: NFKC turns ① into a bare "1" that could not be told from text,
// so circled section numbers are dropped before NFKC.
const LEADING_CIRCLED_NUMBER = /^\s*[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF\u24EA\u24F5-\u24FE\u2776-\u2793]\s*(?=\S)/u;
const NUMBER_WORD = '(?:\\d+(?:[.-]\\d+)*|[一二三四五六七八九十]+|[ivx]+)';
// "1.", "1)", "1、", "(1)", "一、", "(一)", "iv." (NFKC of Ⅳ), "3-2." — only when text follows.
const SECTION_NUMBER = new RegExp(`^(?:\\(${NUMBER_WORD}\\)|${NUMBER_WORD}[.)、])(?=.)`, 'u');
// "3-2 パラメータ数", "1 法人名": a bare number is numbering only when white space separates it.
const SECTION_NUMBER_BEFORE_SPACE = /^\d+(?:[.-]\d+)*\s+(?=\S)/u;
const REQUIRED_MARK = /[(【\[]必須[)】\]]|必須|\*/gu;
// A leading ※ marks a required item (the template's own convention); anywhere else it opens a note,
// together with the bracket the note may sit in: "法人名（※登記上の名称）".
const LEADING_NOTE_MARK = /^※+/u;
const NOTE = /[(【\[]?※.*$/su;
const TRAILING_COLONS = /:+$/u;
const WHOLE_BRACKETS = /^(?:【(.+)】|\[(.+)\])$/u;

function stripCompactDecorations(label: string): string {
  return untilStable(label, (t) =>
    t
      .replace(REQUIRED_MARK, '')
      .replace(LEADING_NOTE_MARK, '')
      .replace(NOTE, '')
      .replace(TRAILING_COLONS, '')
      .replace(SECTION_NUMBER, '')
      .replace(WHOLE_BRACKETS, (_all, a?: string, b?: string) => a ?? b ?? ''),
  );
}

/**
 * The form in which labels are compared (application-form.md, "Label normalization"):
 * normalizeLabel(' 法人名（申請者名）※必須 ：') === '法人名(申請者名)'. Latin letters are lower-cased
 * so "E-MAIL", "Tel" and "TEL" match the template's "E-mail" and "TEL".
 */
export function normalizeLabel(s: string): string {
  const spaced = canonicalText(s.replace(LEADING_CIRCLED_NUMBER, '')).trim();
  const unnumbered = spaced.replace(SECTION_NUMBER_BEFORE_SPACE, '').replace(SECTION_NUMBER, '');
  return stripCompactDecorations(unnumbered.replace(/\s+/gu, ''));
}
