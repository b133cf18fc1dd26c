// Turns any value found in a record into plain text for a report cell. Records hold applicant text
// and `unknown` form values: nothing from them may reach a writer as an object, where exceljs would
// read {formula}, {richText} or {hyperlink} as cell instructions instead of text.

/** Excel's hard limit on the characters of one cell; a longer cell makes Excel "repair" the file. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

const TRUNCATION_MARK = '…（以下省略）';

// Characters XML 1.0 forbids (C0 controls except tab/LF/CR, U+FFFE/U+FFFF) and unpaired surrogates:
// one of them in a sheet's XML makes Excel reject the whole workbook.
const NOT_XML_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any value as display text: strings as they are, other values in their JSON spelling. */
export function plainText(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
  else if (Array.isArray(value)) text = value.map(plainText).join('、');
  else text = safeJson(value);
  // Line breaks as \n: XML parsers turn a bare CR into LF anyway, so the workbook could not keep it.
  return text.replace(NOT_XML_TEXT, '').replace(/\r\n?/g, '\n');
}

/** plainText within Excel's cell limit. */
export function cellText(value: unknown): string {
  const text = plainText(value);
  return text.length <= EXCEL_MAX_CELL_CHARS ? text : text.slice(0, EXCEL_MAX_CELL_CHARS - TRUNCATION_MARK.length) + TRUNCATION_MARK;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // Cyclic or otherwise unserializable: still never an object.
    return Object.prototype.toString.call(value);
  }
}
