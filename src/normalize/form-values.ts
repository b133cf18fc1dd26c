// The form's answers → typed values, one normalizer per field type of the form definition.
// What cannot be interpreted stays verbatim in `raw` and is reported as a problem (→ invalid_value).
import { FIELDS, RECORD_SECTIONS, type FieldDef, type FieldType, type RecordSection } from '../form/definition.js';
import { readMarkedOptions, parseBoolean } from './checkbox.js';
import { parseCorporateNumber } from './corporate-number.js';
import { parseJapaneseDate } from './date.js';
import { normalizeEmail } from './email.js';
import { normalizeGpuType } from './gpu-type.js';
import { parseCount, parseMonths, parseYen } from './number.js';
import { normalizePhone } from './phone.js';
import { normalizePostalCode, postalCodeInAddress } from './postal-code.js';
import { normalizeFreeText, normalizeText } from './text.js';

export interface FieldProblem {
  key: string;
  kind: 'missing' | 'invalid';
  /** Why the value is invalid, in Japanese, for the flag message. */
  reason?: string;
}

export interface NormalizedForm {
  sections: Record<RecordSection, Record<string, unknown>>;
  raw: Record<string, string>;
  problems: FieldProblem[];
}

/** `missing`: an option group whose boxes are all empty is missing (application-form.md), not invalid. */
type Parsed = { value: unknown } | { invalid: string } | { missing: true };

function options(field: FieldDef) {
  return field.options ?? [];
}

const PARSERS: Record<FieldType, (text: string, field: FieldDef) => Parsed> = {
  text: (text) => ({ value: normalizeText(text) }),
  freeText: (text) => ({ value: normalizeFreeText(text) }),
  gpuType: (text) => ({ value: normalizeGpuType(text) }),
  corporateNumber: (text) => {
    const parsed = parseCorporateNumber(text);
    if (!parsed) return { invalid: '数字がありません' };
    if (parsed.digits.length !== 13) return { invalid: '13桁ではありません' };
    return parsed.valid ? { value: parsed.digits } : { invalid: 'チェックデジットが一致しません' };
  },
  postalCode: (text) => orInvalid(normalizePostalCode(text), '郵便番号の形式（NNN-NNNN）ではありません'),
  phone: (text) => orInvalid(normalizePhone(text), '電話番号の形式ではありません'),
  email: (text) => orInvalid(normalizeEmail(text), 'メールアドレスの形式ではありません'),
  integer: (text) => orInvalid(parseCount(text), '数値として読めません'),
  months: (text) => orInvalid(parseMonths(text), '月数として読めません'),
  yen: (text) => orInvalid(parseYen(text), '金額として読めません'),
  date: (text) => orInvalid(parseJapaneseDate(text), '日付として読めません'),
  boolean: (text) => {
    const value = parseBoolean(text);
    return value === null ? { invalid: 'はい・いいえのいずれかを選択してください' } : { value };
  },
  enum: (text, field) => {
    const { chosen, marked } = readMarkedOptions(text, options(field));
    if (chosen.length === 1) return { value: chosen[0] };
    if (chosen.length === 0 && marked) return { missing: true };
    return { invalid: chosen.length > 1 ? '一つだけ選択してください' : '選択肢を読み取れません' };
  },
  enumSet: (text, field) => {
    const { chosen, marked } = readMarkedOptions(text, options(field));
    if (chosen.length > 0) return { value: chosen };
    return marked ? { missing: true } : { invalid: '選択肢を読み取れません' };
  },
};

function orInvalid(value: unknown, reason: string): Parsed {
  return value === null || value === undefined ? { invalid: reason } : { value };
}

/** The blank template's date line "令和　　年　　月　　日" holds no digits: nothing was written. */
function isBlank(field: FieldDef, text: string): boolean {
  return text.trim() === '' || (field.type === 'date' && !/[0-9０-９元]/.test(text));
}


export function normalizeAnswers(answers: ReadonlyMap<string, string>): NormalizedForm {
  const sections = Object.fromEntries(RECORD_SECTIONS.map((s) => [s, {}])) as NormalizedForm['sections'];
  const raw: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const field of FIELDS) {
    const [section, name] = field.key.split('.') as [RecordSection, string];
    const text = answers.get(field.key) ?? '';
    sections[section][name] = null;
    const blank = isBlank(field, text);
    if (!blank) raw[field.key] = text;
    const parsed: Parsed = blank ? { missing: true } : PARSERS[field.type](text, field);
    if ('missing' in parsed) {
      if (field.required) problems.push({ key: field.key, kind: 'missing' });
    } else if ('invalid' in parsed) problems.push({ key: field.key, kind: 'invalid', reason: parsed.invalid });
    else sections[section][name] = parsed.value === '' ? null : parsed.value;
  }
  const applicant = sections.applicant;
  if (applicant.postalCode === null && raw['applicant.postalCode'] === undefined && typeof applicant.address === 'string') {
    applicant.postalCode = postalCodeInAddress(applicant.address);
  }
  applicant.grantRate = grantRate(applicant.category);
  return { sections, raw, problems };
}

/** 定額 for SMEs (特定事業者) and academic institutions, 1/2 for every other company. */
function grantRate(category: unknown): 'fixed' | 'half' | null {
  if (category === null || category === undefined) return null;
  return category === 'sme' || category === 'academic' ? 'fixed' : 'half';
}
