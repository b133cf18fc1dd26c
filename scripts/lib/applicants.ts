// Realistic answers for the sample 申請書: what applicants actually type (full-width digits, 和暦,
// 万/億, units), one base applicant and a few others.

export interface Answers {
  values: Record<string, string>;
  chosen: Record<string, string[]>;
}

export const SAKURA: Answers = {
  values: {
    'form.submittedOn': '令和5年10月5日',
    'applicant.name': '株式会社さくらAIラボ',
    'applicant.corporateNumber': '7000012050002',
    'applicant.representative': '代表取締役社長　桜井 一郎',
    'applicant.postalCode': '〒100-0013',
    'applicant.address': '東京都千代田区霞が関３丁目１番１号',
    'applicant.domesticBase': '東京都千代田区（本社開発センター）',
    'contact.name': '山田 花子',
    'contact.department': '研究開発部　部長',
    'contact.phone': '０３－１２３４－５６７８',
    'contact.email': 'Hanako.Yamada@Sakura-AI.example.JP',
    'development.summary': '日本語と英語の大規模コーパスで学習した130億パラメータの基盤モデルを開発する。\n行政文書・医療文書での評価を行い、成果を公開する。',
    'development.novelty': '日本語の長文読解に特化した事前学習手法。',
    'development.benchmarkTargets': 'JGLUE平均 85点以上\nJapanese MT-Bench 7.0以上',
    'development.parameterCount': '130億',
    'development.trainingTokens': '1.5兆トークン',
    'development.fateMeasures': '出力の事実確認機構と有害表現フィルタを導入する。',
    'compute.gpuType': 'ＮＶＩＤＩＡ Ｈ１００',
    'compute.gpuCount': '５１２基',
    'compute.periodMonths': '6ヶ月',
    'compute.gpuHours': '約200万時間',
    'compute.requestedAmountYen': '12億5,000万円',
    'organization.teamSize': '約20人',
    'organization.trackRecord': '2022年に10億パラメータのモデルを公開。',
    'business.marketSize': '国内5,000億円（2030年）',
    'business.plan': '2025年度に自治体向けサービスとして提供を開始する。',
    'business.overseas': 'アジア地域への展開を検討。',
  },
  chosen: {
    'applicant.category': ['sme'],
    'applicant.foreignSubsidiary': ['false'],
    'development.categories': ['llm', 'japanese_tuning'],
    'development.openness': ['model', 'details'],
  },
};

export const KITA_UNIV: Answers = {
  values: {
    'form.submittedOn': '2023/10/02',
    'applicant.name': '国立大学法人北海道先端大学',
    'applicant.corporateNumber': '',
    'applicant.representative': '学長 北村 誠',
    'applicant.postalCode': '060-0808',
    'applicant.address': '北海道札幌市北区北8条西5丁目',
    'applicant.domesticBase': '札幌キャンパス 情報科学研究院',
    'contact.name': '北川 拓也',
    'contact.department': '情報科学研究院 准教授',
    'contact.phone': '011(706)1234',
    'contact.email': 'kitagawa@ist.kita-u.example.ac.jp',
    'development.summary': '衛星画像と地図データを用いた画像基盤モデルを開発する。',
    'development.novelty': '',
    'development.benchmarkTargets': 'リモートセンシング分類ベンチマークで既存比+5ポイント',
    'development.parameterCount': '7B',
    'development.trainingTokens': '',
    'development.fateMeasures': '',
    'compute.gpuType': 'A100 80GB',
    'compute.gpuCount': '64枚',
    'compute.periodMonths': '半年',
    'compute.gpuHours': '250,000',
    'compute.requestedAmountYen': '3億円',
    'organization.teamSize': '12名',
    'organization.trackRecord': '',
    'business.marketSize': '',
    'business.plan': '研究成果をオープンソースで公開する。',
    'business.overseas': '',
  },
  chosen: {
    'applicant.category': ['academic'],
    'applicant.foreignSubsidiary': ['false'],
    'development.categories': ['non_language', 'domain_specific'],
    'development.openness': ['model', 'code', 'data'],
  },
};

export const NAMI_SYSTEMS: Answers = {
  values: {
    'form.submittedOn': 'R5.10.11',
    'applicant.name': 'ナミシステムズ合同会社',
    'applicant.corporateNumber': '2010401068889',
    'applicant.representative': '代表社員 波多野 健',
    'applicant.postalCode': '',
    'applicant.address': '〒530-0001 大阪府大阪市北区梅田1-1-3',
    'applicant.domesticBase': '大阪開発拠点',
    'contact.name': '波多野 健',
    'contact.department': '',
    'contact.phone': '+81-6-1234-5678',
    'contact.email': 'info@nami-sys.example.com',
    'development.summary': 'コールセンター対話データを用いた対話特化チューニング。',
    'development.novelty': '',
    'development.benchmarkTargets': '応答正答率 90%',
    'development.parameterCount': '700M',
    'development.trainingTokens': '5000億',
    'development.fateMeasures': '',
    'compute.gpuType': 'H100',
    'compute.gpuCount': '1,024',
    'compute.periodMonths': '3か月',
    'compute.gpuHours': '1500000',
    'compute.requestedAmountYen': '¥300,000,000',
    'organization.teamSize': '8名',
    'organization.trackRecord': '',
    'business.marketSize': '',
    'business.plan': '',
    'business.overseas': '',
  },
  chosen: {
    'applicant.category': ['large_company'],
    'applicant.foreignSubsidiary': ['true'],
    'development.categories': ['task_tuning'],
    'development.openness': ['none'],
  },
};

/** The same answers with some replaced: a sample's variation on an applicant. */
export function varied(base: Answers, values: Record<string, string>, chosen: Record<string, string[]> = {}): Answers {
  return { values: { ...base.values, ...values }, chosen: { ...base.chosen, ...chosen } };
}
