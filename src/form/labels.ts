// Label matching derived from the form definition: which field a cell or a line names.
// Applicants insert rows, merge cells and retype labels, so fields are found by their label text
// (or a listed variant), never by position.
import { FIELDS, NOTES, SECTIONS, type FieldDef } from './definition.js';
import { foldJapaneseVariants, normalizeLabel } from '../normalize/text.js';

export interface LabelMatch {
  field: FieldDef;
  /** The printed label rather than a variant: preferred when a field is found twice. */
  primary: boolean;
}

interface LabelEntry extends LabelMatch {
  norm: string;
}

/** Label comparison ignores Latin case too: applicants write "Tel", "e-mail", "EMAIL". */
function labelKey(text: string): string {
  return normalizeLabel(text).toLowerCase();
}

const ENTRIES: readonly LabelEntry[] = FIELDS.flatMap((field) => [
  { field, primary: true, norm: labelKey(field.label) },
  ...field.variants.map((variant) => ({ field, primary: false, norm: labelKey(variant) })),
]).sort((a, b) => b.norm.length - a.norm.length);

const BY_NORM = new Map<string, LabelEntry>();
for (const entry of ENTRIES) if (!BY_NORM.has(entry.norm)) BY_NORM.set(entry.norm, entry);

/** Section titles, the notes heading and hints: text that ends a value in reading order. */
const STOP_TEXTS = new Set(
  [...SECTIONS.map((s) => s.title), '記入要領', ...FIELDS.map((f) => f.hint).filter(Boolean), ...NOTES].map(labelKey),
);

/** A trailing note in brackets after a label, e.g. "法人番号(13桁)" or "GPU数(枚)". */
const TRAILING_NOTE = /\([^()]*\)$/;

/** The field a whole cell names, or null. */
export function matchLabel(text: string): LabelMatch | null {
  const norm = labelKey(text);
  if (!norm) return null;
  const exact = BY_NORM.get(norm);
  if (exact) return exact;
  const withoutNote = norm.replace(TRAILING_NOTE, '');
  return withoutNote && withoutNote !== norm ? (BY_NORM.get(withoutNote) ?? null) : null;
}

export function isStopText(text: string): boolean {
  const norm = labelKey(text);
  return norm !== '' && STOP_TEXTS.has(norm);
}

/** Per-character form of label comparison that keeps track of positions in the original text. */
function comparable(ch: string): string {
  return foldJapaneseVariants(ch.normalize('NFKC')).replace(/\s/g, '').toLowerCase();
}

/**
 * How far into a line a label is looked for: the longest label with spaces between its characters.
 * Scanning the whole line made every label tried walk a hostile paragraph of a million spaces, in
 * the thread that serves every other message (measured: 25 s for two such paragraphs in one docx).
 */
const LABEL_SCAN_CHARS = 4 * Math.max(...ENTRIES.map((e) => e.norm.length)) + 8;

// "1." "１．" "(1)" "①" "1)" before a label on a line.
const LEADING_NUMBER = /^\s*(?:[(（]?[0-9０-９]{1,2}[.)）．、]|[(（][0-9０-９]{1,2}[)）]|[①-⑳])\s*/u;
// Marks that may follow a label before its value: required marks, notes, a colon.
const AFTER_LABEL = /^(?:\s*(?:[*＊]|※\s*必須|※|[(（]必須[)）]|必須))*\s*[:：]?\s*/u;

/**
 * A label at the start of a line or cell followed by its value ("法人名：株式会社テスト",
 * "電話番号 03-1234-5678"). The label must be followed by a separator, a required mark or the end,
 * so that prose starting with a label word ("概要を以下に示す") is not taken for a label.
 */
export function matchLabelPrefix(text: string): (LabelMatch & { rest: string }) | null {
  const line = text.trimStart().replace(LEADING_NUMBER, '');
  const chars = [...line.slice(0, LABEL_SCAN_CHARS)];
  const folded = chars.map(comparable);
  for (const entry of ENTRIES) {
    const norm = entry.norm;
    let matched = '';
    let index = 0;
    while (index < chars.length && matched.length < norm.length) {
      matched += folded[index];
      index += 1;
      if (!norm.startsWith(matched)) break;
    }
    if (matched !== norm) continue;
    const after = line.slice(chars.slice(0, index).join('').length);
    const separator = AFTER_LABEL.exec(after)?.[0] ?? '';
    if (after.length > 0 && separator.length === 0) continue;
    return { field: entry.field, primary: entry.primary, rest: after.slice(separator.length) };
  }
  return null;
}
