import { describe, expect, it } from 'vitest';
import { writeCfb as buildCfb } from '../../scripts/lib/cfb-writer.js';
import { message, sjis } from '../../test/fixtures/mime/build-eml.js';
import { buildZip, fakeDocx, fakeOdt, fakePptx, fakeXlsx } from '../../test/fixtures/mime/build-zip.js';
import { sniffFormat } from './sniff.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const ascii = (s: string) => Buffer.from(s, 'latin1');

describe('sniffFormat', () => {
  it.each<[string, Buffer, string, string]>([
    ['PDF', ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'), 'pdf', 'pdf'],
    ['PDF after leading junk', Buffer.concat([Buffer.alloc(200, 0x20), ascii('%PDF-1.4')]), 'pdf', 'pdf'],
    ['a ".pdf" that is an HTML error page', ascii('\n  <!DOCTYPE html><html><body>404</body></html>'), 'html', 'other'],
    ['HTML with a BOM and no doctype', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ascii('<html lang="ja"><head>')]), 'html', 'other'],
    ['HTML saved by Excel as ".xls"', ascii('<?xml version="1.0"?>\r\n<html xmlns:o="urn:schemas-microsoft-com:office:office">'), 'html', 'other'],
    ['xlsx (fflate)', fakeXlsx(), 'xlsx', 'xlsx'],
    ['docx (fflate)', fakeDocx(), 'docx', 'docx'],
    ['pptx', fakePptx(), 'pptx', 'other'],
    ['odt', fakeOdt(), 'odf', 'other'],
    ['plain zip', buildZip([{ name: '申請書.pdf', data: ascii('%PDF-1.4') }]), 'zip', 'zip'],
    ['empty zip', buildZip([]), 'zip', 'zip'],
    ['the head of a zip (directory cut off)', fakeXlsx().subarray(0, 40), 'zip', 'zip'],
    ['legacy .doc (CFB)', buildCfb(['WordDocument', '\u0001CompObj', '1Table']), 'doc', 'other'],
    ['legacy .xls (CFB)', buildCfb(['Workbook', '\u0005SummaryInformation']), 'xls', 'other'],
    ['Excel 5 .xls (CFB "Book")', buildCfb(['Book']), 'xls', 'other'],
    ['legacy .ppt (CFB)', buildCfb(['PowerPoint Document', 'Current User']), 'ppt', 'other'],
    ['password-protected OOXML (CFB)', buildCfb(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']), 'ooxml-encrypted', 'other'],
    ['Outlook .msg (CFB)', buildCfb(['__substg1.0_0037001F', '__properties_version1.0']), 'msg', 'other'],
    ['PNG', PNG, 'png', 'other'],
    ['JPEG', JPEG, 'jpeg', 'other'],
    ['GIF', ascii('GIF89a\x01\x00'), 'gif', 'other'],
    ['TIFF', Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'tiff', 'other'],
    ['RTF', ascii('{\\rtf1\\ansi\\ansicpg932'), 'rtf', 'other'],
    ['RFC 822 message', message({ subject: 'Fwd' }), 'eml', 'eml'],
    ['message with fields the sniffer has no list for', Buffer.from('Received: from a\r\n\tby b; Thu, 5 Oct 2023 10:00:00 +0900\r\nMessage-ID: <x@y>\r\nContent-Transfer-Encoding: 7bit\r\nX-Whatever: 1\r\nList-Unsubscribe: <mailto:u@x>\r\n\r\nbody', 'latin1'), 'eml', 'eml'],
    ['a "Name: value" text file', ascii('Name: 山田\nPhone: 03-1234-5678\n\nnotes'), 'text', 'other'],
    ['mbox-style message', ascii('From a@example.jp Thu Oct  5 10:00:00 2023\nReturn-Path: <a@example.jp>\nSubject: x\n\nbody'), 'eml', 'eml'],
    ['plain text (ASCII)', ascii('name,phone\r\nfoo,03-1234-5678\r\n'), 'text', 'other'],
    ['plain text (Shift_JIS)', sjis('申請者名,電話番号\r\n株式会社テスト,03-1234-5678\r\n'), 'text', 'other'],
    ['text that merely starts with a "Subject:" line', ascii('Subject: notes\nthis is not a message'), 'text', 'other'],
    ['random binary', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)), 'unknown', 'other'],
    ['empty', Buffer.alloc(0), 'unknown', 'other'],
  ])('%s', (_, bytes, kind, format) => {
    expect(sniffFormat(bytes)).toEqual({ kind, format });
  });

  it('an ".xlsx" that is not a zip is what it really is', () => {
    expect(sniffFormat(buildCfb(['EncryptedPackage', 'EncryptionInfo'])).format).not.toBe('xlsx');
    expect(sniffFormat(ascii('<html><body>')).kind).toBe('html');
  });
});
