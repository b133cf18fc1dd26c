// npm run samples: writes samples/ — the blank templates, the sample messages (.eml), each sample's
// expected record (<name>.expected.json, checked by test/samples.test.ts) and a manifest of what each
// sample is for. Run after changing the form, the templates or the pipeline; review the diff.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDocxForm } from '../src/form/template-docx.js';
import { writePdfForm } from '../src/form/template-pdf.js';
import { writeXlsxForm } from '../src/form/template-xlsx.js';
import { buildSamples } from './lib/sample-messages.js';
import { expectedRecords } from './lib/expected-records.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const samplesDir = path.join(root, 'samples');

await rm(samplesDir, { recursive: true, force: true });
await mkdir(path.join(samplesDir, 'templates'), { recursive: true });
await writeFile(path.join(samplesDir, 'templates', '申請書.xlsx'), await writeXlsxForm());
await writeFile(path.join(samplesDir, 'templates', '申請書.docx'), await writeDocxForm());
await writeFile(path.join(samplesDir, 'templates', '申請書.pdf'), await writePdfForm());

const samples = await buildSamples();
for (const sample of samples) await writeFile(path.join(samplesDir, `${sample.name}.eml`), sample.eml);
const expected = await expectedRecords(samplesDir);
for (const [name, record] of expected) await writeFile(path.join(samplesDir, `${name}.expected.json`), `${JSON.stringify(record, null, 2)}\n`);
const manifest = samples.map(({ name, description, expectFlags }) => ({ name, description, expectFlags }));
await writeFile(path.join(samplesDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`wrote ${samples.length} sample messages and 3 templates to ${samplesDir}\n`);
