// Stored records for the report tests: realistic 申請書 submissions, the awkward cases (no form,
// late, resubmitted) and hostile applicant text (formula and script injection).
import { FIELDS } from '../../src/form/definition.js';
import { RECORD_SCHEMA, statusOf, type AttachmentInfo, type Flag, type FormRecord, type IntakeRecord } from '../../src/record.js';
import type { RecordStore, StoredRecord } from '../../src/store/store.js';
import { makeFlag } from '../../src/validate/flags.js';

export const NOW = new Date('2023-10-12T10:00:00+09:00');

export const FORMULA_NAME = '=HYPERLINK("http://x","y")';
export const FORMULA_PHONE = '+81-3-1234-5678';
export const FORMULA_CONTACT = '@SUM(A1)';
export const FORMULA_GPU = '-2+3';
export const FORMULA_SENDER = '\t=1+1';
export const FORMULA_FILE = "\r=cmd|' /C calc'!A0.xlsx";
export const SCRIPT_NAME = '<img src=x onerror=alert(1)><script>alert(1)</script>';
export const SCRIPT_SUMMARY = '</script><script>alert(2)</script><!--';
export const SCRIPT_FILE = '"><svg onload=alert(3)>.xlsx';

type Values = Record<string, unknown>;

function formOf(values: Values, sourceAttachment: string, raw: Record<string, string> = {}): FormRecord {
  const form: FormRecord = { sourceAttachment, applicant: {}, contact: {}, development: {}, compute: {}, organization: {}, business: {}, form: {}, raw };
  for (const field of FIELDS) {
    const [section, name] = field.key.split('.') as [keyof FormRecord, string];
    (form[section] as Record<string, unknown>)[name] = values[field.key] ?? null;
  }
  const category = values['applicant.category'];
  form.applicant.grantRate = category === 'sme' || category === 'academic' ? 'fixed' : category ? 'half' : null;
  return form;
}

function attachment(filename: string, size = 48_213): AttachmentInfo {
  const format = filename.endsWith('.pdf') ? 'pdf' : filename.endsWith('.docx') ? 'docx' : 'xlsx';
  return { filename, contentType: 'application/octet-stream', size, sha256: 'a'.repeat(64), format, role: 'application_form' };
}

interface Spec {
  receiptNo: string;
  receivedAt: string;
  from: string;
  fromName?: string;
  subject?: string;
  values?: Values;
  raw?: Record<string, string>;
  files?: string[];
  flags?: Flag[];
  supersedes?: string;
  supersededBy?: string;
}

export function stored(spec: Spec): StoredRecord {
  const files = spec.files ?? [];
  const record: IntakeRecord = {
    schema: RECORD_SCHEMA,
    receiptNo: spec.receiptNo,
    message: {
      messageId: `<${spec.receiptNo.toLowerCase()}@mail.example.jp>`,
      from: spec.from,
      fromName: spec.fromName ?? null,
      subject: spec.subject ?? '【事前調査】申請書の提出',
      receivedAt: spec.receivedAt,
      receivedAtSource: 'internaldate',
      sha256: spec.receiptNo.replace(/\D/g, '').padStart(64, '0'),
      mailbox: { uidValidity: '1696000000', uid: Number(spec.receiptNo.replace(/\D/g, '')) },
    },
    status: statusOf(spec.flags ?? []),
    flags: spec.flags ?? [],
    attachments: files.map((f) => attachment(f)),
    form: spec.values && files[0] ? formOf(spec.values, files[0], spec.raw) : null,
    supersedes: spec.supersedes ?? null,
  };
  return { record, supersededBy: spec.supersededBy ?? null, storedAt: spec.receivedAt };
}

function applicant(name: string, category: string, more: Values = {}): Values {
  return {
    'applicant.name': name,
    'applicant.corporateNumber': '1010001000006',
    'applicant.representative': '代表取締役社長 山田 太郎',
    'applicant.postalCode': '100-8901',
    'applicant.address': '東京都千代田区霞が関一丁目3番1号',
    'applicant.category': category,
    'applicant.foreignSubsidiary': false,
    'applicant.domesticBase': '東京都千代田区（本社研究開発部）',
    'contact.name': '佐藤 花子',
    'contact.department': 'AI研究開発部 部長',
    'contact.phone': '03-1234-5678',
    'contact.email': 'hanako.sato@example.co.jp',
    'development.categories': ['llm'],
    'development.summary': '日本語と英語のコーパスで130億パラメータの基盤モデルを事前学習する。\n評価はJGLUEとJapanese MT-Benchで行う。',
    'development.novelty': '日本語の長文読解に特化した学習データの構築',
    'development.benchmarkTargets': 'JGLUE平均 85以上、Japanese MT-Bench 7.0以上',
    'development.parameterCount': 13_000_000_000,
    'development.trainingTokens': 1_000_000_000_000,
    'development.openness': ['model', 'details'],
    'development.fateMeasures': '有害出力のフィルタリングと人手評価を実施',
    'compute.gpuType': 'H100',
    'compute.gpuCount': 512,
    'compute.periodMonths': 6,
    'compute.gpuHours': 2_000_000,
    'compute.requestedAmountYen': 1_200_000_000,
    'organization.teamSize': 15,
    'organization.trackRecord': '70億パラメータモデルの公開（2023年）',
    'business.marketSize': '国内の生成AI市場 約1兆円（2030年）',
    'business.plan': '2024年度中に企業向けAPIとして提供',
    'business.overseas': 'アジア圏での展開を検討',
    'form.submittedOn': '2023-09-25',
    ...more,
  };
}

/** Eight submissions: 7 current (5 needing attention), 1 superseded; one late. */
export function sampleRecords(): StoredRecord[] {
  return [
    stored({
      receiptNo: 'R-0001',
      receivedAt: '2023-09-25T10:12:00+09:00',
      from: 'hanako.sato@sakura-ai.co.jp',
      fromName: '佐藤 花子',
      values: applicant('株式会社さくらAI研究所', 'sme', { 'development.categories': ['llm', 'japanese_tuning'], 'development.openness': ['model', 'code', 'details'], 'contact.email': 'hanako.sato@sakura-ai.co.jp' }),
      files: ['申請書_さくらAI研究所.xlsx'],
    }),
    stored({
      receiptNo: 'R-0002',
      receivedAt: '2023-09-28T15:40:00+09:00',
      from: 'kenkyu@toto-u.ac.jp',
      fromName: '鈴木 一郎',
      values: applicant('国立大学法人東都大学', 'academic', {
        'applicant.corporateNumber': '5010005007398',
        'development.categories': ['multimodal', 'domain_specific'],
        'compute.gpuType': 'A100',
        'compute.gpuCount': 256,
        'compute.periodMonths': 8,
        'compute.requestedAmountYen': 450_000_000,
        'contact.name': '鈴木 一郎',
      }),
      files: ['事前調査申請書（東都大学）.docx'],
      flags: [makeFlag('exceeds_program_period', { field: 'compute.periodMonths', detail: '8か月' })],
    }),
    stored({
      receiptNo: 'R-0003',
      receivedAt: '2023-10-03T09:05:00+09:00',
      from: 'attacker@example.net',
      fromName: FORMULA_SENDER,
      values: applicant(FORMULA_NAME, 'large_company', {
        'compute.gpuType': FORMULA_GPU,
        'contact.name': FORMULA_CONTACT,
        'contact.phone': FORMULA_PHONE,
        'contact.email': null,
        'compute.gpuCount': 1024,
        'compute.requestedAmountYen': 2_500_000_000,
      }),
      raw: { 'contact.email': 'info@@example' },
      files: [FORMULA_FILE],
      flags: [makeFlag('invalid_value', { field: 'contact.email', detail: 'メールアドレス' })],
    }),
    stored({
      receiptNo: 'R-0004',
      receivedAt: '2023-10-06T11:20:00+09:00',
      from: 'xss@example.org',
      subject: `申請\u2028書</script><script>alert(4)</script>`,
      values: applicant(SCRIPT_NAME, 'other', {
        'development.summary': SCRIPT_SUMMARY,
        'development.benchmarkTargets': null,
        'compute.gpuType': 'L4',
        'compute.gpuCount': 32,
        'compute.requestedAmountYen': 50_000_000,
      }),
      files: [SCRIPT_FILE],
      flags: [makeFlag('missing_field', { field: 'development.benchmarkTargets', detail: '性能目標（ベンチマーク・目標値）' })],
    }),
    stored({
      receiptNo: 'R-0005',
      receivedAt: '2023-10-10T17:45:00+09:00',
      from: 'tanaka@example.co.jp',
      fromName: '田中 一郎',
      subject: '申請書送付の件',
      flags: [makeFlag('no_attachment')],
    }),
    stored({
      receiptNo: 'R-0006',
      receivedAt: '2023-10-02T13:00:00+09:00',
      from: 'info@mirai-model.jp',
      values: applicant('株式会社みらいモデル', 'large_company', { 'development.categories': ['task_tuning'], 'compute.gpuCount': 128, 'compute.requestedAmountYen': 300_000_000 }),
      files: ['申請書_みらいモデル.pdf'],
      supersededBy: 'R-0008',
    }),
    stored({
      receiptNo: 'R-0007',
      receivedAt: '2023-10-12T09:30:00+09:00',
      from: 'contact@nextlab.jp',
      values: applicant('合同会社ネクストラボ', 'sme', { 'development.categories': ['domain_tuning'], 'compute.gpuType': 'L40S', 'compute.gpuCount': 64, 'compute.requestedAmountYen': 80_000_000 }),
      files: ['申請書_ネクストラボ.xlsx'],
      flags: [makeFlag('late', { detail: '2023-10-12 09:30' })],
    }),
    stored({
      receiptNo: 'R-0008',
      receivedAt: '2023-10-11T22:10:00+09:00',
      from: 'info@mirai-model.jp',
      values: applicant('株式会社みらいモデル', 'large_company', {
        'development.categories': ['task_tuning'],
        'compute.gpuCount': 256,
        'compute.requestedAmountYen': 600_000_000,
        'contact.phone': null,
      }),
      files: ['申請書_みらいモデル_修正版.pdf'],
      supersedes: 'R-0006',
      flags: [makeFlag('resubmission', { detail: 'R-0006' }), makeFlag('missing_field', { field: 'contact.phone', detail: '電話番号' })],
    }),
  ];
}

const COMPANIES = ['株式会社あおぞらデータ', '東日本テック株式会社', '株式会社ことのはAI', '学校法人北辰学園 北辰大学', '株式会社ミナトロボティクス', '一般財団法人未来計算機構', '株式会社はやぶさラボ', '関西メディカルAI株式会社', '株式会社ひかり言語研究所', '合同会社シンセシス', '株式会社くもじAI', '国立研究開発法人先端情報研究所'];
const CATEGORIES = ['large_company', 'sme', 'sme', 'academic', 'sme', 'other', 'sme', 'large_company', 'sme', 'sme', 'sme', 'academic'];
const DEVELOPMENT = [['llm'], ['non_language'], ['llm', 'japanese_tuning'], ['multimodal'], ['domain_specific'], ['task_tuning'], ['llm'], ['domain_tuning'], ['japanese_tuning'], ['multimodal', 'llm'], ['task_tuning'], ['llm']];

function jstIso(ms: number): string {
  return new Date(ms + 9 * 3_600_000).toISOString().replace(/\.\d+Z$/, '+09:00');
}

/** More ordinary submissions spread over the window, for a screenshot that looks like a real intake. */
export function busyIntake(): StoredRecord[] {
  const extra = COMPANIES.map((name, i) =>
    stored({
      receiptNo: `R-${String(9 + i).padStart(4, '0')}`,
      // Arrivals pick up towards the deadline, as they do.
      receivedAt: jstIso(Date.parse('2023-09-26T09:00:00+09:00') + (i * i * 0.06 + i * 0.6) * 86_400_000),
      from: `info${i}@example.jp`,
      values: applicant(name, CATEGORIES[i]!, {
        'development.categories': DEVELOPMENT[i],
        'compute.gpuCount': [128, 64, 256, 512, 96, 32, 768, 128, 64, 384, 48, 1024][i],
        'compute.requestedAmountYen': [3e8, 9e7, 6.5e8, 1.1e9, 1.8e8, 4e7, 1.9e9, 2.6e8, 1.2e8, 8.8e8, 7e7, 2.2e9][i],
        'compute.gpuType': i % 3 === 0 ? 'A100' : 'H100',
      }),
      files: [`申請書_${name}.xlsx`],
      flags: i === 4 ? [makeFlag('multiple_forms')] : [],
    }),
  );
  return [...sampleRecords(), ...extra];
}

/** A read-only RecordStore over fixed records; `list` calls are counted for the refresher tests. */
export function memoryStore(records: StoredRecord[]): RecordStore & { lists: number; records: StoredRecord[] } {
  return {
    lists: 0,
    records,
    async list() {
      this.lists += 1;
      return [...this.records].reverse();
    },
    async countByStatus() {
      const counts = { ok: 0, needs_attention: 0 };
      for (const { record } of this.records) counts[record.status] += 1;
      return counts;
    },
    async save() {
      throw new Error('read-only test store');
    },
    async findBySha256() {
      return null;
    },
    async close() {},
  };
}
