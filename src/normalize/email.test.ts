import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email.js';

/** What the IME types with full-width input on: every ASCII character shifted to U+FF01–U+FF5E. */
const toFullWidth = (s: string): string => s.replace(/[!-~]/gu, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));

describe('normalizeEmail', () => {
  it.each<[string, string]>([
    ['yamada@example.co.jp', 'yamada@example.co.jp'],
    ['  yamada@example.co.jp  ', 'yamada@example.co.jp'],
    ['\u3000yamada@example.co.jp\u3000', 'yamada@example.co.jp'],
    ['ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', 'yamada@example.co.jp'],
    ['yamada＠example.co.jp', 'yamada@example.co.jp'],
    ['Taro.Yamada@Example.CO.JP', 'Taro.Yamada@example.co.jp'],
    ['TARO@EXAMPLE.COM', 'TARO@example.com'],
    ['mailto:yamada@example.co.jp', 'yamada@example.co.jp'],
    ['MAILTO:yamada@example.co.jp', 'yamada@example.co.jp'],
    ['<yamada@example.co.jp>', 'yamada@example.co.jp'],
    ['＜yamada@example.co.jp＞', 'yamada@example.co.jp'],
    ['山田 <yamada@example.co.jp>', 'yamada@example.co.jp'],
    ['山田 太郎 <Taro.Yamada@Example.co.jp>', 'Taro.Yamada@example.co.jp'],
    ['"山田 太郎" <yamada@example.co.jp>', 'yamada@example.co.jp'],
    ['山田太郎＜yamada@example.co.jp＞', 'yamada@example.co.jp'],
    ['<mailto:yamada@example.co.jp>', 'yamada@example.co.jp'],
    ['ai-survey+2023@lab.u-tokyo.ac.jp', 'ai-survey+2023@lab.u-tokyo.ac.jp'],
    ['first_last@sub.example.go.jp', 'first_last@sub.example.go.jp'],
    ["o'brien@example.com", "o'brien@example.com"],
    ['a!#$%&*/=?^`{|}~-@example.jp', 'a!#$%&*/=?^`{|}~-@example.jp'],
    ['info@xn--eckwd4c7c.jp', 'info@xn--eckwd4c7c.jp'],
    ['x@a1.example.tokyo', 'x@a1.example.tokyo'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each([
    '',
    '未定',
    'yamada',
    'yamada@',
    '@example.co.jp',
    'yamada@@example.co.jp',
    'yamada@example@co.jp',
    'yamada@localhost',
    'yamada@example',
    'yamada@example.c',
    'yamada@example.co.j1',
    'yamada@example..jp',
    'yamada@.example.jp',
    'yamada@example.jp.',
    'yamada@-example.jp',
    'yamada@example-.jp',
    'yamada@exa_mple.jp',
    '.yamada@example.jp',
    'yamada.@example.jp',
    'taro..yamada@example.jp',
    'yama da@example.jp',
    'yamada @ example.jp',
    '"yamada"@example.jp',
    'yamada(at)example.co.jp',
    'yamada@例え.jp',
    '山田@example.jp',
    'yamada@example.co.jp, suzuki@example.co.jp',
    'yamada@example.co.jp; suzuki@example.co.jp',
    `${'a'.repeat(65)}@example.jp`,
    `a@${'b'.repeat(64)}.jp`,
    `a@${'b.'.repeat(126)}jp`,
  ])('%j is not an address', (input) => {
    expect(normalizeEmail(input)).toBeNull();
  });

  const atext = fc.constantFrom(...'abcXYZ019!#$%&\'*+/=?^_`{|}~-'.split(''));
  const word = (unit: fc.Arbitrary<string>) => fc.string({ unit, minLength: 1, maxLength: 8 });
  const label = fc.stringMatching(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,6}[a-zA-Z0-9])?$/u);
  const address = fc.record({
    local: fc.array(word(atext), { minLength: 1, maxLength: 3 }).map((w) => w.join('.')),
    labels: fc.array(label, { minLength: 1, maxLength: 3 }),
    tld: fc.stringMatching(/^[a-zA-Z]{2,6}$/u),
  });

  it('keeps the local part, lower-cases the domain, and reads full-width and display-name forms alike', () => {
    fc.assert(
      fc.property(address, fc.constantFrom('山田 太郎', '"Yamada, Taro"', ''), ({ local, labels, tld }, name) => {
        const domain = [...labels, tld].join('.');
        const expected = `${local}@${domain.toLowerCase()}`;
        const written = `${local}@${domain}`;
        expect(normalizeEmail(written)).toBe(expected);
        expect(normalizeEmail(toFullWidth(written))).toBe(expected);
        expect(normalizeEmail(`${name} <${written}>`)).toBe(expected);
        expect(normalizeEmail(expected)).toBe(expected);
      }),
    );
  });
});
