// Finds the 申請書 among a message's attachments (nested ones included): reads every xlsx, docx and
// pdf, keeps those that look like the form, and uses the most complete one.
import type { ExtractLimits, ExtractResult } from '../extract/document.js';
import { isFormFormat, type FormFormat } from '../extract/extractors.js';
import type { FoundAttachment } from '../mime/message.js';
import type { AttachmentInfo, Flag } from '../record.js';
import { makeFlag } from '../validate/flags.js';
import { readForm, type FormReading } from './read-form.js';

/** Runs one extractor; the pipeline may run it in an isolated thread with a deadline. */
export type ExtractRunner = (format: FormFormat, bytes: Buffer, limits: ExtractLimits) => Promise<ExtractResult>;

/** A document naming fewer of the form's labels is some other file (a budget sheet, a paper). */
export const MIN_LABELS_FOR_FORM = 5;

/** Why a PDF is no form: a scan, an image of the form with no text to read. */
export const NO_TEXT_LAYER = 'テキストのないPDF（スキャン画像）';

/** Names for formats the project cannot read, as staff know them. */
const FORMAT_NAMES: Readonly<Record<string, string>> = {
  doc: 'Word 97-2003 文書 (.doc)',
  xls: 'Excel 97-2003 ブック (.xls)',
  ppt: 'PowerPoint 97-2003 (.ppt)',
  pptx: 'PowerPoint (.pptx)',
  odf: 'OpenDocument',
  rtf: 'リッチテキスト (.rtf)',
  html: 'HTML',
  png: '画像 (PNG)',
  jpeg: '画像 (JPEG)',
  gif: '画像 (GIF)',
  tiff: '画像 (TIFF)',
  text: 'テキスト',
  unknown: '不明な形式',
};

export interface FoundForm {
  attachment: FoundAttachment;
  reading: FormReading;
}

export interface FormSearch {
  attachments: AttachmentInfo[];
  form: FoundForm | null;
  flags: Flag[];
}

const nameOf = (a: FoundAttachment) => a.path ?? a.filename;
const filledCount = (reading: FormReading) => [...reading.answers.values()].filter((text) => text.trim() !== '').length;

/** What reading one candidate file gave: a form, a file that is not the form, or a flag-worthy failure. */
export type FileReading =
  | { kind: 'form'; reading: FormReading; unread?: Flag }
  | { kind: 'not_form'; labelsFound: number; unread?: Flag }
  | { kind: 'no_text'; reason: string }
  | { kind: 'failed'; flag: Flag };

export async function readFormFile(name: string, format: FormFormat, bytes: Buffer, run: ExtractRunner, limits: ExtractLimits): Promise<FileReading> {
  const result = await run(format, bytes, limits);
  if (result.ok) {
    const reading = readForm(result.document);
    // A limit that left part of the file unread is a flag even where the form itself was read.
    const unread = result.document.unread ? { unread: makeFlag('unreadable_attachment', { attachment: name, detail: result.document.unread }) } : {};
    return reading.labelsFound >= MIN_LABELS_FOR_FORM ? { kind: 'form', reading, ...unread } : { kind: 'not_form', labelsFound: reading.labelsFound, ...unread };
  }
  const { failure } = result;
  if (failure.kind === 'no_text') return { kind: 'no_text', reason: failure.reason };
  if (failure.kind === 'unsupported') return { kind: 'failed', flag: makeFlag('unsupported_format', { attachment: name, detail: `${name}：${failure.format}` }) };
  return { kind: 'failed', flag: makeFlag('unreadable_attachment', { attachment: name, detail: failure.reason }) };
}

export async function findForm(found: readonly FoundAttachment[], run: ExtractRunner, limits: ExtractLimits): Promise<FormSearch> {
  const flags: Flag[] = [];
  const unsupported: Flag[] = [];
  const noText: string[] = [];
  const forms: FoundForm[] = [];
  const seen = new Set<string>();

  for (const attachment of found) {
    const name = nameOf(attachment);
    if (attachment.problem) {
      flags.push(makeFlag('unreadable_attachment', { attachment: name, detail: attachment.problem }));
      continue;
    }
    if (attachment.kind === 'ooxml-encrypted') {
      flags.push(makeFlag('unreadable_attachment', { attachment: name, detail: 'パスワードで保護されています' }));
      continue;
    }
    if (attachment.format === 'zip' || attachment.format === 'eml') continue;
    if (!isFormFormat(attachment.format)) {
      unsupported.push(makeFlag('unsupported_format', { attachment: name, detail: `${name}：${FORMAT_NAMES[attachment.kind] ?? attachment.kind}` }));
      continue;
    }
    if (!attachment.bytes) continue;
    // The same file attached twice is one form, not two.
    if (seen.has(attachment.sha256)) continue;
    seen.add(attachment.sha256);
    const read = await readFormFile(name, attachment.format, attachment.bytes, run, limits);
    if ((read.kind === 'form' || read.kind === 'not_form') && read.unread) flags.push(read.unread);
    if (read.kind === 'form') forms.push({ attachment, reading: read.reading });
    else if (read.kind === 'no_text') noText.push(`${name}（${read.reason}）`);
    else if (read.kind === 'failed') (read.flag.code === 'unsupported_format' ? unsupported : flags).push(read.flag);
  }

  const best = forms.reduce<FoundForm | null>((a, b) => (!a || filledCount(b.reading) > filledCount(a.reading) ? b : a), null);
  if (forms.length > 1 && best) {
    flags.push(makeFlag('multiple_forms', { attachment: nameOf(best.attachment), detail: `${forms.length}件（${forms.map((f) => nameOf(f.attachment)).join('、')}）。${nameOf(best.attachment)} を使用` }));
  }
  if (found.length === 0) flags.push(makeFlag('no_attachment'));
  else if (!best) {
    // A readable form elsewhere makes an extra image or .doc harmless; without one, they explain why.
    flags.push(...unsupported);
    flags.push(makeFlag('no_application_form', { detail: noText.length > 0 ? `${NO_TEXT_LAYER}：${noText.join('、')}` : '添付ファイルに申請書の項目が見つかりません' }));
  }

  const formShas = new Set(forms.map((f) => f.attachment.sha256));
  const attachments = found.map((a): AttachmentInfo => {
    const info: AttachmentInfo = { filename: a.filename, contentType: a.contentType, size: a.size, sha256: a.sha256, format: a.format, role: formShas.has(a.sha256) ? 'application_form' : 'other' };
    if (a.path !== undefined) info.path = a.path;
    return info;
  });
  return { attachments, form: best, flags };
}
