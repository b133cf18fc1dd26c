// GPU model names as typed: "Ｈ１００" → "H100", "ＮＶＩＤＩＡ　Ｈ１００ ８０ＧＢ" → "NVIDIA H100 80GB",
// "A100‐80GB" (a word processor's hyphen) → "A100-80GB". Case is kept: "H100" and "h100" are the
// applicant's spelling, and matching models is not this field's job.
import { foldJapaneseVariants, normalizeText } from './text.js';

export function normalizeGpuType(s: string): string {
  return foldJapaneseVariants(normalizeText(s));
}
