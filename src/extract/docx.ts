// docx → one Grid per table and one line per body paragraph, read as XML events from the main
// document part (ECMA-376 Part 1 §17, WordprocessingML). Text is what Word shows: deleted, hidden
// and placeholder text, field codes and furigana are left out; checkboxes become ☑/☐.
import type { ExtractResult, Extractor, Grid, GridCell } from './document.js';
import { readOoxmlParts } from './ooxml-zip.js';
import { attr, readXml, XmlRefusal, type XmlTag } from './xml.js';

const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w', // ISO 29500 Strict
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
};

// Subtrees whose text Word does not show as document text: tracked deletions and moves away
// (§17.13.5), ruby readings above the base text (§17.3.3.25).
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'w:rt']);

// Markup-compatibility choices whose text this reader finds: shapes and groups holding text boxes
// (w:txbxContent) and Word 2010/2013 additions. A choice needing anything else (w16se:symEx for an
// emoji, say) is passed over for its fallback.
const UNDERSTOOD = new Set(['wps', 'wpg', 'wpc', 'wp14', 'w14', 'w15']);

// Dingbat fonts place their glyphs at 0x20–0xFF, stored by Word as that code or as U+F0xx (§17.3.3.30).
// Only the marks applicants use for checkboxes and choices are mapped (Unicode 7.0 gives every glyph a
// code point); boxes with a check or a cross read as ☑, empty boxes as ☐.
const SYMBOL_FONTS: Record<string, Record<number, string>> = {
  wingdings: { 0x6c: '●', 0x6e: '■', 0x6f: '☐', 0x70: '☐', 0x71: '☐', 0x72: '☐', 0x78: '☑', 0x9f: '•', 0xa1: '○', 0xa8: '☐', 0xfb: '✗', 0xfc: '✓', 0xfd: '☑', 0xfe: '☑' },
  'wingdings 2': { 0x4f: '✗', 0x50: '✓', 0x52: '☑', 0x53: '☑', 0x54: '☑', 0x96: '●', 0xa3: '☐' },
};

interface Block {
  text: string;
  /** R1C1 address of the block's top-left cell. */
  anchor: string;
  /** Grid slots the block covers; more than one makes it a merged block. */
  slots: number;
}

interface TableBuilder {
  grid: Grid;
  slots: (Block | undefined)[][];
  /** Each row's own cell texts, for folding a nested table into the cell around it. */
  rowTexts: string[][];
  cell: { paragraphs: string[]; span: number; continues: boolean } | null;
  column: number;
}

interface ContentControl {
  alias: string;
  tag: string;
  value: string;
  /** w14:checked of a checkbox control (null when the control is no checkbox). */
  checked: boolean | null;
  placeholder: boolean;
  inContent: boolean;
  markWritten: boolean;
}

interface Run {
  /** Lower-cased font of the run's own properties: dingbat fonts change what a character means. */
  font: string;
  hidden: boolean;
}

export const extractDocx: Extractor = async (bytes, limits) => {
  const packageRels = await readOoxmlParts(bytes, limits, (name) => name === '_rels/.rels');
  if (!packageRels.ok) return unreadable(packageRels.reason);
  const main = mainPartName(packageRels.parts.get('_rels/.rels'));
  if (typeof main !== 'string') return unreadable(main.reason);
  const read = await readOoxmlParts(bytes, limits, (name) => name === main);
  if (!read.ok) return unreadable(read.reason);
  const xml = read.parts.get(main);
  if (xml === undefined) return unreadable(`not a Word document (the zip has no ${main})`);
  const reader = new DocumentReader(limits.maxSheetCells);
  const problem = readXml(main, xml, reader);
  if (problem) return unreadable(problem);
  return {
    ok: true,
    document: { format: 'docx', grids: reader.grids, lines: reader.lines, namedValues: reader.namedValues, partsRead: 1 },
  };
};

/** ECMA-376 Part 2: the package relationship of type officeDocument names the main part. */
function mainPartName(rels: string | undefined): string | { reason: string } {
  let target = 'word/document.xml';
  const problem =
    rels === undefined
      ? null
      : readXml('_rels/.rels', rels, {
          open(tag) {
            if (tag.local === 'Relationship' && attr(tag, 'Type')?.endsWith('/officeDocument')) target = attr(tag, 'Target') ?? target;
          },
        });
  return problem ? { reason: problem } : target.replace(/^\//, '');
}

class DocumentReader {
  readonly grids: Grid[] = [];
  readonly lines: string[] = [];
  readonly namedValues: { name: string; value: string }[] = [];
  private readonly path: string[] = [];
  /** Depth of the element whose subtree is being skipped; 0 when reading. */
  private skipFrom = 0;
  private readonly paragraphs: string[] = [];
  /** The body and each text box: tables belong to the story they were opened in. */
  private readonly stories: TableBuilder[][] = [[]];
  private readonly runs: Run[] = [];
  private readonly controls: ContentControl[] = [];
  /** mc:AlternateContent: whether one of its choices was read (ECMA-376 Part 3: read exactly one). */
  private readonly alternates: boolean[] = [];
  private formCheckbox: { checked: boolean | null; byDefault: boolean } | null = null;

  private slotsLeft: number;

  constructor(private readonly maxSlots: number) {
    this.slotsLeft = maxSlots;
  }

  open = (tag: XmlTag): void => {
    const name = keyOf(tag);
    this.path.push(name);
    if (this.skipFrom) return;
    if (this.path.length === 1 && name !== 'w:document') throw new XmlRefusal('not a Word document (its main part is no w:document)');
    if (SKIPPED.has(name) || this.skipsAlternative(tag, name)) {
      this.skipFrom = this.path.length;
      return;
    }
    const parent = this.path[this.path.length - 2];
    const runProperty = parent === 'w:rPr' && this.path[this.path.length - 3] === 'w:r';
    const val = attr(tag, 'val');
    const run = this.runs[this.runs.length - 1];
    const cell = this.table()?.cell;
    const control = this.control();
    const checkbox = this.formCheckbox;
    switch (name) {
      case 'mc:AlternateContent': this.alternates.push(false); break;
      case 'w:p': this.paragraphs.push(''); break;
      case 'w:r': this.runs.push({ font: '', hidden: false }); break;
      case 'w:rFonts': if (run && runProperty) run.font = (attr(tag, 'ascii') ?? attr(tag, 'hAnsi') ?? '').toLowerCase(); break;
      case 'w:vanish': if (run && runProperty) run.hidden = onOff(val); break;
      case 'w:tab': case 'w:ptab': if (parent === 'w:r') this.write('\t'); break; // not the tab stops of w:pPr/w:tabs
      case 'w:br': case 'w:cr': this.write('\n'); break;
      case 'w:noBreakHyphen': this.write('-'); break;
      case 'w:sym': this.write(symbolText(attr(tag, 'font') ?? '', parseInt(attr(tag, 'char') ?? '', 16))); break;
      case 'w:txbxContent': this.stories.push([]); break;
      case 'w:tbl': this.openTable(); break;
      case 'w:tr': this.openRow(); break;
      case 'w:gridBefore': if (parent === 'w:trPr') this.skipColumns(count(val)); break;
      case 'w:tc': this.openCell(); break;
      case 'w:gridSpan': if (cell && parent === 'w:tcPr') cell.span = count(val); break;
      case 'w:vMerge': if (cell && parent === 'w:tcPr') cell.continues = val !== 'restart'; break;
      case 'w:sdt': this.controls.push({ alias: '', tag: '', value: '', checked: null, placeholder: false, inContent: false, markWritten: false }); break;
      case 'w:alias': if (control && parent === 'w:sdtPr') control.alias = val ?? ''; break;
      case 'w:tag': if (control && parent === 'w:sdtPr') control.tag = val ?? ''; break;
      case 'w:showingPlcHdr': if (control) control.placeholder = onOff(val); break;
      case 'w14:checkbox': if (control) control.checked = false; break;
      case 'w14:checked': if (control) control.checked = onOff(val); break;
      case 'w:sdtContent': if (control) control.inContent = true; break;
      case 'w:checkBox': this.formCheckbox = { checked: null, byDefault: false }; break;
      case 'w:default': if (checkbox && parent === 'w:checkBox') checkbox.byDefault = onOff(val); break;
      case 'w:checked': if (checkbox && parent === 'w:checkBox') checkbox.checked = onOff(val); break;
    }
  };

  close = (): void => {
    const name = this.path[this.path.length - 1];
    if (this.skipFrom) {
      if (this.skipFrom === this.path.length) this.skipFrom = 0;
      this.path.pop();
      return;
    }
    this.path.pop();
    switch (name) {
      case 'mc:AlternateContent': this.alternates.pop(); break;
      case 'w:p': this.closeParagraph(this.paragraphs.pop() ?? ''); break;
      case 'w:r': this.runs.pop(); break;
      case 'w:txbxContent': this.stories.pop(); break;
      case 'w:tc': this.closeCell(); break;
      case 'w:tbl': this.closeTable(); break;
      case 'w:sdtContent': this.closeControlContent(); break;
      case 'w:sdt': this.closeControl(); break;
      // §17.16.8, §17.16.12: a legacy checkbox is checked per w:checked, else per w:default.
      case 'w:fldChar':
        if (this.formCheckbox) this.write((this.formCheckbox.checked ?? this.formCheckbox.byDefault) ? '☑' : '☐');
        this.formCheckbox = null;
        break;
    }
  };

  text = (text: string): void => {
    if (this.skipFrom || this.path[this.path.length - 1] !== 'w:t') return;
    const font = this.runs[this.runs.length - 1]?.font ?? '';
    this.write(SYMBOL_FONTS[font] ? [...text].map((char) => symbolText(font, char.codePointAt(0) ?? 0)).join('') : text);
  };

  /** Appends shown text to the open paragraph and to every content control around it. */
  private write(shown: string): void {
    if (this.paragraphs.length === 0 || this.runs[this.runs.length - 1]?.hidden) return;
    const open = this.controls.filter((control) => control.inContent);
    if (open.some((control) => control.placeholder)) return;
    let text = shown;
    // A checkbox control shows one glyph; its w14:checked state, not the glyph, says what it means.
    const checkbox = open.filter((control) => control.checked !== null).pop();
    if (checkbox) {
      if (checkbox.markWritten) return;
      checkbox.markWritten = true;
      text = checkbox.checked ? '☑' : '☐';
    }
    this.paragraphs[this.paragraphs.length - 1] += text;
    for (const control of open) control.value += text;
  }

  private closeParagraph(text: string): void {
    for (const control of this.controls) if (control.inContent && control.value !== '') control.value += '\n';
    const cell = this.table()?.cell;
    if (cell) cell.paragraphs.push(text);
    else this.lines.push(...text.split('\n').filter((line) => line.trim() !== ''));
  }

  private closeControlContent(): void {
    const control = this.control();
    if (!control) return;
    // A checkbox whose glyph run was empty or hidden still shows its state.
    if (control.checked !== null && !control.markWritten) this.write('');
    control.inContent = false;
  }

  private closeControl(): void {
    const control = this.controls.pop();
    const name = control?.alias || control?.tag;
    const value = control?.value.replace(/\n+$/, '') ?? '';
    if (name && value !== '') this.namedValues.push({ name, value });
  }

  private openTable(): void {
    const grid: Grid = { name: `table ${this.grids.length + 1}`, rows: [] };
    this.grids.push(grid);
    this.story().push({ grid, slots: [], rowTexts: [], cell: null, column: 0 });
  }

  private openRow(): void {
    const table = this.table();
    if (!table) return;
    table.slots.push([]);
    table.rowTexts.push([]);
    table.column = 0;
    this.spend(1);
  }

  private openCell(): void {
    const table = this.table();
    if (table) table.cell = { paragraphs: [], span: 1, continues: false };
  }

  private skipColumns(columns: number): void {
    const table = this.table();
    if (!table) return;
    this.spend(columns);
    table.column += columns;
  }

  /** Places the cell over its grid columns; a vMerge continuation joins the block above (§17.4.85). */
  private closeCell(): void {
    const table = this.table();
    const cell = table?.cell;
    const row = table?.slots[table.slots.length - 1];
    if (!table || !cell || !row) return;
    this.spend(cell.span);
    const r = table.slots.length - 1;
    const above = cell.continues ? table.slots[r - 1]?.[table.column] : undefined;
    const block = above ?? { text: cell.paragraphs.join('\n').replace(/^\n+|\n+$/g, ''), anchor: `R${r + 1}C${table.column + 1}`, slots: 0 };
    if (!above) table.rowTexts[r]?.push(block.text);
    for (let i = 0; i < cell.span; i += 1) row[table.column + i] = block;
    block.slots += cell.span;
    table.column += cell.span;
    table.cell = null;
  }

  private closeTable(): void {
    const table = this.story().pop();
    if (!table) return;
    table.grid.rows = table.slots.map((row) => Array.from(row, (block) => gridCell(table.grid.name, block)));
    // A nested table is its own grid and, folded row by row (cells tab-separated), the text of its cell.
    const folded = table.rowTexts.map((texts) => texts.filter((text) => text !== '').join('\t')).filter((text) => text !== '');
    const outer = this.table()?.cell;
    if (outer && folded.length > 0) outer.paragraphs.push(folded.join('\n'));
  }

  /**
   * ECMA-376 Part 3: of an mc:AlternateContent, read the first mc:Choice whose required namespaces
   * the reader understands, else the mc:Fallback; the others repeat the same content.
   */
  private skipsAlternative(tag: XmlTag, name: string): boolean {
    const last = this.alternates.length - 1;
    if ((name !== 'mc:Choice' && name !== 'mc:Fallback') || last < 0) return false;
    const understood = name === 'mc:Fallback' || (attr(tag, 'Requires') ?? '').split(/\s+/).every((prefix) => UNDERSTOOD.has(prefix));
    if (this.alternates[last] || !understood) return true;
    this.alternates[last] = true;
    return false;
  }

  /** Grid slots laid out (rows count once each) against INTAKE_MAX_SHEET_CELLS. */
  private spend(slots: number): void {
    this.slotsLeft -= slots;
    if (this.slotsLeft < 0) throw new XmlRefusal(`table cells exceed INTAKE_MAX_SHEET_CELLS (${this.maxSlots})`);
  }

  private story(): TableBuilder[] {
    return this.stories[this.stories.length - 1] ?? [];
  }

  private table(): TableBuilder | undefined {
    const story = this.story();
    return story[story.length - 1];
  }

  private control(): ContentControl | undefined {
    return this.controls[this.controls.length - 1];
  }
}

function keyOf(tag: XmlTag): string {
  return `${NAMESPACES[tag.uri] ?? tag.uri}:${tag.local}`;
}

function gridCell(gridName: string, block: Block | undefined): GridCell {
  if (!block) return { text: '' };
  return block.slots > 1 ? { text: block.text, mergeId: `${gridName}!${block.anchor}` } : { text: block.text };
}

/** ST_OnOff (§22.9.2.7): an omitted val means on. */
function onOff(val: string | undefined): boolean {
  return val === undefined || val === '1' || val === 'true' || val === 'on';
}

/** A positive whole count from a w:val (gridSpan, gridBefore); anything else counts as 1. */
function count(val: string | undefined): number {
  const n = Number(val);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** The text of a symbol: dingbat fonts through SYMBOL_FONTS, other fonts by code point. */
function symbolText(font: string, code: number): string {
  const privateUse = code >= 0xf000 && code <= 0xf0ff;
  const table = SYMBOL_FONTS[font.toLowerCase()];
  if (table) return table[privateUse ? code - 0xf000 : code] ?? '';
  // Outside a dingbat font U+F0xx is a glyph slot, not a character; it means nothing as text.
  return Number.isInteger(code) && code > 0 && !privateUse ? String.fromCodePoint(code) : '';
}

function unreadable(reason: string): ExtractResult {
  return { ok: false, failure: { kind: 'unreadable', reason } };
}
