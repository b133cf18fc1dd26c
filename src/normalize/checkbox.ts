// Checkbox groups and yes/no answers: "■大規模言語モデル □画像など…", "☑ モデルの公開　☐ 開発コードの公開",
// "大企業 ○", a cell holding only "■" or "x", "はい", "無", "非該当".
import { BOOLEAN_OPTIONS, type OptionDef } from '../form/definition.js';
import { canonicalText, compactText } from './text.js';

/**
 * Marks that choose the option beside them. 〇 (U+3007, the kanji zero) is what the IME offers first
 * for "まる", so applicants type it for ○. ☒ is a checked box, unlike ×.
 */
export const CHOSEN_MARKS: readonly string[] = ['■', '☑', '✓', '✔', '○', '〇', '◯', '●', '◉', '◎', 'レ', '☒'];
/** Marks that leave the option unchosen: empty boxes, and × (バツ), which on Japanese forms means "no". */
export const UNCHOSEN_MARKS: readonly string[] = ['□', '☐', '◻', '▢', '×', '✕', '✗'];
// In a cell of its own an "x" is a tick (a cross typed in a checkbox cell); inside text it is a letter.
const CELL_CROSS = 'x';

export function markOnly(text: string): 'chosen' | 'unchosen' | null {
  const mark = canonicalText(text).trim();
  if (mark === CELL_CROSS || CHOSEN_MARKS.includes(mark)) return 'chosen';
  if (UNCHOSEN_MARKS.includes(mark)) return 'unchosen';
  return null;
}

const isMark = (c: string | undefined): c is string =>
  c !== undefined && (CHOSEN_MARKS.includes(c) || UNCHOSEN_MARKS.includes(c));
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);

interface Found {
  value: string;
  /** Span in the canonical text (white space kept). */
  start: number;
  end: number;
}

/** Option labels and aliases found in the canonical text, longest first, never overlapping. */
function findOptions(text: string, options: readonly OptionDef[]): Found[] {
  // Compare without white space: "大規模 言語モデル" is the option "大規模言語モデル".
  const positions: number[] = [];
  let compact = '';
  for (let i = 0; i < text.length; i += 1) {
    if (!isSpace(text[i])) {
      positions.push(i);
      compact += text[i];
    }
  }
  const names = options
    .flatMap((o) => [o.label, ...o.aliases].map((name) => ({ value: o.value, key: compactText(name) })))
    .filter((n) => n.key !== '')
    .sort((a, b) => b.key.length - a.key.length);

  const taken: boolean[] = new Array<boolean>(compact.length).fill(false);
  const found: Found[] = [];
  for (const { value, key } of names) {
    for (let at = compact.indexOf(key); at !== -1; at = compact.indexOf(key, at + 1)) {
      if (taken.slice(at, at + key.length).some(Boolean)) continue;
      taken.fill(true, at, at + key.length);
      found.push({ value, start: positions[at] ?? 0, end: (positions[at + key.length - 1] ?? 0) + 1 });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Index of the nearest non-space character before `from` (exclusive), or -1. */
function previousNonSpace(text: string, from: number): number {
  let i = from - 1;
  while (i >= 0 && isSpace(text[i])) i -= 1;
  return i;
}

function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text[i])) i += 1;
  return i;
}

/**
 * The mark that belongs to each option found, by index into `found` (undefined: unmarked).
 * A mark stands before its option ("■はい") or after it ("大企業 ○"). A mark between two options
 * could be either's: it goes to the one it touches without a space; when it touches both or neither,
 * the text's own habit decides — marks trailing the last option and none before the first mean
 * marks follow their options; otherwise they precede them, as on the template.
 */
function marksOf(text: string, found: readonly Found[]): (string | undefined)[] {
  const before = found.map((f) => {
    const i = previousNonSpace(text, f.start);
    return isMark(text[i]) ? i : -1;
  });
  const after = found.map((f) => {
    const i = nextNonSpace(text, f.end);
    return isMark(text[i]) ? i : -1;
  });
  const marksFollow = before[0] === -1 && after[after.length - 1] !== -1;

  return found.map((f, k) => {
    const ownBefore = before[k] ?? -1;
    const ownAfter = after[k] ?? -1;
    const previous = found[k - 1];
    const next = found[k + 1];
    // A mark shared with a neighbouring option is kept only when it is this option's.
    const keepBefore =
      ownBefore !== -1 &&
      (previous === undefined || ownBefore !== after[k - 1] || belongsToNext(previous.end, ownBefore, f.start, marksFollow));
    const keepAfter =
      ownAfter !== -1 &&
      (next === undefined || ownAfter !== before[k + 1] || !belongsToNext(f.end, ownAfter, next.start, marksFollow));
    if (keepBefore) return text[ownBefore];
    return keepAfter ? text[ownAfter] : undefined;
  });
}

/** Whether a mark at `mark`, between an option ending at `leftEnd` and one starting at `rightStart`, is the right one's. */
function belongsToNext(leftEnd: number, mark: number, rightStart: number, marksFollow: boolean): boolean {
  const touchesLeft = mark === leftEnd;
  const touchesRight = mark + 1 === rightStart;
  if (touchesLeft !== touchesRight) return touchesRight;
  return !marksFollow;
}

/**
 * The options chosen in a checkbox text. When any option has a mark beside it (`marked`), an option
 * is chosen iff its mark is a chosen one; when none has (the applicant just typed the names), every
 * option named is chosen. Values come in definition order, once each.
 */
export function readMarkedOptions(text: string, options: readonly OptionDef[]): { chosen: string[]; marked: boolean } {
  const canonical = canonicalText(text);
  const found = findOptions(canonical, options);
  const marks = marksOf(canonical, found);
  const marked = marks.some((m) => m !== undefined);
  const chosenValues = new Set(
    found.filter((_, k) => (marked ? CHOSEN_MARKS.includes(marks[k] ?? '') : true)).map((f) => f.value),
  );
  return { chosen: options.map((o) => o.value).filter((v) => chosenValues.has(v)), marked };
}

/**
 * Ways of answering yes or no beyond the template's own options. The longest match wins, which is
 * what keeps 非該当 from reading as 該当 and ありません ("there is none") from reading as あり.
 */
const EXTRA_ALIASES: Readonly<Record<string, readonly string[]>> = {
  true: ['有り', 'true', '該当', '該当する', '該当あり'],
  false: ['無し', 'false', '非該当', '該当しない', '該当なし', 'ありません', '該当しません', '該当ありません'],
};
const BOOLEAN_ANSWERS: readonly OptionDef[] = BOOLEAN_OPTIONS.map((o) => ({
  ...o,
  aliases: [...o.aliases, ...(EXTRA_ALIASES[o.value] ?? [])],
}));

/**
 * はい/いいえ, 有/無, あり/なし, ○/×, ■/□, ☑/☐, yes/no, true/false, 該当/非該当, "■はい □いいえ".
 * A lone "x" is null: in a checkbox cell it is a tick, but in a yes/no cell it may be バツ (no).
 */
export function parseBoolean(s: string): boolean | null {
  const compact = compactText(s);
  if (compact === CELL_CROSS) return null;
  const mark = markOnly(compact);
  if (mark !== null) return mark === 'chosen';
  const { chosen } = readMarkedOptions(s, BOOLEAN_ANSWERS);
  return chosen.length === 1 ? chosen[0] === 'true' : null;
}
