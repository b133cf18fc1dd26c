// 郵便番号: seven digits written NNN-NNNN, often behind the 〒 mark and typed in full width.
import { canonicalText } from './text.js';

// ー is the long-vowel key pressed for a hyphen; NFKC already made 〶 (circled postal mark) into 〒.
const HYPHEN = '[-ー]';
const POSTAL_CODE = new RegExp(`^〒?\\s*(\\d{3})\\s*(?:${HYPHEN}|\\s)?\\s*(\\d{4})$`, 'u');
const MARKED = new RegExp(`〒\\s*(\\d{3})\\s*${HYPHEN}?\\s*(\\d{4})(?!\\d)`, 'u');
// Without the mark, only the very start of an address is trusted: "100-8901 東京都…", "1008901東京都…".
// Street numbers further on ("1-1-1") must never be taken for a postal code.
const LEADING = new RegExp(`^\\s*(\\d{3})${HYPHEN}?(\\d{4})(?!\\d)`, 'u');

function formatted(match: RegExpExecArray | null): string | null {
  return match ? `${match[1] ?? ''}-${match[2] ?? ''}` : null;
}

export function normalizePostalCode(s: string): string | null {
  return formatted(POSTAL_CODE.exec(canonicalText(s).trim()));
}

/** The postal code written in an address: after a 〒 mark anywhere, else a leading 7-digit group. */
export function postalCodeInAddress(address: string): string | null {
  const text = canonicalText(address);
  return formatted(MARKED.exec(text) ?? LEADING.exec(text));
}
