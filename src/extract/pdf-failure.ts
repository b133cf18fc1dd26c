// Turns what pdf.js throws into the failure the record shows; extractPdf never throws for bad input.
import { FormatError, InvalidPDFException, PasswordException } from 'pdf-parse';
import type { ExtractFailure } from './document.js';

export const PASSWORD_PROTECTED = 'password-protected PDF';
export const NO_TEXT_LAYER = 'スキャン画像のみでテキストがありません (no text layer: a scanned image?)';

export function failureFromError(error: unknown): ExtractFailure {
  // Raised both when a password is needed and when a given one is wrong; we never have one.
  if (error instanceof PasswordException) return { kind: 'unreadable', reason: PASSWORD_PROTECTED };
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof InvalidPDFException) return { kind: 'unreadable', reason: `corrupt PDF: ${message}` };
  if (error instanceof FormatError) return { kind: 'unreadable', reason: `corrupt PDF: ${message}` };
  return { kind: 'unreadable', reason: `PDF could not be read: ${message}` };
}
