import { describe, expect, it } from 'vitest';
import { bWord, jis, rfc2231, sjis, utf8 } from '../../test/fixtures/mime/build-eml.js';
import { parseStructuredValue } from './header-params.js';

const NAME = '申請書①_株式会社テスト.xlsx';
const unfold = (s: string) => s.replace(/\r\n/g, '');

describe('parseStructuredValue', () => {
  it.each([
    ['RFC 2231 continuations, UTF-8', `attachment;${rfc2231('filename', utf8(NAME), 'UTF-8')}`],
    ['RFC 2231 continuations, ISO-2022-JP cut mid-character', `attachment;${rfc2231('filename', jis(NAME), 'ISO-2022-JP', 4)}`],
    ['RFC 2231 continuations, Shift_JIS', `attachment;${rfc2231('filename', sjis(NAME), 'Shift_JIS')}`],
    ['RFC 2231 single value', `attachment; filename*=UTF-8'ja'${encodeURIComponent(NAME)}`],
    ['RFC 2047 word in a quoted string', `attachment; filename="${bWord(jis(NAME), 'ISO-2022-JP')}"`],
    ['plain quoted name', `attachment; filename="${NAME}"`],
  ])('%s', (_, header) => {
    expect(parseStructuredValue(unfold(header))).toEqual({ value: 'attachment', params: expect.objectContaining({ filename: NAME }) });
  });

  it('takes continuations in index order, extended and plain segments mixed', () => {
    const header = `attachment; filename*1="-b.pdf"; filename*0*=UTF-8''%E7%94%B3; filename*2*=%E6%9B%B8`;
    expect(parseStructuredValue(header).params['filename']).toBe('申-b.pdf書');
  });

  it('prefers the RFC 2231 form over a plain twin', () => {
    const header = `attachment; filename="fallback.xlsx"; filename*=UTF-8''${encodeURIComponent(NAME)}`;
    expect(parseStructuredValue(header).params['filename']).toBe(NAME);
  });

  it('reads type, quoted strings with ";" and escapes', () => {
    const parsed = parseStructuredValue('Multipart/Mixed; boundary="a;b\\"c"; charset=ISO-2022-JP');
    expect(parsed.value).toBe('multipart/mixed');
    expect(parsed.params).toEqual({ boundary: 'a;b"c', charset: 'ISO-2022-JP' });
  });

  it('does not let a parameter named __proto__ reach the prototype', () => {
    const parsed = parseStructuredValue('attachment; __proto__=x; filename=a.pdf');
    expect(Object.getPrototypeOf(parsed.params)).toBeNull();
    expect(parsed.params['filename']).toBe('a.pdf');
  });
});
