// AcroForm values: what an applicant typed into a fillable PDF lives in the fields, not in the page's
// text layer (pdf.js leaves annotations out of getTextContent), so they are read from the widgets.
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { ExtractedDocument } from './document.js';

type NamedValue = ExtractedDocument['namedValues'][number];

/** The widget annotation properties pdf.js reports (its getAnnotations() is typed any[]). */
interface WidgetData {
  subtype?: string;
  /** Fully qualified field name (/T of the field and its parents, joined with "."). */
  fieldName?: string;
  /** /TU: the name shown to the user, often the printed label ("法人名") where /T is "Text1". */
  alternativeText?: string;
  fieldType?: string | null;
  fieldValue?: unknown;
  checkBox?: boolean;
  radioButton?: boolean;
  pushButton?: boolean;
  /** A checkbox's "on" state name. */
  exportValue?: string;
}

const CHECKED = '☑';
const UNCHECKED = '☐';

/** Collects field values page by page; a field with widgets on several pages is reported once. */
export class FormFieldCollector {
  private readonly values = new Map<string, NamedValue>();

  async addPage(page: PDFPageProxy): Promise<void> {
    const annotations = (await page.getAnnotations()) as WidgetData[];
    for (const widget of annotations) this.add(widget);
  }

  get namedValues(): NamedValue[] {
    return [...this.values.values()];
  }

  private add(widget: WidgetData): void {
    if (widget.subtype !== 'Widget' || !widget.fieldName) return;
    if (widget.pushButton || widget.fieldType === 'Sig') return;
    const value = widgetValue(widget);
    const known = this.values.get(widget.fieldName);
    // Checkboxes sharing a name are one field that is on when any of its widgets is on.
    if (known && !(known.value === UNCHECKED && value === CHECKED)) return;
    const name = widget.alternativeText?.trim() || widget.fieldName;
    this.values.set(widget.fieldName, { name, value });
  }
}

function widgetValue(widget: WidgetData): string {
  const { fieldValue } = widget;
  if (widget.checkBox) {
    const on = widget.exportValue ? fieldValue === widget.exportValue : isOnState(fieldValue);
    return on ? CHECKED : UNCHECKED;
  }
  // A radio group's value is the chosen option's export name; "Off" means none is chosen.
  if (widget.radioButton) return isOnState(fieldValue) ? String(fieldValue) : '';
  if (Array.isArray(fieldValue)) return fieldValue.map(String).join('\n');
  return typeof fieldValue === 'string' ? fieldValue : '';
}

function isOnState(value: unknown): boolean {
  return typeof value === 'string' && value !== '' && value !== 'Off';
}
