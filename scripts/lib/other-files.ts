// Attachments that are not the form: a budget sheet and a scanned (image-only) PDF.
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { deflateSync, crc32 } from 'node:zlib';

/** A deterministic workbook: fixed creation dates keep the committed samples byte-stable. */
export async function writeUnrelatedXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date('2023-10-01T00:00:00Z');
  const sheet = workbook.addWorksheet('予算');
  sheet.addRows([
    ['費目', '金額（円）', '備考'],
    ['計算資源費', 800_000_000, 'H100 512基 × 6か月'],
    ['人件費', 200_000_000, ''],
    ['合計', 1_000_000_000, ''],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A grey "scan" of a page: a greyscale PNG with some dark lines, no text anywhere. */
function scanImage(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(width + 1, 0xee);
    row[0] = 0;
    if (y % 24 < 2) row.fill(0x30, 1);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

export function writeScannedPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date('2023-10-01T00:00:00Z'), Title: 'scan' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.image(scanImage(210, 297), 0, 0, { width: 595, height: 842 });
    doc.end();
  });
}
