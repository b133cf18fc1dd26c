import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../form/definition.js';
import { compactText, foldJapaneseVariants, normalizeFreeText, normalizeLabel, normalizeText } from './text.js';

describe('normalizeText', () => {
  it.each<[string, string]>([
    ['株式会社サンプル', '株式会社サンプル'],
    ['  株式会社サンプル  ', '株式会社サンプル'],
    ['\u3000株式会社サンプル\u3000', '株式会社サンプル'],
    ['株式会社\u3000サンプル', '株式会社 サンプル'],
    ['株式会社 \u3000 サンプル', '株式会社 サンプル'],
    ['代表取締役社長\t山田\u3000太郎', '代表取締役社長 山田 太郎'],
    ['東京都千代田区\r\n霞が関1-3-1', '東京都千代田区 霞が関1-3-1'],
    ['東京都千代田区\n\n霞が関１－３－１', '東京都千代田区 霞が関1-3-1'],
    ['ＡＢＣ株式会社', 'ABC株式会社'],
    ['ｻﾝﾌﾟﾙ株式会社', 'サンプル株式会社'],
    ['㈱サンプル', '(株)サンプル'],
    ['（株）サンプル', '(株)サンプル'],
    ['株式会社サンプル\u00A0', '株式会社サンプル'],
    ['', ''],
    ['\u3000\t\n', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('leaves no surrounding, doubled or non-ASCII white space, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Ａ', '株', ' ', '\u3000', '\t', '\n', '\r', '１', 'ｱ') }), (s) => {
        const out = normalizeText(s);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/ {2}|[^\S ]/u);
        expect(normalizeText(out)).toBe(out);
      }),
    );
  });
});

describe('normalizeFreeText', () => {
  it.each<[string, string]>([
    ['  日本語LLMを開発する。  ', '日本語LLMを開発する。'],
    ['\u3000日本語LLMを開発する。\u3000', '日本語LLMを開発する。'],
    ['第一段落。\r\n第二段落。', '第一段落。\n第二段落。'],
    ['第一段落。\r第二段落。', '第一段落。\n第二段落。'],
    ['一行目\r\n\r\n三行目\r\n', '一行目\n\n三行目'],
    ['ＪＧＬＵＥで７０点以上', 'ＪＧＬＵＥで７０点以上'],
    ['①性能\u3000②公開度', '①性能\u3000②公開度'],
    ['  字下げ\n  した行', '字下げ\n  した行'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeFreeText(input)).toBe(expected);
  });
});

describe('foldJapaneseVariants', () => {
  it.each<[string, string]>([
    ['2024年1月〜6月', '2024年1月~6月'],
    ['2024年1月～6月', '2024年1月~6月'],
    ['−5', '-5'],
    ['－5', '-5'],
    ['E‐mail', 'E-mail'],
    ['E‑mail', 'E-mail'],
    ['A100–80GB', 'A100-80GB'],
    ['東京—大阪', '東京-大阪'],
    ['東京―大阪', '東京-大阪'],
    ['‖', '‖'],
    ['∥', '‖'],
    ['￠￡￢', '¢£¬'],
    ['¢£¬', '¢£¬'],
    ['メールアドレス', 'メールアドレス'],
    ['パラメータ数', 'パラメータ数'],
    ['データ', 'データ'],
    ['一二三', '一二三'],
  ])('%j → %j', (input, expected) => {
    expect(foldJapaneseVariants(input)).toBe(expected);
  });

  it('gives the same text whether applied before or after NFKC', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('〜', '～', '−', '－', '‐', '—', '―', '‖', '∥', '￠', '￡', '￢', 'ー', 'あ', '1') }), (s) => {
        expect(foldJapaneseVariants(s.normalize('NFKC'))).toBe(foldJapaneseVariants(s).normalize('NFKC'));
      }),
    );
  });
});

describe('compactText', () => {
  it.each<[string, string]>([
    ['大規模 言語モデル', '大規模言語モデル'],
    ['大規模\u3000言語モデル', '大規模言語モデル'],
    ['ＬＬＭ', 'llm'],
    ['中小企業等（特定事業者）', '中小企業等(特定事業者)'],
  ])('%j → %j', (input, expected) => {
    expect(compactText(input)).toBe(expected);
  });
});

describe('normalizeLabel', () => {
  it.each<[string, string]>([
    [' 法人名（申請者名）※必須 ：', '法人名(申請者名)'],
    ['法人名（申請者名）', '法人名(申請者名)'],
    ['法人名(申請者名)', '法人名(申請者名)'],
    ['法 人 名', '法人名'],
    ['法\u3000人\u3000名', '法人名'],
    ['\u3000法人名\u3000', '法人名'],
    ['法人名：', '法人名'],
    ['法人名:', '法人名'],
    ['法人名 ：', '法人名'],
    ['法人名::', '法人名'],
    ['法人名※', '法人名'],
    ['※法人名', '法人名'],
    ['※ 法人名', '法人名'],
    ['法人名 ※登記上の正式名称を記入', '法人名'],
    ['法人名（※登記上の正式名称）', '法人名'],
    ['法人名【※必須】', '法人名'],
    ['法人名（必須）', '法人名'],
    ['法人名(必須)', '法人名'],
    ['法人名【必須】', '法人名'],
    ['【必須】法人名', '法人名'],
    ['法人名 必須', '法人名'],
    ['必須 法人名', '法人名'],
    ['法人名*', '法人名'],
    ['*法人名', '法人名'],
    ['法人名＊', '法人名'],
    ['＊電話番号（必須）：', '電話番号'],
    ['1. 法人名', '法人名'],
    ['1.法人名', '法人名'],
    ['１．法人名', '法人名'],
    ['１．\u3000法人名', '法人名'],
    ['1) 法人名', '法人名'],
    ['（1）法人名', '法人名'],
    ['(1) 法人名', '法人名'],
    ['⑴法人名', '法人名'],
    ['①法人名', '法人名'],
    ['① 法人名', '法人名'],
    ['⑫ 希望助成額（円）', '希望助成額(円)'],
    ['一、法人名', '法人名'],
    ['（一）法人名', '法人名'],
    ['1 法人名', '法人名'],
    ['3-2 パラメータ数', 'パラメータ数'],
    ['3.2. パラメータ数', 'パラメータ数'],
    ['Ⅳ. 公開方針', '公開方針'],
    ['【法人名】', '法人名'],
    ['［法人名］', '法人名'],
    ['[法人名]', '法人名'],
    ['【法人名】（必須）', '法人名'],
    ['1. 【法人名】※', '法人名'],
    ['希望助成額（円）', '希望助成額(円)'],
    ['希望助成額 （円） ：', '希望助成額(円)'],
    ['学習データ量（トークン数）', '学習データ量(トークン数)'],
    ['性能目標（ベンチマーク・目標値）', '性能目標(ベンチマーク・目標値)'],
    ['代表者 役職・氏名', '代表者役職・氏名'],
    ['メールアドレス', 'メールアドレス'],
    ['E-mail', 'e-mail'],
    ['E‐mail', 'e-mail'],
    ['Ｅ－ｍａｉｌ', 'e-mail'],
    ['E-MAIL', 'e-mail'],
    ['TEL', 'tel'],
    ['ＴＥＬ：', 'tel'],
    ['GPU種類', 'gpu種類'],
    ['ＧＰＵ数', 'gpu数'],
    ['FATE原則への対応', 'fate原則への対応'],
    ['利用期間（月）', '利用期間(月)'],
    // A number alone, or the text of a label that merely starts with a digit, is not numbering.
    ['1.', '1.'],
    ['(1)', '(1)'],
    ['①', '1'],
    ['3D モデル', '3dモデル'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
  });

  const decoration = fc.record({
    number: fc.constantFrom('', '1. ', '１．', '(3)', '③', '一、', '4-1 ', 'Ⅱ．'),
    bracket: fc.constantFrom<[string, string]>(['', ''], ['【', '】'], ['［', '］']),
    required: fc.constantFrom('', '※', '（必須）', '*', '＊', '【必須】'),
    note: fc.constantFrom('', '※記入例を参照', ' ※必須'),
    colon: fc.constantFrom('', '：', ':', ' ：'),
    pad: fc.constantFrom('', ' ', '\u3000', '\t'),
  });

  it('matches every label and variant of the form however it is decorated', () => {
    const labels = FIELDS.flatMap((f) => [f.label, ...f.variants]);
    fc.assert(
      fc.property(fc.constantFrom(...labels), decoration, (label, d) => {
        const decorated = `${d.pad}${d.number}${d.bracket[0]}${label}${d.bracket[1]}${d.required}${d.colon}${d.note}${d.pad}`;
        expect(normalizeLabel(decorated)).toBe(normalizeLabel(label));
      }),
    );
  });

  it('is idempotent', () => {
    const labels = FIELDS.flatMap((f) => [f.label, ...f.variants]);
    fc.assert(
      fc.property(fc.constantFrom(...labels), decoration, fc.string({ maxLength: 4 }), (label, d, junk) => {
        const once = normalizeLabel(`${d.number}${d.required}${junk}${label}${d.colon}${d.note}`);
        expect(normalizeLabel(once)).toBe(once);
      }),
    );
  });
});
