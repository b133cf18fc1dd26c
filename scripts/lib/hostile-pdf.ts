// PDFs that loop, lie or explode, for the hostile corpus: a page tree that contains itself, a page that is its
// own parent, a stream whose /Length is itself, an xref chain whose /Prev points back at itself,
// offsets that point nowhere, a startxref past the end, and nesting deep enough to exhaust a
// recursive parser's stack. Each is otherwise well-formed enough to get past the first checks
// (%PDF- header, %%EOF at the end), so the reader really walks into the trap.
import { deflatedZeros } from './hostile-zip.js';
import { buildRawPdf, CATALOG, ONE_PAGE_TREE, textPage, xrefTable, type RawObject } from './raw-pdf.js';

const TEXT = 'BT /F1 24 Tf 72 720 Td (hostile) Tj ET';
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** /Kids that contain their own ancestor, with a /Count claiming a million pages. */
export function pdfKidsLoop(): Buffer {
  const objects = [
    CATALOG,
    '<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1000000 >>',
  ];
  return buildRawPdf(objects);
}

/** A page that is its own /Parent and inherits its /Resources: the inheritance walk never ends. */
export function pdfParentSelf(): Buffer {
  const objects = [
    ...ONE_PAGE_TREE,
    '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    `<< /Length ${TEXT.length} >>\nstream\n${TEXT}\nendstream`,
  ];
  return buildRawPdf(objects);
}

/** A content stream whose /Length is a reference to the stream object itself. */
export function pdfLengthSelf(): Buffer {
  const objects = [
    ...ONE_PAGE_TREE,
    textPage('0 0 612 792'),
    `<< /Length 4 0 R >>\nstream\n${TEXT}\nendstream`,
    FONT,
  ];
  return buildRawPdf(objects);
}

/**
 * Lies everywhere: xref offsets shifted into nowhere, a /Length ten thousand times too long, a
 * trailer /Prev pointing back at its own xref section, and a startxref past the end of the file.
 */
export function pdfLies(): Buffer {
  const objects = [
    ...ONE_PAGE_TREE,
    textPage('0 0 612 792'),
    `<< /Length ${TEXT.length * 10_000} >>\nstream\n${TEXT}\nendstream`,
    FONT,
  ];
  return buildRawPdf(objects, (xrefAt, offsets) =>
    `${xrefTable(offsets, 7_777_777)}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Prev ${xrefAt} >>\nstartxref\n${xrefAt + 50_000_000}\n%%EOF\n`,
  );
}

/**
 * A content stream of `megabytes` MB of zeros (NUL is white space to a PDF lexer), drawn `repeats`
 * times by one page: a few MB of file make pdf.js inflate and scan gigabytes. Nothing but a deadline
 * stops it; no size limit applies to data that is never held whole.
 */
export function pdfFlateBomb(megabytes: number, repeats: number): Buffer {
  // RFC 1950 around the raw deflate: header 78 DA, and the Adler-32 of n zeros (a = 1, b = n mod 65521).
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((megabytes * 1024 * 1024) % 65521) * 65536 + 1) >>> 0);
  const data = Buffer.concat([Buffer.from([0x78, 0xda]), deflatedZeros(megabytes), adler]);
  const objects: RawObject[] = [
    ...ONE_PAGE_TREE,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [${'4 0 R '.repeat(repeats)}] >>`,
    { dict: '/Filter /FlateDecode', data },
  ];
  return buildRawPdf(objects);
}

/** An array nested deeper than any recursive-descent parser's stack (pdf.js parses recursively). */
export function pdfDeepNesting(depth = 200_000): Buffer {
  const objects = [
    ...ONE_PAGE_TREE,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots ${'['.repeat(depth)}${']'.repeat(depth)} >>`,
  ];
  return buildRawPdf(objects);
}
