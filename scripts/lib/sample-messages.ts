// The sample messages: every flag of the contract and every charset and nesting case the intake
// must handle, each with the flag codes it is meant to raise.
import type { FlagCode } from '../../src/record.js';
import { writeDocxForm } from '../../src/form/template-docx.js';
import { writePdfForm } from '../../src/form/template-pdf.js';
import { writeXlsxForm } from '../../src/form/template-xlsx.js';
import { KITA_UNIV, NAMI_SYSTEMS, SAKURA, varied, type Answers } from './applicants.js';
import { writeCfb } from './cfb-writer.js';
import { attachmentPart, encodedWord, encodeText, renderMessage, rfc2231Param, textPart, type Charset, type MimeNode } from './eml.js';
import { writeScannedPdf, writeUnrelatedXlsx } from './other-files.js';
import { writeZip, zipEntry } from './zip-writer.js';

export interface Sample {
  name: string;
  description: string;
  expectFlags: FlagCode[];
  eml: Buffer;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const xlsx = (a: Answers, extra: Parameters<typeof writeXlsxForm>[0] = {}) => writeXlsxForm({ values: a.values, chosen: a.chosen, ...extra });
const docx = (a: Answers) => writeDocxForm({ values: a.values, chosen: a.chosen });
const pdf = (a: Answers) => writePdfForm({ values: a.values, chosen: a.chosen });

interface Envelope {
  id: string;
  from: string;
  subject: string;
  /** JST wall-clock time the survey's server received it; null: no Received header at all. */
  received: string | null;
  /** Date: header (the sender's clock); defaults to a minute before `received`. */
  date?: string;
  subjectCharset?: Charset;
}

function rfc5322Date(jst: string): string {
  const date = new Date(`${jst}+09:00`);
  const shifted = new Date(date.getTime() + 9 * 3600 * 1000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[shifted.getUTCDay()]}, ${shifted.getUTCDate()} ${months[shifted.getUTCMonth()]} ${shifted.getUTCFullYear()} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())} +0900`;
}

function minuteBefore(jst: string): string {
  const date = new Date(new Date(`${jst}+09:00`).getTime() - 60_000 + 9 * 3600 * 1000);
  return date.toISOString().slice(0, 19);
}

function headers(e: Envelope): string[] {
  const lines: string[] = [];
  if (e.received) {
    lines.push(`Received: from mta.sender.example.jp (mta.sender.example.jp [192.0.2.10])\r\n\tby mx.survey.example.go.jp with ESMTPS id ${e.id};\r\n\t${rfc5322Date(e.received)}`);
    lines.push(`Received: from [10.0.0.5] by mta.sender.example.jp with ESMTPSA;\r\n\t${rfc5322Date(minuteBefore(e.received))}`);
  }
  const subject = e.subjectCharset ? encodedWord(e.subject, e.subjectCharset) : e.subject;
  lines.push(`From: ${e.from}`, 'To: genai-survey@survey.example.go.jp', `Subject: ${subject}`, `Date: ${rfc5322Date(e.date ?? minuteBefore(e.received ?? '2023-10-05T10:00:00'))}`, `Message-ID: <${e.id}@sender.example.jp>`);
  return lines;
}

function mixed(id: string, parts: MimeNode[]): MimeNode {
  return { contentType: 'multipart/mixed', boundary: `=_intake_${id}`, parts };
}

const BODY = '事前調査の申請書を提出いたします。\nご確認のほどよろしくお願いいたします。';

function message(e: Envelope, parts: MimeNode[], bodyCharset: Charset = 'utf-8'): Buffer {
  return renderMessage({ headers: headers(e), body: mixed(e.id, [textPart(BODY, bodyCharset), ...parts]) });
}

const utf8Name = (name: string) => rfc2231Param('filename', name, 'utf-8');
const sender = (name: string, address: string) => `${encodedWord(name, 'utf-8')} <${address}>`;

export async function buildSamples(): Promise<Sample[]> {
  const sakuraXlsx = await xlsx(SAKURA);
  const kitaDocx = await docx(KITA_UNIV);
  const namiPdf = await pdf(NAMI_SYSTEMS);
  const samples: Sample[] = [];
  const add = (name: string, description: string, expectFlags: FlagCode[], eml: Buffer) => samples.push({ name, description, expectFlags, eml });

  add('01-ok-xlsx', 'Excel の申請書、UTF-8、期間内', [], message(
    { id: 's01', from: sender('山田 花子', 'hanako.yamada@sakura-ai.example.jp'), subject: '【事前調査】申請書の提出（株式会社さくらAIラボ）', subjectCharset: 'utf-8', received: '2023-10-05T10:15:00' },
    [attachmentPart(XLSX, utf8Name('申請書_さくらAIラボ.xlsx'), sakuraXlsx)],
  ));

  add('02-ok-docx-iso2022jp', 'Word の申請書、件名は ISO-2022-JP（①・㈱ を含む）、ファイル名は RFC 2047 (ISO-2022-JP)', [], message(
    { id: 's02', from: sender('北川 拓也', 'kitagawa@ist.kita-u.example.ac.jp'), subject: '①事前調査申請書の送付（北海道先端大学）', subjectCharset: 'iso-2022-jp', received: '2023-10-02T16:40:00' },
    [attachmentPart(DOCX, `filename="${encodedWord('申請書_北海道先端大学.docx', 'iso-2022-jp')}"`, kitaDocx)],
    'iso-2022-jp',
  ));

  add('03-ok-pdf-sjis-rfc2231', 'PDF の申請書、件名は Shift_JIS、ファイル名は RFC 2231 の継続行', [], message(
    { id: 's03', from: sender('波多野 健', 'info@nami-sys.example.com'), subject: '生成AI基盤モデル事前調査 申請書（ナミシステムズ合同会社）', subjectCharset: 'shift_jis', received: '2023-10-11T23:59:30' },
    [attachmentPart('application/pdf', rfc2231Param('filename', '【提出】生成AI基盤モデル開発_事前調査申請書_ナミシステムズ.pdf', 'utf-8', 24), namiPdf)],
    'shift_jis',
  ));

  add('04-late', '期限（10月11日 23:59:59）の後に受信', ['late'], message(
    { id: 's04', from: sender('桜井 一郎', 'sakurai@kaede-tech.example.jp'), subject: '申請書（期限後）', subjectCharset: 'utf-8', received: '2023-10-12T00:00:05' },
    [attachmentPart(XLSX, utf8Name('申請書.xlsx'), await xlsx(varied(SAKURA, { 'applicant.name': '楓テック株式会社', 'applicant.corporateNumber': '', 'contact.email': 'sakurai@kaede-tech.example.jp' })))],
  ));

  add('05-early', '受付開始（9月22日 0:00）より前に受信', ['early'], message(
    { id: 's05', from: 'kitagawa@ist.kita-u.example.ac.jp', subject: 'Pre-survey application (early)', received: '2023-09-21T23:50:00' },
    [attachmentPart(DOCX, utf8Name('application-early.docx'), await docx(varied(KITA_UNIV, { 'applicant.name': '国立大学法人南九州工科大学', 'applicant.corporateNumber': '' })))],
  ));

  add('06-no-attachment', '添付ファイルなし（本文のみ）', ['no_attachment'], renderMessage({
    headers: headers({ id: 's06', from: sender('鈴木 次郎', 'suzuki@example.co.jp'), subject: '申請書は後日送付します', subjectCharset: 'iso-2022-jp', received: '2023-10-03T09:00:00' }),
    body: textPart('申請書は明日送付します。', 'iso-2022-jp'),
  }));

  add('07-no-form', '申請書ではない Excel（予算表）と画像のみ', ['no_application_form', 'unsupported_format'], message(
    { id: 's07', from: 'tanaka@budget.example.jp', subject: '予算表の送付', subjectCharset: 'utf-8', received: '2023-10-04T11:00:00' },
    [attachmentPart(XLSX, utf8Name('予算表.xlsx'), await writeUnrelatedXlsx()), attachmentPart('image/png', utf8Name('logo.png'), PNG_1PX)],
  ));

  add('08-legacy-doc', '旧形式の Word 文書（.doc）', ['unsupported_format', 'no_application_form'], message(
    { id: 's08', from: 'legacy@old-office.example.jp', subject: '申請書（Word 97-2003）', subjectCharset: 'shift_jis', received: '2023-10-06T14:00:00' },
    [attachmentPart('application/msword', utf8Name('申請書.doc'), writeCfb(['WordDocument', '1Table']))],
  ));

  add('09-corrupt-xlsx', '途中で切れた Excel ファイル', ['unreadable_attachment', 'no_application_form'], message(
    { id: 's09', from: 'broken@example.jp', subject: '申請書（破損）', received: '2023-10-06T15:00:00' },
    [attachmentPart(XLSX, utf8Name('申請書.xlsx'), sakuraXlsx.subarray(0, Math.floor(sakuraXlsx.length / 2)))],
  ));

  add('10-password-docx', 'パスワード付きの Word 文書', ['unreadable_attachment', 'no_application_form'], message(
    { id: 's10', from: 'secure@example.jp', subject: '申請書（パスワード別送）', received: '2023-10-06T16:00:00' },
    [attachmentPart(DOCX, utf8Name('申請書.docx'), writeCfb(['EncryptionInfo', 'EncryptedPackage']))],
  ));

  add('11-missing-fields', '必須項目の記入漏れ（電話番号・概要・法人区分）', ['missing_field'], message(
    { id: 's11', from: 'mori@morinoki.example.jp', subject: '申請書', received: '2023-10-07T10:00:00' },
    [attachmentPart(DOCX, utf8Name('申請書_森の木.docx'), await docx(varied(KITA_UNIV, { 'applicant.name': '森の木データ株式会社', 'contact.phone': '', 'development.summary': '' }, { 'applicant.category': [] })))],
  ));

  add('12-invalid-values', '不正な値（法人番号のチェックデジット、メール、電話、GPU数）', ['invalid_value'], message(
    { id: 's12', from: 'ogawa@kawa-ai.example.jp', subject: '申請書', received: '2023-10-07T11:00:00' },
    [attachmentPart(XLSX, utf8Name('申請書.xlsx'), await xlsx(varied(SAKURA, { 'applicant.name': '株式会社かわAI', 'applicant.corporateNumber': '1234567890123', 'contact.email': 'ogawa@@kawa-ai', 'contact.phone': '03-1234', 'compute.gpuCount': '未定（調整中）' })))],
  ));

  add('13-ineligible-period', '国内拠点なし、利用期間8か月、GPU時間が過大（PDF）', ['ineligible', 'exceeds_program_period', 'inconsistent_value'], message(
    { id: 's13', from: 'global@overseas-ai.example.com', subject: 'Application form', received: '2023-10-08T09:30:00' },
    [attachmentPart('application/pdf', utf8Name('application.pdf'), await pdf(varied(NAMI_SYSTEMS, { 'applicant.name': 'Overseas AI Japan株式会社', 'applicant.corporateNumber': '', 'applicant.domesticBase': 'なし', 'compute.periodMonths': '8ヶ月', 'compute.gpuCount': '100基', 'compute.gpuHours': '約100万時間' })))],
  ));

  add('14-multiple-forms', '申請書が2通（Excel と PDF）', ['multiple_forms'], message(
    { id: 's14', from: 'hikari@hikari-lab.example.jp', subject: '申請書（xlsx・pdf）', received: '2023-10-09T10:00:00' },
    [
      attachmentPart(XLSX, utf8Name('申請書.xlsx'), await xlsx(varied(SAKURA, { 'applicant.name': '株式会社ひかりラボ', 'applicant.corporateNumber': '', 'business.plan': '', 'business.overseas': '' }))),
      attachmentPart('application/pdf', utf8Name('申請書.pdf'), await pdf(varied(SAKURA, { 'applicant.name': '株式会社ひかりラボ', 'applicant.corporateNumber': '' }))),
    ],
  ));

  add('15-resubmission', '01 と同じ法人番号からの再提出（差替え）', ['resubmission'], message(
    { id: 's15', from: sender('山田 花子', 'hanako.yamada@sakura-ai.example.jp'), subject: '【再提出】申請書（株式会社さくらAIラボ）', subjectCharset: 'utf-8', received: '2023-10-10T09:00:00' },
    [attachmentPart(XLSX, utf8Name('申請書_さくらAIラボ_v2.xlsx'), await xlsx(varied(SAKURA, { 'applicant.name': '㈱さくらAIラボ', 'compute.requestedAmountYen': '10億円' })))],
  ));

  add('16-date-header-only', 'Received ヘッダがなく Date ヘッダのみ', ['received_time_uncertain'], message(
    { id: 's16', from: 'direct@example.jp', subject: '申請書', received: null, date: '2023-10-05T08:00:00' },
    [attachmentPart('application/pdf', utf8Name('申請書.pdf'), await pdf(varied(NAMI_SYSTEMS, { 'applicant.name': '株式会社ダイレクト', 'applicant.corporateNumber': '' })))],
  ));

  add('17-unreadable-message', 'MIME パート数が上限を超えるメッセージ', ['unreadable_message'], renderMessage({
    headers: headers({ id: 's17', from: 'flood@example.jp', subject: 'many parts', received: '2023-10-05T12:00:00' }),
    body: mixed('s17', Array.from({ length: 600 }, (_, i) => textPart(`part ${i}`))),
  }));

  add('18-forwarded-eucjp', '転送メール（message/rfc822）の中の申請書、件名は EUC-JP', [], message(
    { id: 's18', from: sender('秘書室', 'hisho@umi-ai.example.jp'), subject: '転送: 申請書（海AI株式会社）', subjectCharset: 'euc-jp', received: '2023-10-06T10:00:00' },
    [{
      contentType: 'message/rfc822',
      transferEncoding: '8bit',
      headers: ['Content-Disposition: attachment; filename="forwarded.eml"'],
      body: message({ id: 's18-inner', from: 'cto@umi-ai.example.jp', subject: '申請書', subjectCharset: 'iso-2022-jp', received: '2023-10-06T09:00:00' },
        [attachmentPart(DOCX, utf8Name('申請書_海AI.docx'), await docx(varied(KITA_UNIV, { 'applicant.name': '海AI株式会社', 'applicant.corporateNumber': '', 'contact.email': 'cto@umi-ai.example.jp' }, { 'applicant.category': ['large_company'] })))]),
    }],
    'euc-jp',
  ));

  add('19-zip-cp932', 'ZIP の中の申請書（エントリ名は CP932、UTF-8 フラグなし）', [], message(
    { id: 's19', from: 'yama@yamabiko.example.jp', subject: '申請書一式', subjectCharset: 'utf-8', received: '2023-10-06T11:00:00' },
    [attachmentPart('application/zip', utf8Name('申請書一式.zip'), writeZip([
      zipEntry(encodeText('申請書_やまびこ.xlsx', 'shift_jis'), await xlsx(varied(SAKURA, { 'applicant.name': '株式会社やまびこ', 'applicant.corporateNumber': '', 'contact.email': 'yama@yamabiko.example.jp' }))),
      zipEntry(encodeText('会社概要.txt', 'shift_jis'), encodeText('会社概要\r\n', 'shift_jis')),
    ]))],
  ));

  add('20-unlabelled-jis', '文字コード指定のない生の JIS（件名・本文）', [], renderMessage({
    headers: [...headers({ id: 's20', from: 'old-mailer@example.jp', subject: '', received: '2023-10-06T12:00:00' }).map((line) => (line === 'Subject: ' ? `Subject: ${encodeText('申請書の提出', 'iso-2022-jp').toString('latin1')}` : line))],
    body: mixed('s20', [
      { contentType: 'text/plain', transferEncoding: '7bit', body: encodeText(BODY.replace(/\n/g, '\r\n'), 'iso-2022-jp') },
      attachmentPart('application/pdf', 'filename="shinseisho.pdf"', await pdf(varied(NAMI_SYSTEMS, { 'applicant.name': '旧メーラー株式会社', 'applicant.corporateNumber': '' }))),
    ]),
  }));

  add('21-scanned-pdf', 'スキャンした画像だけの PDF', ['no_application_form'], message(
    { id: 's21', from: 'scan@example.jp', subject: '申請書（スキャン）', received: '2023-10-06T13:00:00' },
    [attachmentPart('application/pdf', utf8Name('申請書_スキャン.pdf'), await writeScannedPdf())],
  ));

  add('22-variant-labels', '別表記の項目名・行の挿入（申請者名、本社所在地、TEL、E-mail、使用GPU、GPU枚数、助成希望額）', [], message(
    { id: 's22', from: 'variant@tsuki-ai.example.jp', subject: '申請書', received: '2023-10-09T15:00:00' },
    [attachmentPart(XLSX, utf8Name('申請書_月AI.xlsx'), await xlsx(varied(SAKURA, { 'applicant.name': '月AI株式会社', 'applicant.corporateNumber': '', 'contact.email': 'variant@tsuki-ai.example.jp' }), {
      labels: { 'applicant.name': '申請者名', 'applicant.address': '本社所在地', 'contact.phone': 'TEL', 'contact.email': 'E-mail', 'compute.gpuType': '使用GPU', 'compute.gpuCount': 'GPU枚数', 'compute.requestedAmountYen': '助成希望額' },
      insertRows: [{ afterKey: 'applicant.address', texts: ['（支店）', '大阪府大阪市'] }, { afterKey: 'contact.email', texts: ['副担当', '佐藤 三郎'] }],
    }))],
  ));

  add('23-injection', '表計算の数式・HTML を含む記入（レポートの安全確認用）', [], message(
    { id: 's23', from: 'attacker@injection.example.net', subject: '<script>alert(1)</script>', received: '2023-10-09T16:00:00' },
    [attachmentPart(XLSX, utf8Name('申請書.xlsx'), await xlsx(varied(SAKURA, { 'applicant.name': '=HYPERLINK("http://evil.example/","株式会社インジェクション")', 'applicant.corporateNumber': '', 'applicant.representative': '@SUM(1+1)', 'contact.name': '+81 太郎', 'contact.email': 'attacker@injection.example.net', 'development.summary': '<img src=x onerror=alert(1)><script>alert(2)</script>' })))],
  ));

  add('24-nested-forward-zip', '転送の中の転送の中の ZIP の中の申請書（PDF）', [], message(
    { id: 's24', from: 'relay@example.jp', subject: 'Fwd: Fwd: 申請書', received: '2023-10-10T10:00:00' },
    [{
      contentType: 'message/rfc822',
      transferEncoding: '8bit',
      body: message({ id: 's24-1', from: 'boss@hoshi-ai.example.jp', subject: 'Fwd: 申請書', received: '2023-10-10T09:00:00' }, [{
        contentType: 'message/rfc822',
        transferEncoding: '8bit',
        body: message({ id: 's24-2', from: 'dev@hoshi-ai.example.jp', subject: '申請書', received: '2023-10-10T08:00:00' }, [
          attachmentPart('application/zip', utf8Name('forms.zip'), writeZip([zipEntry('申請書_星AI.pdf', await pdf(varied(NAMI_SYSTEMS, { 'applicant.name': '星AI株式会社', 'applicant.corporateNumber': '' })))])),
        ]),
      }]),
    }],
  ));
  return samples;
}

/** The smallest PNG: a logo-like attachment that is not a form. */
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

