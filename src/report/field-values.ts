// Form values as report cells, driven by the form definition: option labels for enum values, numbers
// kept as numbers for the number fields, everything else as text.
import type { FieldDef, FieldType } from '../form/definition.js';
import type { FormRecord } from '../record.js';
import { plainText } from './cell-text.js';
import { jstDateTime } from './jst.js';

/** How a cell is shown: the xlsx number format and the page's display both follow it. */
export type CellKind = 'text' | 'integer' | 'yen' | 'months' | 'datetime';

export type CellValue = string | number | Date | null;

const NUMBER_KINDS: Partial<Record<FieldType, CellKind>> = { integer: 'integer', yen: 'yen', months: 'months' };

export function kindOfField(field: FieldDef): CellKind {
  return NUMBER_KINDS[field.type] ?? 'text';
}

/** The stored value of a field key ("compute.gpuCount"), or undefined when the record has no form. */
export function fieldValue(form: FormRecord | null, key: string): unknown {
  if (!form) return undefined;
  const [section, name] = key.split('.') as [string, string];
  const values = (form as unknown as Record<string, unknown>)[section];
  return values && typeof values === 'object' ? (values as Record<string, unknown>)[name] : undefined;
}

/**
 * A field's value as a cell: a number for number fields, option labels for enum fields (one per line
 * for checkbox groups), text otherwise; null when absent. A value of an unexpected shape becomes its
 * text rather than being dropped, so staff still see what was stored.
 */
export function fieldCell(field: FieldDef, value: unknown): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (kindOfField(field) !== 'text') return typeof value === 'number' && Number.isFinite(value) ? value : plainText(value);
  if (field.options) {
    const label = (v: unknown) => field.options?.find((o) => o.value === String(v))?.label ?? plainText(v);
    return Array.isArray(value) ? value.map(label).join('\n') : label(value);
  }
  return plainText(value);
}

// One formatter for every number: toLocaleString builds a new Intl formatter on each call, which
// costs seconds over 10,000 records.
const NUMBER_FORMAT = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });

/** "1,234.5" */
export function formatNumber(n: number): string {
  return NUMBER_FORMAT.format(n);
}

/** Display text of a cell value for the web page (the workbook uses number formats instead). */
export function displayCell(kind: CellKind, value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return jstDateTime(value);
  if (typeof value === 'string') return value;
  const number = formatNumber(value);
  if (kind === 'yen') return `¥${number}`;
  if (kind === 'months') return `${number}か月`;
  return number;
}
