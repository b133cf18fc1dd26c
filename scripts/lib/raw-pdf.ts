// A minimal PDF writer for what pdfkit cannot make: test fixtures with fonts that are not embedded or
// bare images, and the hostile corpus's PDFs that loop, lie or explode (hostile-pdf.ts), which pass
// their own trailer. Objects are numbered from 1 in the order given; object 1 must be the catalog.

export interface RawStream {
  dict: string;
  data: Buffer;
}

export type RawObject = string | RawStream;

/** The xref section, trailer and startxref, given where the xref starts and where each object is. */
export type Trailer = (xrefAt: number, offsets: readonly number[]) => string;

/** An xref table; `shift` moves every offset (into nowhere, for a lying file). */
export function xrefTable(offsets: readonly number[], shift = 0): string {
  const rows = offsets.map((offset) => `${String(offset + shift).padStart(10, '0')} 00000 n \n`).join('');
  return `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${rows}`;
}

export const honestTrailer: Trailer = (xrefAt, offsets) =>
  `${xrefTable(offsets)}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;

export function buildRawPdf(objects: readonly RawObject[], trailer: Trailer = honestTrailer): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (chunk: Buffer): void => {
    parts.push(chunk);
    length += chunk.length;
  };
  objects.forEach((object, index) => {
    offsets.push(length);
    push(Buffer.from(`${index + 1} 0 obj\n`, 'latin1'));
    if (typeof object === 'string') {
      push(Buffer.from(`${object}\n`, 'latin1'));
    } else {
      push(Buffer.from(`<< ${object.dict} /Length ${object.data.length} >>\nstream\n`, 'latin1'));
      push(object.data);
      push(Buffer.from('\nendstream\n', 'latin1'));
    }
    push(Buffer.from('endobj\n', 'latin1'));
  });
  push(Buffer.from(trailer(length, offsets), 'latin1'));
  return Buffer.concat(parts);
}

export const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
/** Objects 1 and 2: the catalog and a page tree whose only page is object 3. */
export const ONE_PAGE_TREE: readonly RawObject[] = [CATALOG, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'];

/** Object 3 under ONE_PAGE_TREE: a page drawing content stream 4 with font /F1 = object 5. */
export function textPage(mediaBox: string, keys = ''): string {
  return `<< /Type /Page /Parent 2 0 R /MediaBox [${mediaBox}] ${keys}/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`;
}

/** An unfiltered content stream of PDF operators. */
export function contentStream(operators: string): RawStream {
  return { dict: '', data: Buffer.from(operators, 'latin1') };
}

/** Text as a PDF hex string of UCS-2 (UTF-16BE) codes, the way UniJIS-UCS2-H expects it. */
export function ucs2Hex(text: string): string {
  return `<${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}
