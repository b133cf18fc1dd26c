// The hostile-input corpus of issue 5 §7: one message per attack class, beside a valid control
// message, each with what its record must show. Built in memory one message at a time (build());
// nothing here is committed as a binary. Sizes are options so the bench can scale them.
import type { Limits } from '../../src/config/limits.js';
import type { AttachmentFormat, FlagCode, RecordStatus } from '../../src/record.js';
import { writeDocxForm } from '../../src/form/template-docx.js';
import { writePdfForm } from '../../src/form/template-pdf.js';
import { writeXlsxForm } from '../../src/form/template-xlsx.js';
import { SAKURA, NAMI_SYSTEMS, KITA_UNIV, varied, type Answers } from './applicants.js';
import { attachmentPart, encodedWord, rfc2231Param, textPart, type MimeNode } from './eml.js';
import { billionLaughs, externalEntities, millionRowSheet, partText, rezip, withDoctype, withExternalRelationship, withXInclude } from './hostile-ooxml.js';
import { pdfDeepNesting, pdfFlateBomb, pdfKidsLoop, pdfLengthSelf, pdfLies, pdfParentSelf } from './hostile-pdf.js';
import { brokenBase64, brokenQuotedPrintable, envelope, foldedValue, messageOf, rawMultipartMessage, rawPart } from './hostile-mime.js';
import { zerosEntry } from './hostile-zip.js';
import { writeZip, zipEntry, type ZipEntry } from './zip-writer.js';

export interface CorpusOptions {
  /** Goes into every traversal target (/tmp/intake-pwned-<tag>) so a test looks for exactly those. */
  tag: string;
  /** Base URL (ending in "/") that external references point at: the test's canary server. */
  canaryUrl: string;
  /** The limits the run uses: over-size messages are built just past them. */
  limits: Limits;
  /** Zeros in each zip bomb, in MB (2048: 2 GB declared, about 2 MB compressed). */
  bombMegabytes: number;
  /** Rows of the million-row sheet. */
  sheetRows: number;
  mimeParts: number;
  nestingLevels: number;
  headerBytes: number;
}

export const DEFAULT_CORPUS_SIZES = { bombMegabytes: 2048, sheetRows: 1_048_576, mimeParts: 20_000, nestingLevels: 50, headerBytes: 5 * 1024 * 1024 } as const;

export interface HostileExpectation {
  status: RecordStatus;
  /** Flag codes the record must carry (others may join, e.g. unsupported_format beside no_application_form). */
  flags: FlagCode[];
  /** What some flag's message must match: the limit variable that stopped the attack. */
  names?: RegExp;
  /** The applicant of the genuine form travelling with the attack; null when there is none. */
  applicant: string | null;
  /** Formats decided from the bytes, for the top-level attachments in order. */
  formats?: AttachmentFormat[];
}

export interface HostileMessage {
  /** File stem of the .eml; the number keeps the corpus in a stable order. */
  name: string;
  /** The §7 class this message belongs to. */
  hostileClass: string;
  expect: HostileExpectation;
  build(): Promise<Buffer>;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const S_IFLNK = 0o120777;
const S_IFREG = 0o100644;
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const MB = 1024 * 1024;
/** Paragraphs of the whitespace flood, together just under INTAKE_MAX_XML_MB. */
const FLOOD_PARAGRAPHS = 10;
/** How often the flate-bomb page draws its stream: 8 × 1 GB takes pdf.js minutes (about 20 s per GB). */
const PDF_BOMB_REPEATS = 8;

const fill = (a: Answers) => ({ values: a.values, chosen: a.chosen });
const named = (name: string) => rfc2231Param('filename', name);
const mixed = (name: string, parts: MimeNode[]): MimeNode => ({ contentType: 'multipart/mixed', boundary: `=_hostile_${name}`, parts: [textPart('申請書を送付します。'), ...parts] });
const unreadableForm: Pick<HostileExpectation, 'status' | 'applicant'> = { status: 'needs_attention', applicant: null };

/** The genuine forms the attacks start from, made once per corpus. */
interface Forms {
  xlsx: Buffer;
  docx: Buffer;
  pdf: Buffer;
}

async function formsOf(): Promise<Forms> {
  return { xlsx: await writeXlsxForm(fill(SAKURA)), docx: await writeDocxForm(fill(KITA_UNIV)), pdf: await writePdfForm(fill(NAMI_SYSTEMS)) };
}

const SAKURA_NAME = '株式会社さくらAIラボ';
const KITA_NAME = '国立大学法人北海道先端大学';
const NAMI_NAME = 'ナミシステムズ合同会社';

/**
 * A valid 申請書 message. `applicant` > 0 gives another applicant (name, sender, no corporate
 * number): a stream of them measures throughput without one growing chain of resubmissions.
 */
export async function validMessage(name: string, applicant = 0): Promise<Buffer> {
  const answers = applicant === 0 ? SAKURA : varied(SAKURA, { 'applicant.name': `株式会社ベンチ${applicant}`, 'applicant.corporateNumber': '', 'contact.email': `bench${applicant}@bench.example.jp` });
  const xlsx = await writeXlsxForm(fill(answers));
  return messageOf(name, mixed(name, [attachmentPart(XLSX, named('申請書.xlsx'), xlsx)]), undefined, answers.values['contact.email']);
}

export function hostileCorpus(options: CorpusOptions): HostileMessage[] {
  let forms: Promise<Forms> | null = null;
  const form = async <K extends keyof Forms>(kind: K): Promise<Forms[K]> => (await (forms ??= formsOf()))[kind];
  const { tag, canaryUrl, bombMegabytes } = options;
  const one = (name: string, parts: MimeNode[]) => messageOf(name, mixed(name, parts));
  const list: HostileMessage[] = [];
  const add = (name: string, hostileClass: string, expect: HostileExpectation, build: (name: string) => Promise<Buffer>) =>
    list.push({ name, hostileClass, expect, build: () => build(name) });

  add('00-control-valid-xlsx', 'control', { status: 'ok', flags: [], applicant: SAKURA_NAME, formats: ['xlsx'] }, (name) => validMessage(name));

  // Zip bombs: the declared sizes are honest here; only the ratio is hostile.
  add('01-zip-bomb-xlsx', 'zip bomb in xlsx', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'], names: /INTAKE_MAX_(XML|UNCOMPRESSED)_MB/ }, async (name) =>
    one(name, [attachmentPart(XLSX, named('申請書.xlsx'), rezip(await form('xlsx'), { 'xl/worksheets/sheet1.xml': zerosEntry('xl/worksheets/sheet1.xml', bombMegabytes) }))]));
  add('02-zip-bomb-xlsx-spread', 'zip bomb in xlsx', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'], names: /INTAKE_MAX_UNCOMPRESSED_MB/ }, async (name) => {
    // Each sheet stays under INTAKE_MAX_XML_MB; together they pass INTAKE_MAX_UNCOMPRESSED_MB.
    const perSheet = Math.max(1, Math.floor((options.limits.maxXmlBytes * 0.8) / MB));
    const sheets = Math.ceil(options.limits.maxUncompressedBytes / (perSheet * MB)) + 1;
    const extra = Array.from({ length: sheets }, (_, i) => zerosEntry(`xl/worksheets/sheet${i + 2}.xml`, perSheet));
    return one(name, [attachmentPart(XLSX, named('申請書.xlsx'), rezip(await form('xlsx'), {}, extra))]);
  });
  add('03-zip-bomb-docx', 'zip bomb in docx', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'], names: /INTAKE_MAX_(XML|UNCOMPRESSED)_MB/ }, async (name) =>
    one(name, [attachmentPart(DOCX, named('申請書.docx'), rezip(await form('docx'), { 'word/document.xml': zerosEntry('word/document.xml', bombMegabytes) }))]));
  add('04-zip-bomb-archive', 'zip bomb in a zip attachment', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'], names: /INTAKE_MAX_UNCOMPRESSED_MB/ }, async (name) =>
    one(name, [attachmentPart('application/zip', named('申請書一式.zip'), writeZip([zerosEntry('申請書.xlsx', bombMegabytes)]))]));
  add('05-zip-bomb-beside-form', 'zip bomb in docx', { status: 'needs_attention', flags: ['unreadable_attachment'], names: /INTAKE_MAX_(XML|UNCOMPRESSED)_MB/, applicant: NAMI_NAME }, async (name) =>
    one(name, [
      attachmentPart(DOCX, named('添付資料.docx'), rezip(await form('docx'), { 'word/document.xml': zerosEntry('word/document.xml', bombMegabytes) })),
      attachmentPart('application/pdf', named('申請書.pdf'), await form('pdf')),
    ]));
  add('06-zip-sizes-lie', 'zip whose declared sizes lie', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'] }, async (name) => {
    const xlsx = await form('xlsx');
    const sheet = Buffer.from(partText(xlsx, 'xl/worksheets/sheet1.xml'), 'utf8');
    // Declared far smaller than it inflates to, and declared 4 GB for a few KB (a pre-allocation trap).
    const lieDown: ZipEntry = { ...zerosEntry('xl/worksheets/sheet1.xml', 64), declaredSize: 1000 };
    const lieUp: ZipEntry = { ...zipEntry('xl/worksheets/sheet1.xml', sheet), declaredSize: 0xffffffff };
    return one(name, [
      attachmentPart(XLSX, named('申請書_小.xlsx'), rezip(xlsx, { 'xl/worksheets/sheet1.xml': lieDown })),
      attachmentPart(XLSX, named('申請書_大.xlsx'), rezip(xlsx, { 'xl/worksheets/sheet1.xml': lieUp })),
    ]);
  });
  add('07-zip-entry-flood', 'zip bomb in xlsx', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'], names: /INTAKE_MAX_ZIP_ENTRIES/ }, async (name) => {
    const extra = Array.from({ length: options.limits.maxZipEntries * 5 }, (_, i) => zipEntry(`xl/media/image${i}.png`, PNG_1PX));
    return one(name, [attachmentPart(XLSX, named('申請書.xlsx'), rezip(await form('xlsx'), {}, extra))]);
  });
  add('08-zip-in-zip', 'deep nesting', { status: 'needs_attention', flags: ['unreadable_attachment', 'no_application_form'], names: /INTAKE_MAX_NESTING_DEPTH/, applicant: null }, async (name) => {
    let zip = writeZip([zipEntry('申請書.xlsx', await form('xlsx'))]);
    for (let level = 1; level < options.nestingLevels; level += 1) zip = writeZip([zipEntry(`level${level}.zip`, zip)]);
    return one(name, [attachmentPart('application/zip', named('nested.zip'), zip)]);
  });
  add('09-zip-entry-flood-archive', 'zip bomb in a zip attachment', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'], names: /INTAKE_MAX_ZIP_ENTRIES/ }, async (name) => {
    const entries = Array.from({ length: options.limits.maxZipEntries * 5 }, (_, i) => zipEntry(`empty-${i}.txt`, Buffer.alloc(0)));
    return one(name, [attachmentPart('application/zip', named('申請書一式.zip'), writeZip(entries))]);
  });

  // Entity expansion and external resolution: a DOCTYPE in an OOXML part (ECMA-376 forbids one).
  add('10-billion-laughs-docx', 'entity expansion', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'] }, async (name) => {
    const docx = await form('docx');
    const { doctype, reference } = billionLaughs('w:document');
    return one(name, [attachmentPart(DOCX, named('申請書.docx'), rezip(docx, { 'word/document.xml': withDoctype(partText(docx, 'word/document.xml'), doctype, reference, 'w:t') }))]);
  });
  add('11-billion-laughs-xlsx', 'entity expansion', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'] }, async (name) => {
    const xlsx = await form('xlsx');
    const { doctype, reference } = billionLaughs('sst');
    return one(name, [attachmentPart(XLSX, named('申請書.xlsx'), rezip(xlsx, { 'xl/sharedStrings.xml': withDoctype(partText(xlsx, 'xl/sharedStrings.xml'), doctype, reference, 't') }))]);
  });
  add('12-external-entities-docx', 'external entities', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'] }, async (name) => {
    const docx = await form('docx');
    const { doctype, reference } = externalEntities('w:document', canaryUrl);
    return one(name, [attachmentPart(DOCX, named('申請書.docx'), rezip(docx, { 'word/document.xml': withDoctype(partText(docx, 'word/document.xml'), doctype, reference, 'w:t') }))]);
  });
  add('13-external-entities-xlsx', 'external entities', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'] }, async (name) => {
    const xlsx = await form('xlsx');
    const { doctype, reference } = externalEntities('sst', canaryUrl);
    return one(name, [attachmentPart(XLSX, named('申請書.xlsx'), rezip(xlsx, { 'xl/sharedStrings.xml': withDoctype(partText(xlsx, 'xl/sharedStrings.xml'), doctype, reference, 't') }))]);
  });
  // XInclude and external relationships need no DTD: the form stays readable, and nothing is fetched.
  add('14-xinclude-docx', 'XInclude', { status: 'ok', flags: [], applicant: KITA_NAME }, async (name) => {
    const docx = await form('docx');
    return one(name, [attachmentPart(DOCX, named('申請書.docx'), rezip(docx, { 'word/document.xml': withXInclude(partText(docx, 'word/document.xml'), canaryUrl) }))]);
  });
  add('15-external-template-docx', 'external references', { status: 'ok', flags: [], applicant: KITA_NAME }, async (name) => {
    const docx = await form('docx');
    const rels = withExternalRelationship(partText(docx, 'word/_rels/document.xml.rels'), 'attachedTemplate', canaryUrl);
    return one(name, [attachmentPart(DOCX, named('申請書.docx'), rezip(docx, { 'word/_rels/document.xml.rels': rels }))]);
  });
  add('16-external-link-xlsx', 'external references', { status: 'ok', flags: [], applicant: SAKURA_NAME }, async (name) => {
    const xlsx = await form('xlsx');
    const rels = withExternalRelationship(partText(xlsx, 'xl/_rels/workbook.xml.rels'), 'externalLink', canaryUrl);
    return one(name, [attachmentPart(XLSX, named('申請書.xlsx'), rezip(xlsx, { 'xl/_rels/workbook.xml.rels': rels }))]);
  });

  // Within every limit, yet each label tried used to walk the whole of each paragraph: 25 s per
  // two million spaces, on the thread that serves every other message (fixed in form/labels.ts).
  add('17-whitespace-flood-docx', 'whitespace flood', { status: 'ok', flags: [], applicant: KITA_NAME }, async (name) => {
    const docx = await form('docx');
    const spaces = Math.floor((options.limits.maxXmlBytes * 0.8) / FLOOD_PARAGRAPHS);
    const paragraph = `<w:p><w:r><w:t xml:space="preserve">${' '.repeat(spaces)}x</w:t></w:r></w:p>`;
    const xml = partText(docx, 'word/document.xml').replace('<w:body>', `<w:body>${paragraph.repeat(FLOOD_PARAGRAPHS)}`);
    return one(name, [attachmentPart(DOCX, named('申請書.docx'), rezip(docx, { 'word/document.xml': xml }))]);
  });

  // Structure: nesting, part count, header size, malformed MIME.
  add('20-deep-forward', 'deep nesting', { status: 'needs_attention', flags: ['unreadable_attachment', 'no_application_form'], names: /INTAKE_MAX_NESTING_DEPTH/, applicant: null }, async (name) => {
    let inner = one(`${name}-${options.nestingLevels}`, [attachmentPart(XLSX, named('申請書.xlsx'), await form('xlsx'))]);
    for (let level = options.nestingLevels - 1; level >= 1; level -= 1) {
      inner = one(`${name}-${level}`, [{ contentType: 'message/rfc822', transferEncoding: '8bit', body: inner }]);
    }
    return one(name, [{ contentType: 'message/rfc822', transferEncoding: '8bit', body: inner }]);
  });
  add('21-many-parts', 'very many parts', { ...unreadableForm, flags: ['unreadable_message'], names: /INTAKE_MAX_MIME_PARTS/ }, async (name) =>
    rawMultipartMessage(name, Array.from({ length: options.mimeParts }, (_, i) => rawPart(['Content-Type: text/plain'], `part ${i}`))));
  add('22-huge-subject', 'huge headers', { ...unreadableForm, flags: ['unreadable_message'], names: /INTAKE_MAX_HEADER_KB/ }, async (name) =>
    messageOf(name, textPart('本文'), foldedValue(options.headerBytes)));
  add('23-huge-part-header', 'huge headers', { ...unreadableForm, flags: ['unreadable_message'], names: /INTAKE_MAX_HEADER_KB/ }, async (name) =>
    // "あ" is 9 bytes percent-encoded: a file name four times the header limit, in RFC 2231 continuations.
    one(name, [attachmentPart(XLSX, rfc2231Param('filename', 'あ'.repeat(Math.ceil((options.limits.maxHeaderBytes * 4) / 9)), 'utf-8', 60), await form('xlsx'))]));
  add('24-boundary-missing', 'malformed structure', { ...unreadableForm, flags: ['unreadable_message'] }, async (name) =>
    Buffer.concat([Buffer.from(`${[...envelope(name), 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="never-used"'].join('\r\n')}\r\n\r\n`), rawPart(['Content-Type: text/plain'], 'no delimiter ever follows')]));
  add('25-not-a-message', 'malformed structure', { ...unreadableForm, flags: ['unreadable_message'] }, async () => PNG_1PX);

  // Names that would climb out of a directory if anything used them as paths.
  add('30-traversal-mime-names', 'traversal names in MIME', { ...unreadableForm, flags: ['no_application_form'] }, async (name) => {
    const payload = Buffer.from('pwned\n');
    const names = [
      rfc2231Param('filename', `../../../../tmp/intake-pwned-${tag}`),
      `filename="${encodedWord(`/tmp/intake-abs-${tag}`)}"`,
      `filename="${encodedWord('/etc/passwd')}"`,
      `filename="${encodedWord(`C:\\Windows\\intake-${tag}`, 'utf-8', 'Q')}"`,
      rfc2231Param('filename', `..\\..\\intake-win-${tag}`),
      rfc2231Param('filename', `../intake-cwd-${tag}`),
      'filename="CON"',
      'filename="aux.txt"',
      rfc2231Param('filename', 'a'.repeat(5000)),
      rfc2231Param('filename', 'invoice\u202Efdp.exe\u0000.txt'),
    ];
    return one(name, names.map((param) => attachmentPart('text/plain', param, payload)));
  });
  add('31-traversal-zip-names', 'traversal names in zips', { ...unreadableForm, flags: ['no_application_form'] }, async (name) => {
    const payload = Buffer.from('pwned\n');
    const zip = writeZip([
      zipEntry(`../../../../tmp/intake-zip-${tag}`, payload),
      zipEntry(`/tmp/intake-zipabs-${tag}`, payload),
      zipEntry(`..\\..\\intake-zipwin-${tag}`, payload),
      zipEntry(`C:\\Windows\\intake-zipdrive-${tag}`, payload),
      // The classic two-step: a symlink to /tmp, then a file "through" it.
      zipEntry('link', Buffer.from('/tmp'), { unixMode: S_IFLNK }),
      zipEntry(`link/intake-zipsym-${tag}`, payload, { unixMode: S_IFREG }),
      zipEntry('passwd', Buffer.from('/etc/passwd'), { unixMode: S_IFLNK }),
      zipEntry('CON', payload),
      zipEntry('a'.repeat(5000), payload),
    ]);
    return one(name, [attachmentPart('application/zip', named('申請書一式.zip'), zip)]);
  });
  add('32-traversal-in-xlsx', 'traversal names in zips', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'] }, async (name) =>
    one(name, [attachmentPart(XLSX, named('申請書.xlsx'), rezip(await form('xlsx'), {}, [
      zipEntry(`../../../../tmp/intake-ooxml-${tag}`, Buffer.from('pwned\n')),
      zipEntry('xl/media/link', Buffer.from('/etc/passwd'), { unixMode: S_IFLNK }),
    ]))]));

  // PDFs whose references loop or whose offsets lie.
  const pdfCase = (pdf: () => Buffer) => async (name: string) => one(name, [attachmentPart('application/pdf', named('申請書.pdf'), pdf())]);
  const pdfExpect: HostileExpectation = { ...unreadableForm, flags: ['no_application_form'], formats: ['pdf'] };
  add('40-pdf-kids-loop', 'PDF reference loops', pdfExpect, pdfCase(pdfKidsLoop));
  add('41-pdf-parent-self', 'PDF reference loops', pdfExpect, pdfCase(pdfParentSelf));
  add('42-pdf-length-self', 'PDF reference loops', pdfExpect, pdfCase(pdfLengthSelf));
  add('43-pdf-lies', 'PDF lies', pdfExpect, pdfCase(pdfLies));
  add('44-pdf-deep-nesting', 'PDF reference loops', pdfExpect, pdfCase(() => pdfDeepNesting()));
  // Gigabytes for pdf.js to inflate and scan, from a MB of file: no size limit applies to a stream
  // that is never held whole, so the extraction thread's memory cap or deadline must stop it.
  add('45-pdf-flate-bomb', 'PDF flate bomb', { ...pdfExpect, flags: ['unreadable_attachment', 'no_application_form'], names: /INTAKE_EXTRACT_(MEMORY_MB|TIMEOUT_S)/ }, pdfCase(() => pdfFlateBomb(Math.ceil(bombMegabytes / 2), PDF_BOMB_REPEATS)));

  // Type from content, never from the name or the declared type.
  add('50-html-named-pdf', 'disguised types', { ...unreadableForm, flags: ['unsupported_format', 'no_application_form'], formats: ['other'] }, async (name) =>
    one(name, [attachmentPart('application/pdf', named('申請書.pdf'), Buffer.from('<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n'))]));
  add('51-png-named-xlsx', 'disguised types', { ...unreadableForm, flags: ['unsupported_format', 'no_application_form'], formats: ['other'] }, async (name) =>
    one(name, [attachmentPart(XLSX, named('申請書.xlsx'), PNG_1PX)]));
  add('52-zip-named-xlsx', 'disguised types', { ...unreadableForm, flags: ['no_application_form'], formats: ['zip'] }, async (name) =>
    one(name, [attachmentPart(XLSX, named('申請書.xlsx'), writeZip([zipEntry('readme.txt', Buffer.from('not a workbook\n'))]))]));
  add('53-eml-named-pdf', 'disguised types', { ...unreadableForm, flags: ['no_application_form'], formats: ['eml'] }, async (name) =>
    one(name, [attachmentPart('application/pdf', named('申請書.pdf'), messageOf(`${name}-inner`, textPart('申請書は後日送ります。')))]));
  add('54-pdf-named-xlsx', 'disguised types', { status: 'ok', flags: [], applicant: NAMI_NAME, formats: ['pdf'] }, async (name) =>
    one(name, [attachmentPart(XLSX, named('申請書.xlsx'), await form('pdf'))]));

  // Transfer encodings that do not decode.
  add('60-broken-base64', 'broken base64', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'] }, async (name) =>
    rawMultipartMessage(name, [rawPart([`Content-Type: ${XLSX}`, 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="申請書.xlsx"'], brokenBase64(await form('xlsx')))]));
  add('61-broken-quoted-printable', 'broken quoted-printable', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'] }, async (name) =>
    rawMultipartMessage(name, [
      rawPart(['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'], `=E7=94=B3=ZZ=\r\n${'=E3=81'.repeat(200_000)}=`),
      rawPart([`Content-Type: ${XLSX}`, 'Content-Transfer-Encoding: quoted-printable', 'Content-Disposition: attachment; filename="申請書.xlsx"'], brokenQuotedPrintable(await form('xlsx'))),
    ]));

  // Size limits.
  add('70-attachment-over-limit', 'attachment over the size limit', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'], names: /INTAKE_MAX_ATTACHMENT_MB/ }, async (name) => {
    const big = Buffer.alloc(options.limits.maxAttachmentBytes + MB);
    big.write('%PDF-1.7\n');
    return one(name, [attachmentPart('application/pdf', named('申請書.pdf'), big)]);
  });
  add('71-message-over-limit', 'message over the size limit', { ...unreadableForm, flags: ['unreadable_message'], names: /INTAKE_MAX_MESSAGE_MB/ }, async (name) => {
    const line = Buffer.from(`${'A'.repeat(76)}\r\n`);
    const head = Buffer.from(`${[...envelope(name), 'MIME-Version: 1.0', 'Content-Type: text/plain'].join('\r\n')}\r\n\r\n`);
    return Buffer.concat([head, ...Array.from({ length: Math.ceil((options.limits.maxMessageBytes + MB) / line.length) }, () => line)]);
  });
  add('72-million-rows', 'a sheet with a million rows', { ...unreadableForm, flags: ['unreadable_attachment', 'no_application_form'], names: /INTAKE_MAX_SHEET_CELLS/ }, async (name) =>
    one(name, [attachmentPart(XLSX, named('申請書.xlsx'), rezip(await form('xlsx'), { 'xl/worksheets/sheet1.xml': await millionRowSheet('xl/worksheets/sheet1.xml', options.sheetRows) }))]));

  return list;
}
