// The one definition of the 申請書 (form v1, ../shared/docs/application-form.md). Templates, label
// matching, normalization, validation and report columns all derive from this file.

/** The numbered sections printed on the template (business fields sit in section 5). */
export type SectionId = 'applicant' | 'contact' | 'development' | 'compute' | 'organization' | 'form';

export type FieldType =
  | 'text' // NFKC, trimmed, inner white space folded
  | 'freeText' // only surrounding white space trimmed, line breaks kept as \n
  | 'corporateNumber'
  | 'postalCode'
  | 'enum' // exactly one option
  | 'enumSet' // one or more options (checkbox group)
  | 'boolean'
  | 'phone'
  | 'email'
  | 'integer' // counts with 万/億/兆, B/M/T, units such as 基・枚・名
  | 'months'
  | 'yen'
  | 'gpuType'
  | 'date';

export interface OptionDef {
  value: string;
  /** Text printed beside the checkbox on the template. */
  label: string;
  /** Other ways applicants write the option (compared after label normalization). */
  aliases: readonly string[];
}

export interface FieldDef {
  key: string;
  section: SectionId;
  label: string;
  variants: readonly string[];
  type: FieldType;
  required: boolean;
  options?: readonly OptionDef[];
  /** 記入要領: how to fill the field in, printed on the templates. */
  hint: string;
  /** Template rows for the answer (free text gets more room). */
  lines?: number;
}

export interface SectionDef {
  id: SectionId;
  no: string;
  title: string;
}

export const FORM_VERSION = 'v1';
export const FORM_TITLE = '競争力ある生成AI基盤モデルの開発に係る事前調査 申請書';

export const SECTIONS: readonly SectionDef[] = [
  { id: 'applicant', no: '1', title: '申請者情報' },
  { id: 'contact', no: '2', title: '担当者' },
  { id: 'development', no: '3', title: '開発内容' },
  { id: 'compute', no: '4', title: '計算資源' },
  { id: 'organization', no: '5', title: '実施体制・事業化' },
];

export const CATEGORY_OPTIONS: readonly OptionDef[] = [
  { value: 'large_company', label: '大企業', aliases: [] },
  { value: 'sme', label: '中小企業等（特定事業者）', aliases: ['中小企業等', '中小企業', '特定事業者'] },
  { value: 'academic', label: '学術機関等', aliases: ['学術機関', '大学', '研究機関'] },
  { value: 'other', label: 'その他', aliases: [] },
];

export const DEVELOPMENT_CATEGORY_OPTIONS: readonly OptionDef[] = [
  { value: 'llm', label: '大規模言語モデル', aliases: ['LLM'] },
  { value: 'non_language', label: '画像など言語以外のモーダルを対象とした基盤モデル', aliases: ['言語以外のモーダル'] },
  { value: 'multimodal', label: '言語を含むマルチモーダルを対象とした基盤モデル', aliases: ['マルチモーダル'] },
  { value: 'domain_specific', label: '特定分野に特化した基盤モデル', aliases: ['特定分野に特化'] },
  { value: 'japanese_tuning', label: '日本語など汎用データを用いた既存モデルのチューニング', aliases: ['既存モデルのチューニング'] },
  { value: 'domain_tuning', label: '特定ドメインデータを用いた特定ドメイン向けのチューニング', aliases: ['特定ドメイン向けのチューニング'] },
  { value: 'task_tuning', label: '対話データ等を用いて特定タスク向けのチューニング', aliases: ['特定タスク向けのチューニング'] },
];

export const OPENNESS_OPTIONS: readonly OptionDef[] = [
  { value: 'model', label: 'モデルの公開', aliases: ['モデル公開'] },
  { value: 'code', label: '開発コードの公開', aliases: ['コードの公開', 'コード公開'] },
  { value: 'data', label: 'データの公開', aliases: ['データ公開'] },
  { value: 'details', label: '開発詳細の公表', aliases: ['開発詳細の公開'] },
  { value: 'none', label: '公開しない', aliases: ['非公開'] },
];

export const BOOLEAN_OPTIONS: readonly OptionDef[] = [
  { value: 'true', label: 'はい', aliases: ['有', 'あり', 'yes'] },
  { value: 'false', label: 'いいえ', aliases: ['無', 'なし', 'no'] },
];

export const FIELDS: readonly FieldDef[] = [
  // 1. 申請者情報
  { key: 'applicant.name', section: 'applicant', label: '法人名（申請者名）', variants: ['法人名', '申請者名', '事業者名', '企業・団体名'], type: 'text', required: true, hint: '登記上の正式名称' },
  { key: 'applicant.corporateNumber', section: 'applicant', label: '法人番号', variants: [], type: 'corporateNumber', required: false, hint: '13桁（国税庁法人番号）' },
  { key: 'applicant.representative', section: 'applicant', label: '代表者 役職・氏名', variants: ['代表者名', '代表者'], type: 'text', required: true, hint: '例：代表取締役社長 山田太郎' },
  { key: 'applicant.postalCode', section: 'applicant', label: '郵便番号', variants: [], type: 'postalCode', required: false, hint: '例：100-8901' },
  { key: 'applicant.address', section: 'applicant', label: '所在地', variants: ['本社所在地', '住所'], type: 'text', required: true, hint: '本社の所在地' },
  { key: 'applicant.category', section: 'applicant', label: '法人区分', variants: [], type: 'enum', required: true, options: CATEGORY_OPTIONS, hint: '該当する区分を一つ選び■にする' },
  { key: 'applicant.foreignSubsidiary', section: 'applicant', label: '外資企業の日本法人', variants: [], type: 'boolean', required: false, options: BOOLEAN_OPTIONS, hint: 'はい／いいえ' },
  { key: 'applicant.domesticBase', section: 'applicant', label: '国内の開発拠点', variants: ['日本国内の開発拠点', '開発拠点'], type: 'text', required: true, hint: '中心となる開発拠点の所在地（国内に拠点が必要）' },
  // 2. 担当者
  { key: 'contact.name', section: 'contact', label: '担当者氏名', variants: ['担当者', '担当者名'], type: 'text', required: true, hint: '' },
  { key: 'contact.department', section: 'contact', label: '所属・役職', variants: ['所属部署', '部署・役職'], type: 'text', required: false, hint: '' },
  { key: 'contact.phone', section: 'contact', label: '電話番号', variants: ['TEL', '電話'], type: 'phone', required: true, hint: '例：03-1234-5678' },
  { key: 'contact.email', section: 'contact', label: 'メールアドレス', variants: ['E-mail', 'Email', '電子メール'], type: 'email', required: true, hint: '連絡のつくアドレス' },
  // 3. 開発内容
  { key: 'development.categories', section: 'development', label: '開発区分', variants: [], type: 'enumSet', required: true, options: DEVELOPMENT_CATEGORY_OPTIONS, hint: '該当するものすべてを■にする（複数選択可）' },
  { key: 'development.summary', section: 'development', label: '開発内容の概要', variants: ['開発内容', '概要'], type: 'freeText', required: true, hint: '開発する基盤モデルの概要', lines: 4 },
  { key: 'development.novelty', section: 'development', label: '新規性', variants: [], type: 'freeText', required: false, hint: '新規参入者は特に記載', lines: 3 },
  { key: 'development.benchmarkTargets', section: 'development', label: '性能目標（ベンチマーク・目標値）', variants: ['性能目標', '定量的な目標'], type: 'freeText', required: true, hint: '使用するベンチマークと定量的な目標値', lines: 3 },
  { key: 'development.parameterCount', section: 'development', label: 'パラメータ数', variants: [], type: 'integer', required: false, hint: '例：130億、13B' },
  { key: 'development.trainingTokens', section: 'development', label: '学習データ量（トークン数）', variants: ['学習データ量', '学習トークン数'], type: 'integer', required: false, hint: '例：1兆、2T' },
  { key: 'development.openness', section: 'development', label: '公開方針', variants: [], type: 'enumSet', required: true, options: OPENNESS_OPTIONS, hint: '該当するものすべてを■にする' },
  { key: 'development.fateMeasures', section: 'development', label: 'FATE原則への対応', variants: ['ハルシネーション・有害コンテンツへの対処'], type: 'freeText', required: false, hint: 'ハルシネーション・有害コンテンツへの対処など', lines: 3 },
  // 4. 計算資源
  { key: 'compute.gpuType', section: 'compute', label: 'GPU種類', variants: ['使用GPU', 'GPUの種類'], type: 'gpuType', required: true, hint: '例：H100' },
  { key: 'compute.gpuCount', section: 'compute', label: 'GPU数', variants: ['GPU枚数', 'GPU台数', '必要GPU数'], type: 'integer', required: true, hint: '例：512基' },
  { key: 'compute.periodMonths', section: 'compute', label: '利用期間（月）', variants: ['利用期間'], type: 'months', required: false, hint: '最長6か月（2024年1月から）' },
  { key: 'compute.gpuHours', section: 'compute', label: 'GPU時間', variants: ['総GPU時間'], type: 'integer', required: false, hint: '例：約200万時間' },
  { key: 'compute.requestedAmountYen', section: 'compute', label: '希望助成額（円）', variants: ['希望助成額', '助成希望額'], type: 'yen', required: true, hint: '例：1億2,000万円' },
  // 5. 実施体制・事業化
  { key: 'organization.teamSize', section: 'organization', label: '実施体制（人数）', variants: ['実施体制', '開発人数'], type: 'integer', required: false, hint: '例：15名' },
  { key: 'organization.trackRecord', section: 'organization', label: '開発実績', variants: [], type: 'freeText', required: false, hint: '', lines: 3 },
  { key: 'business.marketSize', section: 'organization', label: '想定市場規模', variants: [], type: 'freeText', required: false, hint: '', lines: 2 },
  { key: 'business.plan', section: 'organization', label: '実用化・事業化計画', variants: ['事業化計画'], type: 'freeText', required: false, hint: '', lines: 3 },
  { key: 'business.overseas', section: 'organization', label: '海外展開', variants: [], type: 'freeText', required: false, hint: '', lines: 2 },
  // Form metadata
  { key: 'form.submittedOn', section: 'form', label: '提出日', variants: ['記入日', '作成日'], type: 'date', required: false, hint: '例：令和5年10月5日' },
];

/** Derived, never read from the form: fixed (定額) for SMEs and academia, 1/2 otherwise. */
export const DERIVED_KEYS = ['applicant.grantRate'] as const;

/** The sections of the normalized record, in order; a field's section is the first part of its key. */
export const RECORD_SECTIONS = ['applicant', 'contact', 'development', 'compute', 'organization', 'business', 'form'] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

export const NOTES: readonly string[] = [
  '提出期間：2023年9月22日（金）0時から2023年10月11日（水）23時59分（日本時間）まで。期限後に受信したものは受け付けません。',
  '※印の付いた項目は必須です。□は該当するものを■（または☑）にしてください。',
  '行の追加・セルの結合は差し支えありませんが、項目名（左欄）は変更しないでください。',
  '開発期間は2024年1月から約6か月です。利用期間は6か月以内で記入してください。',
  '助成率：中小企業等（特定事業者）・学術機関等は定額、その他の企業は1/2。',
  '提出先：本申請書を添付し、電子メールで事前調査の受付アドレスへ送付してください。',
];

export function fieldByKey(key: string): FieldDef {
  const field = FIELDS.find((f) => f.key === key);
  if (!field) throw new Error(`unknown form field ${key}`);
  return field;
}
