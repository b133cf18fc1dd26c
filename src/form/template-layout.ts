// What the three 申請書 writers (xlsx, docx, pdf) print, in order, derived from the one form
// definition. The writers only decide how it looks; which rows, which labels, which checkbox lines and
// which answer text come from here, so the three formats cannot drift apart.
import { FIELDS, FORM_TITLE, NOTES, SECTIONS, type FieldDef } from './definition.js';

export interface FormFill {
  /** Answer text by field key (as an applicant would type it, e.g. '130億', '令和5年10月5日'). */
  values?: Partial<Record<string, string>>;
  /** Chosen option values by field key for enum/enumSet/boolean fields, e.g. {'development.categories': ['llm','multimodal']} — printed ■, the others □. */
  chosen?: Partial<Record<string, string[]>>;
  /** Print another label for a field (e.g. a variant such as '申請者名' instead of '法人名（申請者名）'). */
  labels?: Partial<Record<string, string>>;
  /** Extra rows a real applicant might insert, e.g. a note row after a field: {afterKey, texts: string[]} */
  insertRows?: { afterKey: string; texts: string[] }[];
}

export const MARK_CHOSEN = '■';
export const MARK_OPEN = '□';
/** Marks required fields after the label, as 様式 do; the label text itself stays as defined. */
export const REQUIRED_MARK = '※';
/**
 * Printed where a date field is blank, as on paper 様式. It holds no digit, so a reader that finds
 * it unchanged must treat the date as not filled in.
 */
export const DATE_PLACEHOLDER = '令和　　年　　月　　日';

export interface ChoiceLine {
  value: string;
  /** The option's label from the definition. */
  label: string;
  chosen: boolean;
  mark: typeof MARK_CHOSEN | typeof MARK_OPEN;
  /** "□ 大企業": mark, space, label — one checkbox line. */
  text: string;
}

export type Answer =
  /** lines: the answer split at line breaks ([] when blank); minLines: the room the form gives it. */
  | { kind: 'text'; lines: string[]; minLines: number }
  /**
   * stacked: one option per line (checkbox groups); inline: all on one line (はい/いいえ), where
   * `text` is the whole line, e.g. "□はい　□いいえ".
   */
  | { kind: 'choices'; layout: 'stacked' | 'inline'; choices: ChoiceLine[]; text: string };

export interface FieldRow {
  kind: 'field';
  key: string;
  /** The printed label: the definition's label (or the fill's replacement), ※ after it when required. */
  label: string;
  /** 記入要領 for the field ('' when it has none). */
  hint: string;
  answer: Answer;
}

/**
 * A row an applicant inserted. Its texts fill the logical columns label, answer, hint from the left;
 * a single text is a note spanning the whole row.
 */
export interface InsertedRow {
  kind: 'inserted';
  texts: string[];
}

export type TableRow = FieldRow | InsertedRow;

export interface SectionBlock {
  /** "1. 申請者情報" */
  heading: string;
  rows: TableRow[];
}

export interface FormLayout {
  /** Top-right lines such as 提出日 (the fields of the form's metadata section). */
  header: { key: string; label: string; value: string }[];
  title: string;
  lead: string;
  /** Column headings of the table: the label, the answer and the hint column. */
  columns: { label: string; answer: string; hint: string };
  sections: SectionBlock[];
  notesHeading: string;
  /** The 記入要領, numbered: "1. 提出期間…". */
  notes: string[];
}

// The survey's name is the title without its trailing 申請書; the lead sentence quotes it.
const SURVEY_NAME = FORM_TITLE.replace(/\s*申請書$/, '');

export function buildFormLayout(fill: FormFill = {}): FormLayout {
  checkFillKeys(fill);
  const tableFields = FIELDS.filter((field) => field.section !== 'form');
  const sections = SECTIONS.map((section) => ({
    heading: `${section.no}. ${section.title}`,
    rows: tableFields
      .filter((field) => field.section === section.id)
      .flatMap((field) => [fieldRow(field, fill), ...insertedAfter(field.key, fill)]),
  }));
  return {
    header: FIELDS.filter((field) => field.section === 'form').map((field) => ({
      key: field.key,
      label: fill.labels?.[field.key] ?? field.label,
      value: fill.values?.[field.key] ?? (field.type === 'date' ? DATE_PLACEHOLDER : ''),
    })),
    title: FORM_TITLE,
    lead: `「${SURVEY_NAME}」について、下記のとおり申請します。`,
    columns: { label: '項目', answer: '記入欄', hint: '記入上の注意' },
    sections,
    notesHeading: '記入要領',
    notes: NOTES.map((note, i) => `${i + 1}. ${note}`),
  };
}

function fieldRow(field: FieldDef, fill: FormFill): FieldRow {
  const label = fill.labels?.[field.key] ?? field.label;
  return {
    kind: 'field',
    key: field.key,
    label: field.required && !label.endsWith(REQUIRED_MARK) ? label + REQUIRED_MARK : label,
    hint: field.hint,
    answer: answerFor(field, fill),
  };
}

function answerFor(field: FieldDef, fill: FormFill): Answer {
  const typed = fill.values?.[field.key];
  // An applicant may type the answer instead of ticking boxes; print exactly what was typed.
  if (!field.options || typed !== undefined) {
    return { kind: 'text', lines: typed ? typed.split(/\r?\n/) : [], minLines: field.lines ?? 1 };
  }
  const chosen = new Set(fill.chosen?.[field.key] ?? []);
  const choices = field.options.map((option): ChoiceLine => {
    const mark = chosen.has(option.value) ? MARK_CHOSEN : MARK_OPEN;
    return { value: option.value, label: option.label, chosen: mark === MARK_CHOSEN, mark, text: `${mark} ${option.label}` };
  });
  if (field.type === 'boolean') {
    return { kind: 'choices', layout: 'inline', choices, text: choices.map((c) => c.mark + c.label).join('　') };
  }
  return { kind: 'choices', layout: 'stacked', choices, text: choices.map((c) => c.text).join('\n') };
}

function insertedAfter(key: string, fill: FormFill): InsertedRow[] {
  return (fill.insertRows ?? []).filter((row) => row.afterKey === key).map((row) => ({ kind: 'inserted', texts: row.texts }));
}

// The sample generator builds its fills by hand: a misspelt key or option would silently print a
// blank form, so every name in a fill must exist in the definition.
function checkFillKeys(fill: FormFill): void {
  const known = new Map(FIELDS.map((field) => [field.key, field]));
  const fieldOf = (key: string, what: string): FieldDef => {
    const field = known.get(key);
    if (!field) throw new Error(`form fill: unknown field ${key} in ${what}`);
    return field;
  };
  for (const key of Object.keys(fill.values ?? {})) fieldOf(key, 'values');
  for (const key of Object.keys(fill.labels ?? {})) fieldOf(key, 'labels');
  for (const [key, values] of Object.entries(fill.chosen ?? {})) {
    const field = fieldOf(key, 'chosen');
    if (!field.options) throw new Error(`form fill: ${key} has no options to choose`);
    if (fill.values?.[key] !== undefined) throw new Error(`form fill: ${key} is both typed and chosen`);
    for (const value of values ?? []) {
      if (!field.options.some((option) => option.value === value)) throw new Error(`form fill: ${key} has no option ${value}`);
    }
  }
  for (const row of fill.insertRows ?? []) {
    if (fieldOf(row.afterKey, 'insertRows').section === 'form') {
      throw new Error(`form fill: rows go into the table, not after the header field ${row.afterKey}`);
    }
  }
}
