// Bytes → text for every Japanese charset a mail can carry, labelled or not.
//
// Why not just libmime/iconv-lite: ISO-2022-JP is not in iconv-lite at all, and mailers from the
// Windows world write CP50220/CP50221 (ISO-2022-JP with the NEC row-13 characters ① ㈱ and
// half-width katakana via ESC ( I) under the plain "ISO-2022-JP" label; Shift_JIS labels mean
// CP932 (Windows-31J) in practice. Old mailers also send raw 8-bit Shift_JIS/EUC-JP or raw JIS
// escapes in headers and bodies with no label at all (RFC 2047/2045 say they must not; they do).
import Encoding from 'encoding-japanese';
import iconv from 'iconv-lite';

const ESC = 0x1b;
const SO = 0x0e; // CP50222: shift-out to half-width katakana
const SI = 0x0f;

type Family = 'jis' | 'sjis' | 'eucjp' | 'utf8' | 'ascii' | 'other';

const FAMILIES: ReadonlyArray<[RegExp, Family]> = [
  [/^(iso-?2022-?jp(-\d|-ext)?|csiso2022jp|jis|jis7|cp5022[012]|x-cp5022[012])$/, 'jis'],
  [/^(shift[-_]?jis|sjis|x-sjis|ms[-_]?kanji|csshiftjis|windows-31j|cs-?windows31j|cp932|ms932|x-ms-cp932|ibm-?943)$/, 'sjis'],
  [/^(euc-?jp|x-euc-?jp|cseucpkdfmtjapanese|euc-?jp-?ms|eucjp-?win|cp51932|cp20932)$/, 'eucjp'],
  [/^(utf-?8|utf8mb4|unicode-1-1-utf-8)$/, 'utf8'],
  [/^(us-?ascii|ascii|ansi_x3\.4-1968|iso646-us|7bit|8bit)$/, 'ascii'],
];

function familyOf(charset: string): Family {
  const name = charset.trim().toLowerCase().replace(/\*.*$/, ''); // RFC 2231 §5 "charset*lang"
  for (const [pattern, family] of FAMILIES) if (pattern.test(name)) return family;
  return 'other';
}

// UTF-7 can smuggle markup past filters (libmime refuses it for the same reason); base64/hex are
// transfer encodings that iconv-lite happens to list as codecs.
const REFUSED = /^(utf-?7(-imap)?|unicode-1-1-utf-7|csunicode11utf7|base64|hex|binary)$/i;

function hasByte(bytes: Uint8Array, byte: number): boolean {
  return bytes.indexOf(byte) !== -1;
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** ISO-2022-JP and its CP5022x variants; SO/SI half-width katakana (CP50222) rewritten as ESC ( I. */
function decodeJis(bytes: Uint8Array): string {
  let input: Uint8Array = bytes;
  if (hasByte(bytes, SO)) {
    const out: number[] = [];
    for (const b of bytes) {
      if (b === SO) out.push(ESC, 0x28, 0x49);
      else if (b === SI) out.push(ESC, 0x28, 0x42);
      else out.push(b);
    }
    input = Uint8Array.from(out);
  }
  // encoding-japanese decodes JIS X 0208 plus the NEC row 13 and IBM rows CP50221 uses (①, ㈱, 髙).
  return Encoding.convert(input, { from: 'JIS', to: 'UNICODE', type: 'string' });
}

const decodeCp932 = (bytes: Uint8Array): string => iconv.decode(Buffer.from(bytes), 'cp932');
const decodeEucJp = (bytes: Uint8Array): string => iconv.decode(Buffer.from(bytes), 'euc-jp');

const lenientUtf8 = new TextDecoder('utf-8');

const countReplacement = (text: string): number => text.split('\uFFFD').length - 1;

/**
 * Labelled UTF-8 that is not valid UTF-8: when most of its non-ASCII decodes to U+FFFD the label is
 * wrong (8-bit Shift_JIS under a UTF-8 label) and detection decides; when most of it decodes, it is
 * damaged UTF-8 and the U+FFFD stay, to be reported.
 */
function decodeLabelledUtf8(bytes: Uint8Array): string {
  const strict = tryUtf8(bytes);
  if (strict !== null) return strict;
  const lenient = lenientUtf8.decode(bytes);
  const replaced = countReplacement(lenient);
  const decoded = lenient.replace(/[\x00-\x7f\uFFFD]/g, '').length;
  if (replaced <= decoded) return lenient;
  const guessed = decodeUnlabelled(bytes);
  return countReplacement(guessed) < replaced ? guessed : lenient;
}

/**
 * Bytes with no (or a wrong) charset label: JIS escapes, UTF-8, or 8-bit Shift_JIS/EUC-JP as old
 * Japanese mailers write them. encoding-japanese guesses; a guess that leaves U+FFFD loses to the
 * other Japanese charset when that one decodes cleanly.
 */
export function decodeUnlabelled(bytes: Uint8Array): string {
  if (isAscii(bytes)) return hasByte(bytes, ESC) ? decodeJis(bytes) : Buffer.from(bytes).toString('latin1');
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return utf8;
  const guess = Encoding.detect(bytes);
  const order = guess === 'EUCJP' ? [decodeEucJp, decodeCp932] : [decodeCp932, decodeEucJp];
  const tried = order.map((decode) => decode(bytes));
  return tried.reduce((best, next) => (countReplacement(next) < countReplacement(best) ? next : best));
}

/** Decodes bytes in the declared charset; unknown, refused or contradicted labels fall back to detection. */
export function decodeBytes(bytes: Uint8Array, charset?: string | null): string {
  let text: string;
  const family = charset ? familyOf(charset) : 'other';
  if (!charset) text = decodeUnlabelled(bytes);
  else if (family === 'jis') text = isAscii(bytes) ? decodeJis(bytes) : decodeUnlabelled(bytes); // raw 8-bit labelled JIS: a lie
  else if (family === 'sjis') text = decodeCp932(bytes);
  else if (family === 'eucjp') text = decodeEucJp(bytes);
  else if (family === 'utf8') text = decodeLabelledUtf8(bytes);
  else if (family === 'ascii') text = decodeUnlabelled(bytes);
  else if (!REFUSED.test(charset.trim()) && iconv.encodingExists(charset.trim())) text = iconv.decode(Buffer.from(bytes), charset.trim());
  else text = decodeUnlabelled(bytes);
  return repairLeftoverJis(text);
}

// A run of 7-bit characters holding a JIS designation (ESC $ @, ESC $ B, ESC ( I, ESC $ ( D …).
const JIS_RUN = /[\x00-\x7f]*\x1b[$(][\x00-\x7f]*/g;

/**
 * Text that still holds ISO-2022-JP escapes: an unlabelled JIS header or body, or an encoded-word
 * mislabelled as US-ASCII/UTF-8. The escaped runs are decoded as JIS; everything else is kept.
 */
export function repairLeftoverJis(text: string): string {
  if (!text.includes('\x1b')) return text;
  return text.replace(JIS_RUN, (run) => decodeJis(Buffer.from(run, 'latin1')));
}

/** What is still wrong with decoded text, for `encodingProblems`; null when it looks clean. */
export function encodingProblemIn(text: string): string | null {
  if (text.includes('\x1b')) return 'ESC が残っています (ISO-2022-JP を復号できません)';
  if (text.includes('\uFFFD')) return 'U+FFFD があります (復号できないバイト)';
  return null;
}

/** True when raw header bytes need our decoding rather than the parser's (8-bit or JIS escapes). */
export function needsRawDecoding(bytes: Uint8Array): boolean {
  return !isAscii(bytes) || hasByte(bytes, ESC);
}
