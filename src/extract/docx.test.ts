import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../config/limits.js';
import { formDocument, p, rawDocument, tc } from '../../test/fixtures/ooxml/docx-fixtures.js';
import { rawWorkbook } from '../../test/fixtures/ooxml/xlsx-fixtures.js';
import { writeCfb as compoundFile } from '../../scripts/lib/cfb-writer.js';
import { withEntries, zipOf } from '../../test/fixtures/ooxml/zip.js';
import { documentOf, reasonOf } from '../../test/support/extract-results.js';
import type { ExtractedDocument } from './document.js';
import { extractDocx } from './docx.js';

const MB = 1024 * 1024;

async function read(body: string): Promise<ExtractedDocument> {
  return documentOf(await extractDocx(rawDocument(body), DEFAULT_LIMITS));
}

const texts = (document: ExtractedDocument, grid = 0) => document.grids[grid]?.rows.map((row) => row.map((cell) => cell.text));

describe('extractDocx on a filled-in form made with Word features', () => {
  let document: ExtractedDocument;
  beforeAll(async () => {
    document = documentOf(await extractDocx(await formDocument(), DEFAULT_LIMITS));
  });

  it('reads body paragraphs as lines: tabs kept, a line break splits, deleted text gone, text boxes in order', () => {
    expect(document.lines).toEqual([
      '競争力ある生成AI基盤モデルの開発に係る事前調査 申請書',
      '法人名：\t株式会社テスト',
      '担当者：山田 太郎',
      '電話：03-1234-5678',
      '代表者：代表取締役 新社長',
      '受付番号（事務局記入欄）',
    ]);
    expect(document).toMatchObject({ format: 'docx', partsRead: 1 });
  });

  it('lays the table out on its grid: spans repeat the text under one mergeId, vMerge continues the block above', () => {
    const rows = document.grids[0]?.rows;
    expect(document.grids.map((grid) => grid.name)).toEqual(['table 1']);
    expect(rows?.[0]).toEqual([
      { text: '法人名（申請者名）' },
      { text: '株式会社テスト', mergeId: 'table 1!R1C2' },
      { text: '株式会社テスト', mergeId: 'table 1!R1C2' },
    ]);
    const address = { text: '東京都千代田区霞が関1-3-1\n霞が関ビル 10階', mergeId: 'table 1!R2C2' };
    expect(rows?.[1]).toEqual([{ text: '所在地', mergeId: 'table 1!R2C1' }, address, address]);
    expect(rows?.[2]).toEqual([{ text: '所在地', mergeId: 'table 1!R2C1' }, { text: '郵便番号' }, { text: '100-0013' }]);
  });

  it('keeps checkbox characters and turns checkbox content controls into ☑/☐', () => {
    expect(texts(document)?.slice(3)).toEqual([
      ['開発区分', '■ 大規模言語モデル', '□ マルチモーダル'],
      ['外資企業の日本法人', '☐ はい', '☑ いいえ'],
      ['公開方針', '☑ モデルの公開', '☐ データの公開'],
    ]);
    expect(document.namedValues).toEqual([
      { name: 'モデルの公開', value: '☑' },
      { name: 'データの公開', value: '☐' },
    ]);
  });
});

describe('extractDocx on hand-written WordprocessingML', () => {
  it('reads a checkbox content control by w14:checked, whatever glyph it shows', async () => {
    const checkbox = (checked: string, glyph: string) =>
      `<w:sdt><w:sdtPr><w:tag w:val="open_${checked}"/><w14:checkbox><w14:checked w14:val="${checked}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>${glyph}</w:t></w:r></w:sdtContent></w:sdt>`;
    const document = await read(`<w:p>${checkbox('1', '☐')}<w:r><w:t xml:space="preserve"> モデル</w:t></w:r>${checkbox('0', '☒')}<w:r><w:t xml:space="preserve"> データ</w:t></w:r></w:p>`);
    expect(document.lines).toEqual(['☑ モデル☐ データ']);
    expect(document.namedValues).toEqual([
      { name: 'open_1', value: '☑' },
      { name: 'open_0', value: '☐' },
    ]);
  });

  it('maps Wingdings and Wingdings 2 checkbox symbols to Unicode marks', async () => {
    const sym = (font: string, char: string) => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
    const symbols = [
      sym('Wingdings', 'F0FE'), sym('Wingdings', 'F0FD'), sym('Wingdings', 'F078'), sym('Wingdings', 'F0A8'), sym('Wingdings', 'F06F'),
      sym('Wingdings', 'F06E'), sym('Wingdings', 'F0A1'), sym('Wingdings', 'F0FC'), sym('Wingdings 2', 'F052'), sym('Wingdings 2', 'F0A3'),
      sym('Wingdings', 'F021'), // a pencil: no mark, no text
      sym('MS Gothic', '2612'), // an ordinary font: the code point itself
    ].join('');
    // Typed in a Wingdings run: the font's own byte (þ) or its private-use code point.
    const typed = '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>þ\uF0A8</w:t></w:r>';
    expect((await read(`<w:p>${symbols}</w:p><w:p>${typed}<w:r><w:t>×</w:t></w:r></w:p>`)).lines).toEqual(['☑☑☑☐☐■○✓☑☐☒', '☑☐×']);
  });

  it('reads legacy FORMCHECKBOX fields by w:checked, else w:default, and shows only field results', async () => {
    const formCheckbox = (state: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:checkBox><w:sizeAuto/>${state}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const formText =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>512基</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const body =
      `<w:p>${formCheckbox('<w:default w:val="0"/><w:checked/>')}<w:r><w:t>はい</w:t></w:r></w:p>` +
      `<w:p>${formCheckbox('<w:default w:val="1"/>')}<w:r><w:t>既定で選択</w:t></w:r></w:p>` +
      `<w:p>${formCheckbox('<w:default w:val="1"/><w:checked w:val="0"/>')}<w:r><w:t>いいえ</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t xml:space="preserve">GPU数：</w:t></w:r>${formText}</w:p>`;
    expect((await read(body)).lines).toEqual(['☑はい', '☑既定で選択', '☐いいえ', 'GPU数：512基']);
  });

  it('combines gridSpan, vMerge and gridBefore on the grid', async () => {
    const body =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr>${tc('<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>', '計算資源')}${tc('', 'GPU種類')}${tc('', 'H100')}</w:tr>` +
      `<w:tr>${tc('<w:gridSpan w:val="2"/><w:vMerge/>', '')}${tc('', 'GPU数')}${tc('', '512基')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc('', '利用期間')}${tc('', '6ヶ月')}</w:tr>` +
      '</w:tbl>';
    const merged = { text: '計算資源', mergeId: 'table 1!R1C1' };
    expect((await read(body)).grids[0]?.rows).toEqual([
      [merged, merged, { text: 'GPU種類' }, { text: 'H100' }],
      [merged, merged, { text: 'GPU数' }, { text: '512基' }],
      [{ text: '' }, { text: '' }, { text: '利用期間' }, { text: '6ヶ月' }],
    ]);
  });

  it('gives a nested table its own grid and folds its rows into the cell around it', async () => {
    const nested = `<w:tbl><w:tr>${tc('', '■')}${tc('', '大規模言語モデル')}</w:tr><w:tr>${tc('', '□')}${tc('', 'マルチモーダル')}</w:tr></w:tbl>`;
    const body = `<w:tbl><w:tr>${tc('', '開発区分')}<w:tc>${p('（該当に■）')}${nested}<w:p/></w:tc></w:tr></w:tbl>`;
    const document = await read(body);
    expect(document.grids.map((grid) => grid.name)).toEqual(['table 1', 'table 2']);
    expect(texts(document, 0)).toEqual([['開発区分', '（該当に■）\n■\t大規模言語モデル\n□\tマルチモーダル']]);
    expect(texts(document, 1)).toEqual([['■', '大規模言語モデル'], ['□', 'マルチモーダル']]);
  });

  it('shows only what Word shows: no deleted, moved-away, hidden, placeholder or furigana text', async () => {
    const body =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="2000"/></w:tabs></w:pPr><w:r><w:t>代表者：</w:t></w:r>' +
      '<w:del w:id="1" w:author="a"><w:r><w:delText>旧社長</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>新社長</w:t></w:r></w:ins></w:p>' +
      '<w:p><w:moveFrom w:id="3" w:author="a"><w:r><w:t>移動前</w:t></w:r></w:moveFrom><w:moveTo w:id="4" w:author="a"><w:r><w:t>移動後</w:t></w:r></w:moveTo></w:p>' +
      '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隠し文字</w:t></w:r><w:r><w:t>見える文字</w:t></w:r></w:p>' +
      '<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>かぶしきがいしゃ</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>株式会社</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>' +
      '<w:p><w:r><w:t>03</w:t><w:noBreakHyphen/><w:t>1234</w:t><w:softHyphen/><w:t>5678</w:t><w:cr/><w:t>内線12</w:t></w:r></w:p>' +
      '<w:p><w:sdt><w:sdtPr><w:alias w:val="法人名"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>ここをクリックして入力</w:t></w:r></w:sdtContent></w:sdt></w:p>';
    const document = await read(body);
    expect(document.lines).toEqual(['代表者：新社長', '移動後', '見える文字', '株式会社', '03-12345678', '内線12']);
    expect(document.namedValues).toEqual([]);
  });

  it('names the text of content controls by alias, else tag, and keeps it in place', async () => {
    const control = (properties: string, content: string) => `<w:sdt><w:sdtPr>${properties}</w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const body =
      control('<w:alias w:val="開発内容の概要"/><w:tag w:val="summary"/>', p('日本語LLMを開発する。') + p('評価はJGLUE。')) +
      `<w:p><w:r><w:t xml:space="preserve">担当者：</w:t></w:r>${control('<w:tag w:val="contact"/>', '<w:r><w:t>山田 太郎</w:t></w:r>')}</w:p>`;
    const document = await read(body);
    expect(document.lines).toEqual(['日本語LLMを開発する。', '評価はJGLUE。', '担当者：山田 太郎']);
    expect(document.namedValues).toEqual([
      { name: '開発内容の概要', value: '日本語LLMを開発する。\n評価はJGLUE。' },
      { name: 'contact', value: '山田 太郎' },
    ]);
  });

  it('reads a text box once, although Word stores it twice (mc:Choice and its mc:Fallback)', async () => {
    const box = p('事務局使用欄');
    const body =
      `<w:p><w:r><w:t>本文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${box}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${box}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    expect((await read(body)).lines).toEqual(['事務局使用欄', '本文']);
  });

  it('takes the fallback of a choice it does not understand (w16se:symEx)', async () => {
    const emoji =
      '<mc:AlternateContent><mc:Choice Requires="w16se"><w:r><w16se:symEx xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex" w16se:font="Segoe UI Emoji" w16se:char="2714"/></w:r></mc:Choice>' +
      '<mc:Fallback><w:r><w:t>✔</w:t></w:r></mc:Fallback></mc:AlternateContent>';
    expect((await read(`<w:p>${emoji}<w:r><w:t>モデルの公開</w:t></w:r></w:p>`)).lines).toEqual(['✔モデルの公開']);
  });

  it('finds the main part through the package relationships, and reads ISO 29500 Strict', async () => {
    const moved = rawDocument(p('document2 の本文'), { main: 'word/document2.xml' });
    expect(documentOf(await extractDocx(moved, DEFAULT_LIMITS)).lines).toEqual(['document2 の本文']);
    const strict = withEntries(rawDocument(''), {
      'word/document.xml': '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>Strict 形式</w:t></w:r></w:p></w:body></w:document>',
    });
    expect(documentOf(await extractDocx(strict, DEFAULT_LIMITS)).lines).toEqual(['Strict 形式']);
  });
});

describe('extractDocx refuses what it must not read', () => {
  const manyCells = `<w:tbl>${`<w:tr>${tc('', 'x').repeat(10)}</w:tr>`.repeat(20)}</w:tbl>`;
  it.each<[string, () => Promise<Buffer> | Buffer, typeof DEFAULT_LIMITS, string | RegExp]>([
    ['random bytes', () => Buffer.from('これは docx ではありません'), DEFAULT_LIMITS, 'not a zip file'],
    ['a truncated document', async () => (await formDocument()).subarray(0, 4000), DEFAULT_LIMITS, 'truncated zip (its central directory is missing)'],
    ['a zip without a document', () => zipOf({ 'notes.txt': 'hello' }), DEFAULT_LIMITS, 'not a Word document (the zip has no word/document.xml)'],
    ['a workbook', () => rawWorkbook('<sheetData/>'), DEFAULT_LIMITS, 'not a Word document (its main part is no w:document)'],
    ['a password-protected document', () => compoundFile(['EncryptionInfo', 'EncryptedPackage']), DEFAULT_LIMITS, 'file is password-protected (encrypted OOXML)'],
    ['a legacy .doc', () => compoundFile(['WordDocument']), DEFAULT_LIMITS, 'not a zip file (an OLE compound file, such as a legacy .xls or .doc)'],
    [
      'a document with a DOCTYPE and an external entity',
      () =>
        withEntries(rawDocument(''), {
          'word/document.xml':
            '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>',
        }),
      DEFAULT_LIMITS,
      'word/document.xml declares a DTD (<!DOCTYPE/<!ENTITY>), which OOXML forbids',
    ],
    [
      'a zip bomb as the document',
      () => withEntries(rawDocument(''), { 'word/document.xml': new Uint8Array(5 * MB) }),
      { ...DEFAULT_LIMITS, maxUncompressedBytes: MB },
      'uncompressed size exceeds INTAKE_MAX_UNCOMPRESSED_MB (1 MB)',
    ],
    ['a document over INTAKE_MAX_XML_MB', () => rawDocument(p('x'.repeat(MB))), { ...DEFAULT_LIMITS, maxXmlBytes: MB / 2 }, 'XML part word/document.xml exceeds INTAKE_MAX_XML_MB (0.5 MB)'],
    ['tables with more cells than INTAKE_MAX_SHEET_CELLS', () => rawDocument(manyCells), { ...DEFAULT_LIMITS, maxSheetCells: 100 }, 'table cells exceed INTAKE_MAX_SHEET_CELLS (100)'],
    ['a span wider than INTAKE_MAX_SHEET_CELLS', () => rawDocument(`<w:tbl><w:tr>${tc('<w:gridSpan w:val="1000000000"/>', 'x')}</w:tr></w:tbl>`), DEFAULT_LIMITS, 'table cells exceed INTAKE_MAX_SHEET_CELLS (200000)'],
    ['a document that is not well-formed', () => rawDocument('<w:p><w:r>'), DEFAULT_LIMITS, /^word\/document\.xml is not well-formed XML/],
  ])('refuses %s', async (_what, build, limits, reason) => {
    const actual = reasonOf(await extractDocx(await build(), limits));
    if (typeof reason === 'string') expect(actual).toBe(reason);
    else expect(actual).toMatch(reason);
  });
});
