// The golden sample test: every committed sample gives its committed expected record, the flags
// it was written for, and a record valid against the contract's schema.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedRecords, type ExpectedRecord } from '../scripts/lib/expected-records.js';
import { schemaErrors } from './support/record-schema.js';

const samplesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'samples');
const manifest: { name: string; description: string; expectFlags: string[] }[] = JSON.parse(await readFile(path.join(samplesDir, 'manifest.json'), 'utf8'));

let actual: Map<string, ExpectedRecord>;
beforeAll(async () => {
  actual = await expectedRecords(samplesDir);
}, 120_000);

const record = (name: string) => {
  const found = actual.get(name);
  if (!found) throw new Error(`no record for ${name}`);
  return found;
};

describe('samples', () => {
  it('has at least 20 messages, each with its expected record', async () => {
    const emls = (await readdir(samplesDir)).filter((f) => f.endsWith('.eml'));
    expect(emls.length).toBeGreaterThanOrEqual(20);
    expect(manifest.map((m) => `${m.name}.eml`).sort()).toEqual(emls.sort());
  });

  it.each(manifest.map((m) => [m.name, m.description, m.expectFlags] as const))('%s (%s) raises exactly %j and matches its expected record', async (name, _description, expectFlags) => {
    const got = record(name);
    expect(new Set(got.flags.map((f) => f.code))).toEqual(new Set(expectFlags));
    expect(got.status).toBe(got.flags.some((f) => f.severity === 'error') ? 'needs_attention' : 'ok');
    expect(schemaErrors({ ...got, receiptNo: 'R-0000' })).toEqual([]);
    const expected = JSON.parse(await readFile(path.join(samplesDir, `${name}.expected.json`), 'utf8'));
    expect(got).toEqual(expected);
  });
});

describe('what staff read from the samples', () => {
  it('normalizes the Excel form', () => {
    const form = record('01-ok-xlsx').form;
    expect(form?.applicant).toMatchObject({ name: '株式会社さくらAIラボ', corporateNumber: '7000012050002', postalCode: '100-0013', category: 'sme', grantRate: 'fixed', foreignSubsidiary: false });
    expect(form?.contact).toMatchObject({ phone: '03-1234-5678', email: 'Hanako.Yamada@sakura-ai.example.jp' });
    expect(form?.development).toMatchObject({ categories: ['llm', 'japanese_tuning'], openness: ['model', 'details'], parameterCount: 13_000_000_000, trainingTokens: 1_500_000_000_000 });
    expect(form?.development.summary).toContain('\n');
    expect(form?.compute).toMatchObject({ gpuType: 'NVIDIA H100', gpuCount: 512, periodMonths: 6, gpuHours: 2_000_000, requestedAmountYen: 1_250_000_000 });
    expect(form?.organization).toMatchObject({ teamSize: 20 });
    expect(form?.form).toMatchObject({ submittedOn: '2023-10-05' });
  });

  it('reads the Word and PDF forms the same way', () => {
    expect(record('02-ok-docx-iso2022jp').form?.applicant).toMatchObject({ name: '国立大学法人北海道先端大学', category: 'academic', grantRate: 'fixed' });
    expect(record('02-ok-docx-iso2022jp').form?.compute).toMatchObject({ gpuCount: 64, periodMonths: 6, requestedAmountYen: 300_000_000 });
    expect(record('03-ok-pdf-sjis-rfc2231').form?.applicant).toMatchObject({ name: 'ナミシステムズ合同会社', postalCode: '530-0001', category: 'large_company', grantRate: 'half', foreignSubsidiary: true });
    expect(record('03-ok-pdf-sjis-rfc2231').form?.compute).toMatchObject({ gpuCount: 1024, requestedAmountYen: 300_000_000 });
  });

  it('decodes subjects and file names in every charset', () => {
    expect(record('02-ok-docx-iso2022jp').message.subject).toBe('①事前調査申請書の送付（北海道先端大学）');
    expect(record('02-ok-docx-iso2022jp').attachments[0]?.filename).toBe('申請書_北海道先端大学.docx');
    expect(record('03-ok-pdf-sjis-rfc2231').message.subject).toBe('生成AI基盤モデル事前調査 申請書（ナミシステムズ合同会社）');
    expect(record('03-ok-pdf-sjis-rfc2231').attachments[0]?.filename).toBe('【提出】生成AI基盤モデル開発_事前調査申請書_ナミシステムズ.pdf');
    expect(record('18-forwarded-eucjp').message.subject).toBe('転送: 申請書（海AI株式会社）');
    expect(record('20-unlabelled-jis').message.subject).toBe('申請書の提出');
  });

  it('finds forms inside forwarded messages and zip files, with their path', () => {
    const forwarded = record('18-forwarded-eucjp');
    expect(forwarded.form?.sourceAttachment).toBe('forwarded.eml/申請書_海AI.docx');
    const zipped = record('19-zip-cp932');
    expect(zipped.form?.sourceAttachment).toBe('申請書一式.zip/申請書_やまびこ.xlsx');
    expect(zipped.attachments.map((a) => [a.filename, a.format, a.role])).toContainEqual(['会社概要.txt', 'other', 'other']);
    expect(record('24-nested-forward-zip').form?.applicant.name).toBe('星AI株式会社');
  });

  it('links the resubmission to the earlier record', () => {
    const first = record('01-ok-xlsx');
    const second = record('15-resubmission');
    expect(first.supersedes).toBeNull();
    expect(second.supersedes).toMatch(/^R-\d{4}$/);
    expect(second.form?.compute.requestedAmountYen).toBe(1_000_000_000);
  });

  it('reads variant labels and inserted rows', () => {
    const form = record('22-variant-labels').form;
    expect(form?.applicant).toMatchObject({ name: '月AI株式会社', address: '東京都千代田区霞が関3丁目1番1号' });
    expect(form?.contact).toMatchObject({ phone: '03-1234-5678', email: 'variant@tsuki-ai.example.jp' });
    expect(form?.compute).toMatchObject({ gpuType: 'NVIDIA H100', gpuCount: 512, requestedAmountYen: 1_250_000_000 });
  });

  it('keeps the flags specific: which field, which attachment', () => {
    const missing = record('11-missing-fields').flags.filter((f) => f.code === 'missing_field').map((f) => f.field);
    expect(missing.sort()).toEqual(['applicant.category', 'contact.phone', 'development.summary']);
    const invalid = record('12-invalid-values').flags.filter((f) => f.code === 'invalid_value').map((f) => f.field);
    expect(invalid.sort()).toEqual(['applicant.corporateNumber', 'compute.gpuCount', 'contact.email', 'contact.phone']);
    expect(record('12-invalid-values').form?.raw['compute.gpuCount']).toBe('未定（調整中）');
    expect(record('08-legacy-doc').flags.find((f) => f.code === 'unsupported_format')?.message).toContain('.doc');
    expect(record('21-scanned-pdf').flags.find((f) => f.code === 'no_application_form')?.message).toContain('スキャン');
    expect(record('17-unreadable-message').message).toMatchObject({ messageId: '<s17@sender.example.jp>', from: 'flood@example.jp', subject: 'many parts' });
  });
});
