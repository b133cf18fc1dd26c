import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { bWord, euc, jis, qWord, sjis, utf8 } from '../../test/fixtures/mime/build-eml.js';
import { decodeEncodedWords } from './encoded-words.js';

const SUBJECT = '申請書①㈱の提出';

/** One ISO-2022-JP byte string cut at `at` into two B-words: the second starts mid-escape-state. */
function splitJis(text: string, at: number): string {
  const bytes = jis(text);
  return `${bWord(bytes.subarray(0, at), 'ISO-2022-JP')}\r\n ${bWord(bytes.subarray(at), 'ISO-2022-JP')}`;
}

const CASES: ReadonlyArray<[string, string, string]> = [
  ['ISO-2022-JP B with ① ㈱', bWord(jis(SUBJECT), 'ISO-2022-JP'), SUBJECT],
  ['ISO-2022-JP word per word', `${bWord(jis('申請'), 'ISO-2022-JP')}\r\n ${bWord(jis('書の提出'), 'ISO-2022-JP')}`, '申請書の提出'],
  ['ISO-2022-JP split inside a character', splitJis('申請書の提出', 6), '申請書の提出'],
  ['ISO-2022-JP split between the bytes of one character', splitJis('申請書の提出', 7), '申請書の提出'],
  ['ISO-2022-JP with half-width katakana', bWord(jis('ｼﾝｾｲ申請'), 'iso-2022-jp'), 'ｼﾝｾｲ申請'],
  ['Shift_JIS B', bWord(sjis(SUBJECT), 'Shift_JIS'), SUBJECT],
  ['Shift_JIS Q', qWord(sjis(SUBJECT), 'Shift_JIS'), SUBJECT],
  ['Windows-31J B', bWord(sjis('Ⅰ期 ①'), 'Windows-31J'), 'Ⅰ期 ①'],
  ['EUC-JP B', bWord(euc('申請書'), 'EUC-JP'), '申請書'],
  ['UTF-8 B', bWord(utf8(SUBJECT), 'UTF-8'), SUBJECT],
  ['UTF-8 Q with underscores as spaces', qWord(utf8('申請 書'), 'utf-8').replace('=20', '_'), '申請 書'],
  ['UTF-8 split inside a character', `${bWord(utf8('申請').subarray(0, 4), 'UTF-8')} ${bWord(utf8('申請').subarray(4), 'UTF-8')}`, '申請'],
  ['charset with an RFC 2231 language', bWord(jis('申請'), 'ISO-2022-JP*ja'), '申請'],
  ['text around words keeps its spaces', `Re: ${bWord(utf8('申請'), 'UTF-8')} (2)`, 'Re: 申請 (2)'],
  ['different charsets side by side', `${bWord(jis('申請'), 'ISO-2022-JP')} ${bWord(utf8('書'), 'UTF-8')}`, '申請書'],
  ['no encoded words', 'plain =? text', 'plain =? text'],
];

describe('decodeEncodedWords (RFC 2047)', () => {
  it.each(CASES)('%s', (_, encoded, expected) => {
    expect(decodeEncodedWords(encoded.replace(/\r\n/g, ''))).toBe(expected);
  });
});

// Measured, not assumed: mailparser 3.14 decodes these the same way (so trusting it for filenames
// in plain-ASCII headers is safe), split ISO-2022-JP words included.
describe('agrees with mailparser on RFC 2047 subjects', () => {
  it.each(CASES.filter(([name]) => name !== 'no encoded words'))('%s', async (_, encoded, expected) => {
    const parsed = await simpleParser(Buffer.from(`From: a@example.jp\r\nSubject: ${encoded}\r\n\r\nbody\r\n`, 'latin1'));
    expect(parsed.subject).toBe(expected);
  });
});
