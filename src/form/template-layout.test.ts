// The layout every writer prints, derived from the form definition.
import { describe, expect, it } from 'vitest';
import { FIELDS, NOTES, SECTIONS } from './definition.js';
import { buildFormLayout, DATE_PLACEHOLDER, type FieldRow } from './template-layout.js';

const fieldRows = (layout = buildFormLayout()) => layout.sections.flatMap((s) => s.rows).filter((r): r is FieldRow => r.kind === 'field');

describe('buildFormLayout', () => {
  it('lists every table field once, in definition order, under its numbered section', () => {
    const layout = buildFormLayout();
    expect(layout.sections.map((s) => s.heading)).toEqual(SECTIONS.map((s) => `${s.no}. ${s.title}`));
    expect(fieldRows(layout).map((r) => r.key)).toEqual(FIELDS.filter((f) => f.section !== 'form').map((f) => f.key));
    expect(layout.header).toEqual([{ key: 'form.submittedOn', label: '提出日', value: DATE_PLACEHOLDER }]);
    expect(layout.notes).toEqual(NOTES.map((note, i) => `${i + 1}. ${note}`));
  });

  it('marks required labels with ※ after the defined label text', () => {
    for (const row of fieldRows()) {
      const field = FIELDS.find((f) => f.key === row.key);
      expect(row.label).toBe(field?.required ? `${field.label}※` : field?.label);
      expect(row.hint).toBe(field?.hint);
    }
  });

  it('prints groups one "□ option" per line, booleans as one はい/いいえ line, chosen ones ■', () => {
    const rows = fieldRows(buildFormLayout({ chosen: { 'development.openness': ['code'], 'applicant.foreignSubsidiary': ['true'] } }));
    const openness = rows.find((r) => r.key === 'development.openness')?.answer;
    expect(openness).toMatchObject({ kind: 'choices', layout: 'stacked' });
    expect(openness?.kind === 'choices' && openness.choices.map((c) => c.text)).toEqual([
      '□ モデルの公開',
      '■ 開発コードの公開',
      '□ データの公開',
      '□ 開発詳細の公表',
      '□ 公開しない',
    ]);
    expect(rows.find((r) => r.key === 'applicant.foreignSubsidiary')?.answer).toMatchObject({ layout: 'inline', text: '■はい　□いいえ' });
  });

  it('prints typed answers verbatim, split at line breaks, with the room the definition gives', () => {
    const rows = fieldRows(buildFormLayout({ values: { 'development.summary': 'A\nB', 'applicant.category': '中小企業' } }));
    expect(rows.find((r) => r.key === 'development.summary')?.answer).toEqual({ kind: 'text', lines: ['A', 'B'], minLines: 4 });
    // A group answered in words rather than ticks keeps the words.
    expect(rows.find((r) => r.key === 'applicant.category')?.answer).toEqual({ kind: 'text', lines: ['中小企業'], minLines: 1 });
  });

  it('replaces labels and inserts rows where the fill says', () => {
    const layout = buildFormLayout({ labels: { 'applicant.name': '申請者名' }, insertRows: [{ afterKey: 'contact.name', texts: ['備考', 'なし'] }] });
    expect(fieldRows(layout)[0]?.label).toBe('申請者名※');
    const contact = layout.sections[1]?.rows ?? [];
    expect(contact[1]).toEqual({ kind: 'inserted', texts: ['備考', 'なし'] });
  });

  it('rejects a fill naming a field or option the form does not have', () => {
    expect(() => buildFormLayout({ values: { 'applicant.nmae': 'x' } })).toThrow(/unknown field applicant.nmae/);
    expect(() => buildFormLayout({ chosen: { 'development.categories': ['gpt'] } })).toThrow(/no option gpt/);
    expect(() => buildFormLayout({ chosen: { 'applicant.name': ['x'] } })).toThrow(/no options/);
    expect(() => buildFormLayout({ insertRows: [{ afterKey: 'form.submittedOn', texts: ['x'] }] })).toThrow(/header field/);
  });
});
