import { describe, expect, it } from 'vitest';
import { cellText, EXCEL_MAX_CELL_CHARS, plainText } from '../../src/report/cell-text.js';
import { escapeHtml, jsonForHtml } from '../../src/report/html-escape.js';

describe('cell text', () => {
  it('keeps applicant text as it is, formula-looking or not', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+81-3-1234-5678', '@SUM(A1)', '-2+3', '\t=1+1']) expect(cellText(text)).toBe(text);
    // A CR is kept as a line break: XML would turn it into one anyway.
    expect(cellText('\r=1\r\n2')).toBe('\n=1\n2');
  });

  it('never passes an object on: exceljs would read {formula}, {richText} or {hyperlink} as instructions', () => {
    expect(cellText({ formula: 'WEBSERVICE("http://x")' })).toBe('{"formula":"WEBSERVICE(\\"http://x\\")"}');
    expect(cellText({ text: 'x', hyperlink: 'http://x' })).toBe('{"text":"x","hyperlink":"http://x"}');
    expect(typeof cellText({ richText: [] })).toBe('string');
    expect(cellText(['a', 'b'])).toBe('a、b');
    expect(cellText(null)).toBe('');
  });

  it('drops characters XML forbids, which would make Excel reject the workbook', () => {
    expect(plainText('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(plainText('改行\nタブ\t')).toBe('改行\nタブ\t');
    expect(plainText('😀')).toBe('😀');
  });

  it("cuts text at Excel's cell limit", () => {
    const text = cellText('あ'.repeat(EXCEL_MAX_CELL_CHARS + 10));
    expect(text.length).toBe(EXCEL_MAX_CELL_CHARS);
    expect(text.endsWith('（以下省略）')).toBe(true);
  });
});

describe('html escaping', () => {
  it('escapes markup and both quotes', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  });

  it('embeds JSON that cannot close its script block and parses back unchanged', () => {
    const value = { name: '</script><script>alert(1)</script><!--', sep: 'a\u2028b\u2029c', amp: 'A&B' };
    const json = jsonForHtml(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
