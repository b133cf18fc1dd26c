import { writeDocxForm } from './src/form/template-docx.ts';
import { KITA_UNIV } from './scripts/lib/applicants.ts';
import { rezip, partText } from './scripts/lib/hostile-ooxml.ts';
import { extractDocx } from './src/extract/docx.ts';
import { readForm } from './src/form/read-form.ts';
import { extractLimits } from './src/extract/extractors.ts';
import { DEFAULT_LIMITS } from './src/config/limits.ts';
const docx = await writeDocxForm({ values: KITA_UNIV.values, chosen: KITA_UNIV.chosen });
const xml = partText(docx, 'word/document.xml');
const n = Number(process.argv[2]);
const para = `<w:p><w:r><w:t xml:space="preserve">${'\u3000'.repeat(n)}x</w:t></w:r></w:p>`;
const hostile = rezip(docx, { 'word/document.xml': xml.replace('<w:body>', `<w:body>${para}${para}`) });
let t = performance.now();
const r = await extractDocx(hostile, extractLimits(DEFAULT_LIMITS));
console.log('extract', Math.round(performance.now() - t), r.ok);
t = performance.now();
if (r.ok) { const f = readForm(r.document); console.log('readForm', Math.round(performance.now() - t), 'ms', f.labelsFound); }
