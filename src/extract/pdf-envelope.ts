// Cheap checks on the raw bytes before pdf.js sees them. pdf.js is lenient on purpose: it rebuilds a
// damaged cross-reference table and reads whatever pages it still finds, so a truncated file whose
// page tree comes first (as many writers put it) would quietly yield a partial form.

/** PDF readers accept the header anywhere in the first 1 KB (junk before it is common). */
const HEADER_WINDOW = 1024;
/** The last %%EOF must sit near the end; writers add at most a line break or NUL padding after it. */
const TRAILER_WINDOW = 1024;

/** Why these bytes cannot be a complete PDF, or null when they might be one. */
export function envelopeProblem(bytes: Buffer): string | null {
  if (bytes.length === 0) return 'empty file';
  if (!bytes.subarray(0, HEADER_WINDOW).includes('%PDF-', 0, 'latin1')) return 'not a PDF (no %PDF- header)';
  let end = bytes.length;
  while (end > 0 && isPadding(bytes[end - 1]!)) end -= 1;
  if (!bytes.subarray(Math.max(0, end - TRAILER_WINDOW), end).includes('%%EOF', 0, 'latin1')) {
    return 'truncated PDF (no %%EOF at the end)';
  }
  return null;
}

/** NUL and PDF white space (ISO 32000-1, 7.2.2). */
function isPadding(byte: number): boolean {
  return byte === 0x00 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;
}
