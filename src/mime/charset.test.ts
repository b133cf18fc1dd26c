import { describe, expect, it } from 'vitest';
import { euc, jis, sjis, utf8 } from '../../test/fixtures/mime/build-eml.js';
import { decodeBytes, decodeUnlabelled, encodingProblemIn, needsRawDecoding, repairLeftoverJis } from './charset.js';

const NEC_AND_IBM = '①㈱Ⅰ～髙﨑';
const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe('decodeBytes: labelled charsets', () => {
  it.each([
    ['ISO-2022-JP', jis(`申請書${NEC_AND_IBM}`), `申請書${NEC_AND_IBM}`],
    ['iso-2022-jp', jis('ｼﾝｾｲｼｮ半角カナ'), 'ｼﾝｾｲｼｮ半角カナ'],
    // CP50221 by hand: ① (row 13 0x2D21), ㈱ (0x2D6A), ～ (0x2141), then ESC ( I half-width katakana.
    ['ISO-2022-JP', latin1('\x1b$B-!-j!A\x1b(I123\x1b(B'), '①㈱～ｱｲｳ'],
    // CP50222: half-width katakana by SO/SI instead of ESC ( I.
    ['CP50222', latin1('\x1b$B$"\x1b(B\x0e123\x0f!'), 'あｱｲｳ!'],
    ['Shift_JIS', sjis(`申請書${NEC_AND_IBM}ｱｲｳ`), `申請書${NEC_AND_IBM}ｱｲｳ`],
    ['Windows-31J', sjis(NEC_AND_IBM), NEC_AND_IBM],
    ['CP932', sjis('表示'), '表示'],
    ['x-sjis', sjis('ソフト'), 'ソフト'],
    ['EUC-JP', euc('申請書①'), '申請書①'],
    ['UTF-8', utf8('申請書①'), '申請書①'],
    ['utf8', utf8('𠮷野家'), '𠮷野家'],
    ['ISO-8859-1', latin1('caf\xe9'), 'café'],
  ])('%s', (charset, bytes, expected) => {
    expect(decodeBytes(bytes, charset)).toBe(expected);
  });

  it.each([
    ['raw Shift_JIS labelled ISO-2022-JP', sjis('申請書'), 'ISO-2022-JP', '申請書'],
    ['Shift_JIS labelled UTF-8', sjis('申請書の提出'), 'UTF-8', '申請書の提出'],
    ['JIS labelled US-ASCII', jis('申請書'), 'us-ascii', '申請書'],
    ['JIS labelled UTF-8', jis('申請書'), 'utf-8', '申請書'],
    ['unknown charset name', sjis('申請書'), 'x-unknown-charset', '申請書'],
    ['UTF-7 is refused, not decoded', latin1('+ADw-script+AD4-'), 'UTF-7', '+ADw-script+AD4-'],
  ])('a wrong label does not win: %s', (_, bytes, charset, expected) => {
    expect(decodeBytes(bytes, charset)).toBe(expected);
  });

  it('keeps U+FFFD for damaged UTF-8 rather than re-reading it as Shift_JIS', () => {
    const damaged = Buffer.concat([utf8('申請'), Buffer.from([0xe6, 0x9b]), utf8('書')]);
    expect(decodeBytes(damaged, 'UTF-8')).toBe('申請\uFFFD書');
  });
});

describe('decodeUnlabelled', () => {
  it.each([
    ['raw JIS', jis('申請書の提出①'), '申請書の提出①'],
    ['raw Shift_JIS', sjis('申請書の提出（株式会社テスト）'), '申請書の提出（株式会社テスト）'],
    ['raw Shift_JIS with 0x5C trail bytes', sjis('表示ソフト申請'), '表示ソフト申請'],
    ['raw EUC-JP', euc('申請書の提出（株式会社テスト）'), '申請書の提出（株式会社テスト）'],
    ['raw UTF-8', utf8('申請書の提出'), '申請書の提出'],
    ['ASCII', latin1('plain subject'), 'plain subject'],
  ])('%s', (_, bytes, expected) => {
    expect(decodeUnlabelled(bytes)).toBe(expected);
  });
});

describe('repairLeftoverJis', () => {
  it('decodes escaped runs and keeps the rest', () => {
    const text = `Re: ${jis('申請書').toString('latin1')} 提出 ${jis('①').toString('latin1')}`;
    expect(repairLeftoverJis(text)).toBe('Re: 申請書 提出 ①');
  });
  it('leaves text without ESC alone', () => {
    expect(repairLeftoverJis('申請書 $B')).toBe('申請書 $B');
  });
});

describe('encodingProblemIn / needsRawDecoding', () => {
  it.each([
    ['clean', '申請書', null],
    ['leftover ESC', 'a\x1bb', 'ESC'],
    ['replacement character', 'a\uFFFDb', 'U+FFFD'],
  ])('%s', (_, text, expected) => {
    const problem = encodingProblemIn(text);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });

  it.each([
    ['ascii', latin1('=?UTF-8?B?5bGx?='), false],
    ['8-bit', sjis('申'), true],
    ['JIS escape', jis('申'), true],
  ])('%s', (_, bytes, expected) => {
    expect(needsRawDecoding(bytes)).toBe(expected);
  });
});
