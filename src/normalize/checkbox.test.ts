import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_OPTIONS, DEVELOPMENT_CATEGORY_OPTIONS, OPENNESS_OPTIONS } from '../form/definition.js';
import { CHOSEN_MARKS, UNCHOSEN_MARKS, markOnly, parseBoolean, readMarkedOptions } from './checkbox.js';

describe('markOnly', () => {
  it.each<[string, 'chosen' | 'unchosen' | null]>([
    ['■', 'chosen'],
    ['☑', 'chosen'],
    ['✓', 'chosen'],
    ['✔', 'chosen'],
    ['○', 'chosen'],
    ['〇', 'chosen'],
    ['◯', 'chosen'],
    ['●', 'chosen'],
    ['◉', 'chosen'],
    ['◎', 'chosen'],
    ['レ', 'chosen'],
    ['ﾚ', 'chosen'],
    ['☒', 'chosen'],
    ['x', 'chosen'],
    ['X', 'chosen'],
    ['ｘ', 'chosen'],
    ['Ｘ', 'chosen'],
    ['  ■  ', 'chosen'],
    ['\u3000○\u3000', 'chosen'],
    ['\n✓\n', 'chosen'],
    ['□', 'unchosen'],
    ['☐', 'unchosen'],
    ['◻', 'unchosen'],
    ['▢', 'unchosen'],
    ['×', 'unchosen'],
    [' □ ', 'unchosen'],
    ['', null],
    ['　', null],
    ['■■', null],
    ['■ 大企業', null],
    ['はい', null],
    ['xx', null],
    ['-', null],
  ])('%j → %s', (input, expected) => {
    expect(markOnly(input)).toBe(expected);
  });

  it('keeps the chosen and unchosen marks apart', () => {
    expect(CHOSEN_MARKS.filter((m) => UNCHOSEN_MARKS.includes(m))).toEqual([]);
  });
});

describe('readMarkedOptions', () => {
  const TEMPLATE_CATEGORIES =
    '□大規模言語モデル □画像など言語以外のモーダルを対象とした基盤モデル □言語を含むマルチモーダルを対象とした基盤モデル □特定分野に特化した基盤モデル □日本語など汎用データを用いた既存モデルのチューニング □特定ドメインデータを用いた特定ドメイン向けのチューニング □対話データ等を用いて特定タスク向けのチューニング';

  it.each<[string, string[], boolean]>([
    [
      '■大規模言語モデル □画像など言語以外のモーダルを対象とした基盤モデル ☑言語を含むマルチモーダルを対象とした基盤モデル',
      ['llm', 'multimodal'],
      true,
    ],
    [TEMPLATE_CATEGORIES, [], true],
    [TEMPLATE_CATEGORIES.replace('□大規模', '■大規模'), ['llm'], true],
    [TEMPLATE_CATEGORIES.replace('□特定分野', '☑特定分野').replace('□対話', '■対話'), ['domain_specific', 'task_tuning'], true],
    [TEMPLATE_CATEGORIES.replace(/□/gu, '■'), DEVELOPMENT_CATEGORY_OPTIONS.map((o) => o.value), true],
    ['■ 大規模言語モデル\n□ 画像など言語以外のモーダルを対象とした基盤モデル\n■ 言語を含むマルチモーダルを対象とした基盤モデル', ['llm', 'multimodal'], true],
    ['■\u3000大規模 言語 モデル\u3000□\u3000画像など言語以外のモーダルを対象とした基盤モデル', ['llm'], true],
    ['✓大規模言語モデル ✓特定分野に特化した基盤モデル', ['llm', 'domain_specific'], true],
    ['●大規模言語モデル ○マルチモーダル', ['llm', 'multimodal'], true],
    ['レ大規模言語モデル', ['llm'], true],
    ['ﾚ 大規模言語モデル', ['llm'], true],
    ['大規模言語モデル ■', ['llm'], true],
    ['大規模言語モデル○ 画像など言語以外のモーダルを対象とした基盤モデル×', ['llm'], true],
    ['大規模言語モデル ○ 画像など言語以外のモーダルを対象とした基盤モデル ×', ['llm'], true],
    ['大規模言語モデル、マルチモーダル', ['llm', 'multimodal'], false],
    ['大規模言語モデル（LLM）', ['llm'], false],
    ['LLM', ['llm'], false],
    ['ＬＬＭ及び言語を含むマルチモーダルを対象とした基盤モデル', ['llm', 'multimodal'], false],
    // Aliases inside longer labels must not match on their own: 特定ドメイン向けのチューニング is part of its label.
    ['特定ドメインデータを用いた特定ドメイン向けのチューニング', ['domain_tuning'], false],
    ['■特定ドメイン向けのチューニング □特定タスク向けのチューニング', ['domain_tuning'], true],
    ['マルチモーダル、大規模言語モデル、大規模言語モデル', ['llm', 'multimodal'], false],
    ['', [], false],
    ['該当なし', [], false],
    ['□大規模言語モデル 独自アーキテクチャ', [], true],
  ])('%j → %j (marked %s)', (input, chosen, marked) => {
    expect(readMarkedOptions(input, DEVELOPMENT_CATEGORY_OPTIONS)).toEqual({ chosen, marked });
  });

  it.each<[string, string[], boolean]>([
    ['☑ モデルの公開　☐ 開発コードの公開', ['model'], true],
    ['☑モデルの公開 ☑開発コードの公開 ☐データの公開 ☑開発詳細の公表 ☐公開しない', ['model', 'code', 'details'], true],
    ['□モデルの公開 □開発コードの公開 □データの公開 □開発詳細の公表 ■公開しない', ['none'], true],
    ['モデルの公開○ 開発コードの公開×', ['model'], true],
    ['モデルの公開 ○ データの公開 ×', ['model'], true],
    ['モデルの公開 ○ データの公開 ○ 公開しない ×', ['model', 'data'], true],
    ['■モデル公開■コード公開□データ公開', ['model', 'code'], true],
    ['■モデルの公開□開発コードの公開', ['model'], true],
    ['モデル公開、コード公開', ['model', 'code'], false],
    ['非公開', ['none'], false],
    ['開発詳細の公開', ['details'], false],
  ])('%j → %j (marked %s)', (input, chosen, marked) => {
    expect(readMarkedOptions(input, OPENNESS_OPTIONS)).toEqual({ chosen, marked });
  });

  it.each<[string, string[], boolean]>([
    ['大企業 ○', ['large_company'], true],
    // A mark between two options goes to the one it touches.
    ['大企業○ 中小企業等', ['large_company'], true],
    ['大企業 ○中小企業等', ['sme'], true],
    ['大企業', ['large_company'], false],
    ['□大企業 ■中小企業等（特定事業者） □学術機関等 □その他', ['sme'], true],
    ['□大企業 ■中小企業等(特定事業者) □学術機関等 □その他', ['sme'], true],
    ['□ 大企業　■ 中小企業等 （特定事業者）　□ 学術機関等　□ その他', ['sme'], true],
    ['中小企業（特定事業者）', ['sme'], false],
    ['国立大学法人', ['academic'], false],
    ['□大企業 □中小企業等（特定事業者） ■学術機関等 □その他', ['academic'], true],
  ])('%j → %j (marked %s)', (input, chosen, marked) => {
    expect(readMarkedOptions(input, CATEGORY_OPTIONS)).toEqual({ chosen, marked });
  });

  it('reads any set of ticked boxes, marks before or after, in any spacing', () => {
    const box = fc.record({
      chosen: fc.boolean(),
      chosenMark: fc.constantFrom('■', '☑', '✓', '✔', '●', 'レ', '☒'),
      unchosenMark: fc.constantFrom('□', '☐', '◻', '▢'),
      gap: fc.constantFrom('', ' ', '\u3000'),
    });
    fc.assert(
      fc.property(
        fc.array(box, { minLength: DEVELOPMENT_CATEGORY_OPTIONS.length, maxLength: DEVELOPMENT_CATEGORY_OPTIONS.length }),
        fc.constantFrom(' ', '\u3000', '\n', '  '),
        fc.boolean(),
        (boxes, separator, marksAfter) => {
          const text = DEVELOPMENT_CATEGORY_OPTIONS.map((o, i) => {
            const b = boxes[i]!;
            const mark = b.chosen ? b.chosenMark : b.unchosenMark;
            return marksAfter ? `${o.label}${b.gap}${mark}` : `${mark}${b.gap}${o.label}`;
          }).join(separator);
          const expected = DEVELOPMENT_CATEGORY_OPTIONS.filter((_, i) => boxes[i]!.chosen).map((o) => o.value);
          expect(readMarkedOptions(text, DEVELOPMENT_CATEGORY_OPTIONS)).toEqual({ chosen: expected, marked: true });
        },
      ),
    );
  });
});

describe('parseBoolean', () => {
  it.each<[string, boolean | null]>([
    ['はい', true],
    ['いいえ', false],
    [' はい ', true],
    ['\u3000いいえ\u3000', false],
    ['有', true],
    ['無', false],
    ['有り', true],
    ['無し', false],
    ['あり', true],
    ['なし', false],
    ['○', true],
    ['〇', true],
    ['◯', true],
    ['×', false],
    ['■', true],
    ['□', false],
    ['☑', true],
    ['☐', false],
    ['✓', true],
    ['yes', true],
    ['Yes', true],
    ['YES', true],
    ['ｙｅｓ', true],
    ['no', false],
    ['No', false],
    ['NO', false],
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['該当', true],
    ['非該当', false],
    ['該当する', true],
    ['該当しない', false],
    ['該当あり', true],
    ['該当なし', false],
    ['該当ありません', false],
    ['ありません', false],
    ['■はい □いいえ', true],
    ['□はい ☑いいえ', false],
    ['□はい　■いいえ', false],
    ['☑ はい　☐ いいえ', true],
    ['はい ○', true],
    ['はい・いいえ', null],
    ['はい／いいえ', null],
    ['■はい ■いいえ', null],
    ['□はい □いいえ', null],
    ['いいえ（国内資本）', false],
    ['はい（米国法人の日本法人）', true],
    ['', null],
    ['　', null],
    ['x', null],
    ['X', null],
    ['-', null],
    ['未定', null],
    ['検討中', null],
  ])('%j → %s', (input, expected) => {
    expect(parseBoolean(input)).toBe(expected);
  });
});
