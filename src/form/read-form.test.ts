import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, GridCell } from '../extract/document.js';
import { matchLabel, matchLabelPrefix } from './labels.js';
import { readForm } from './read-form.js';

const doc = (parts: Partial<ExtractedDocument>): ExtractedDocument => ({ format: 'xlsx', grids: [], lines: [], namedValues: [], partsRead: 1, ...parts });
const row = (...texts: (string | GridCell)[]): GridCell[] => texts.map((t) => (typeof t === 'string' ? { text: t } : t));

describe('label matching', () => {
  it.each([
    ['法人名（申請者名）', 'applicant.name'],
    ['法人名(申請者名)※', 'applicant.name'],
    [' 申請者名 ：', 'applicant.name'],
    ['企業・団体名 *', 'applicant.name'],
    ['１．法人名', 'applicant.name'],
    ['法人番号（13桁）', 'applicant.corporateNumber'],
    ['代表者　役職・氏名', 'applicant.representative'],
    ['Tel', 'contact.phone'],
    ['e-mail', 'contact.email'],
    ['ＧＰＵ数', 'compute.gpuCount'],
    ['GPU数（枚）', 'compute.gpuCount'],
    ['希望助成額（円）（必須）', 'compute.requestedAmountYen'],
    ['ハルシネーション・有害コンテンツへの対処', 'development.fateMeasures'],
    ['記入日', 'form.submittedOn'],
  ])('%s names %s', (text, key) => {
    expect(matchLabel(text)?.field.key).toBe(key);
  });

  it.each(['株式会社テスト', '開発内容を以下に示す', '', '03-1234-5678'])('%s is no label', (text) => {
    expect(matchLabel(text)).toBeNull();
  });

  it('finds a label at the start of a line and keeps the rest verbatim', () => {
    expect(matchLabelPrefix('法人名：株式会社 テスト')).toMatchObject({ rest: '株式会社 テスト', primary: false });
    expect(matchLabelPrefix('電話番号　03-1234-5678')?.field.key).toBe('contact.phone');
    expect(matchLabelPrefix('2. 担当者氏名 ※必須 山田花子')).toMatchObject({ rest: '山田花子' });
    expect(matchLabelPrefix('パ ラ メ ー タ 数 130 億')).toMatchObject({ rest: '130 億' });
    expect(matchLabelPrefix('概要を以下に示す')).toBeNull();
    expect(matchLabelPrefix('代表者 役職・氏名※\t代表取締役 山田')).toMatchObject({ rest: '代表取締役 山田', primary: true });
    expect(matchLabelPrefix('担当者氏名※ 山田花子')?.field.key).toBe('contact.name');
  });
});

describe('readForm on grids', () => {
  it('takes the cell right of the label, skipping the label’s own merged block', () => {
    const merged = { text: '法人名（申請者名）', mergeId: 'S!A1' };
    const result = readForm(doc({ grids: [{ name: 'S', rows: [row(merged, merged, '株式会社テスト', '登記上の正式名称')] }] }));
    expect(result.answers.get('applicant.name')).toBe('株式会社テスト');
  });

  it('takes the cell below when the right one is empty, never another label', () => {
    const result = readForm(
      doc({
        grids: [
          {
            name: 'S',
            rows: [row('法人名', '法人番号', '代表者'), row('株式会社テスト', '', '山田太郎'), row('電話番号', ''), row('メールアドレス', '')],
          },
        ],
      }),
    );
    expect(result.answers.get('applicant.name')).toBe('株式会社テスト');
    expect(result.answers.get('applicant.representative')).toBe('山田太郎');
    expect(result.answers.get('applicant.corporateNumber')).toBe('');
    expect(result.answers.get('contact.phone')).toBe('');
  });

  it('reads an option group over the label’s merged rows and inserted rows, with mark-only and filled cells', () => {
    const label = { text: '開発区分', mergeId: 'S!A2' };
    const result = readForm(
      doc({
        grids: [
          {
            name: 'S',
            rows: [
              row('法人名', 'テスト'),
              row(label, '■', '大規模言語モデル'),
              row(label, '□', '画像など言語以外のモーダルを対象とした基盤モデル'),
              row('', { text: '', filled: true }, '言語を含むマルチモーダルを対象とした基盤モデル'),
              row('公開方針', '☑モデルの公開 ☐開発コードの公開'),
            ],
          },
        ],
      }),
    );
    expect(result.answers.get('development.categories')).toBe('■ 大規模言語モデル\n□ 画像など言語以外のモーダルを対象とした基盤モデル\n■ 言語を含むマルチモーダルを対象とした基盤モデル');
    expect(result.answers.get('development.openness')).toBe('☑モデルの公開 ☐開発コードの公開');
  });

  it('prefers the printed label with an answer over a section title that matches a variant', () => {
    const result = readForm(doc({ grids: [{ name: 'S', rows: [row('3. 開発内容'), row('開発内容の概要', '日本語LLMを開発する')] }] }));
    expect(result.answers.get('development.summary')).toBe('日本語LLMを開発する');
  });
});

describe('readForm on lines', () => {
  it('takes the text after the label, or the following lines up to the next label', () => {
    const result = readForm(
      doc({
        format: 'pdf',
        lines: ['法人名（申請者名） 株式会社テスト', '3. 開発内容', '開発内容の概要', '一行目', '二行目', '新規性 なし', '所在地 東京都千代田区', '霞が関1-3-1', '2. 担当者', '担当者氏名 山田'],
      }),
    );
    expect(result.answers.get('applicant.name')).toBe('株式会社テスト');
    expect(result.answers.get('development.summary')).toBe('一行目\n二行目');
    expect(result.answers.get('applicant.address')).toBe('東京都千代田区霞が関1-3-1');
    expect(result.answers.get('contact.name')).toBe('山田');
    expect(result.labelsFound).toBe(5);
  });

  it('reads named values (AcroForm fields) before the text layer', () => {
    const result = readForm(doc({ format: 'pdf', lines: ['法人名'], namedValues: [{ name: '法人名', value: '株式会社フォーム' }, { name: 'モデルの公開', value: '☑' }] }));
    expect(result.answers.get('applicant.name')).toBe('株式会社フォーム');
    expect(result.answers.get('development.openness')).toContain('モデルの公開 ☑');
  });
});
