// Property-based fuzzing of the label matcher and the normalizers (issue 5 §7): whatever text a cell
// or a PDF line holds — any code point, lone surrogates, labels buried in noise — nothing throws,
// and what comes back has the shape the record promises.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/form/definition.js';
import { isStopText, matchLabel, matchLabelPrefix } from '../../src/form/labels.js';
import { markOnly, parseBoolean, readMarkedOptions } from '../../src/normalize/checkbox.js';
import { parseCorporateNumber } from '../../src/normalize/corporate-number.js';
import { parseJapaneseDate } from '../../src/normalize/date.js';
import { normalizeEmail } from '../../src/normalize/email.js';
import { normalizeAnswers } from '../../src/normalize/form-values.js';
import { normalizeGpuType } from '../../src/normalize/gpu-type.js';
import { monthSpan } from '../../src/normalize/month-span.js';
import { parseCount, parseJapaneseNumber, parseMonths, parseYen } from '../../src/normalize/number.js';
import { readNumeral } from '../../src/normalize/numeral.js';
import { normalizePhone } from '../../src/normalize/phone.js';
import { normalizePostalCode, postalCodeInAddress } from '../../src/normalize/postal-code.js';
import { canonicalText, compactText, normalizeFreeText, normalizeLabel, normalizeText } from '../../src/normalize/text.js';

const RUNS = 300;

const LABELS = FIELDS.flatMap((f) => [f.label, ...f.variants]);
/** Characters the normalizers treat specially: digits of every width, 万億兆, marks, eras, separators. */
const SPECIAL = [...'０１２３４５６７８９0123456789.,，、．万億兆千百十円¥￥年月日令和平成RHST〒-－ー―‐+()（）：:■□☑☐○●×✓レ半約以上未満@＠　 \t\n※*'];

/** Any text: every code point (lone surrogates included), normalizer-relevant pieces, labels in noise. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...LABELS), fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 12 })).map((parts) => parts.join('')),
);

describe('fuzzing the label matcher', () => {
  it('never throws, and a prefix match names a real field', () => {
    fc.assert(
      fc.property(text, (s) => {
        matchLabel(s);
        isStopText(s);
        const prefix = matchLabelPrefix(s);
        if (prefix) expect(FIELDS).toContain(prefix.field);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds every printed label and variant through spaces (U+3000 too) and a trailing colon', () => {
    const spacing = fc.constantFrom('', ' ', '\u3000', '  ');
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), fc.nat(), spacing, fc.constantFrom('', '：', ':'), (field, pick, space, colon) => {
        const labels = [field.label, ...field.variants];
        const label = labels[pick % labels.length]!;
        expect(matchLabel(`${space}${[...label].join(space)}${colon}`)?.field.key).toBe(field.key);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzzing the normalizers', () => {
  it('never throw on any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const normalize of [normalizeText, normalizeFreeText, canonicalText, compactText, normalizeLabel, normalizeGpuType]) {
          expect(typeof normalize(s)).toBe('string');
        }
        markOnly(s);
        parseBoolean(s);
        parseCorporateNumber(s);
        monthSpan(s);
        readNumeral(s);
        postalCodeInAddress(s);
        for (const field of FIELDS) if (field.options) readMarkedOptions(s, field.options);
      }),
      { numRuns: RUNS },
    );
  });

  it('return null or a value of the promised shape', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const parse of [parseJapaneseNumber, parseCount, parseYen, parseMonths]) {
          const n = parse(s);
          if (n !== null) expect(Number.isFinite(n)).toBe(true);
        }
        const date = parseJapaneseDate(s);
        if (date !== null) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const postal = normalizePostalCode(s);
        if (postal !== null) expect(postal).toMatch(/^\d{3}-\d{4}$/);
        const email = normalizeEmail(s);
        if (email !== null) expect(email).toContain('@');
        normalizePhone(s);
      }),
      { numRuns: RUNS },
    );
  });

  it('normalize any set of answers into every field of the record, null or a value', () => {
    const answers = fc.array(fc.tuple(fc.constantFrom(...FIELDS.map((f) => f.key)), text), { maxLength: FIELDS.length });
    fc.assert(
      fc.property(answers, (pairs) => {
        const normalized = normalizeAnswers(new Map(pairs));
        for (const field of FIELDS) {
          const [section, name] = field.key.split('.') as [keyof typeof normalized.sections, string];
          expect(normalized.sections[section]).toHaveProperty(name);
        }
        for (const problem of normalized.problems) expect(FIELDS.map((f) => f.key)).toContain(problem.key);
      }),
      { numRuns: RUNS },
    );
  });
});
