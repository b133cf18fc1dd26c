// intake template --format xlsx|docx|pdf --out FILE: writes the blank 申請書 applicants fill in.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FormFill } from '../form/template-layout.js';
import { parseCommandArgs } from './args.js';
import { UsageError, type Command } from './command.js';

const usage = 'template --format xlsx|docx|pdf --out FILE';

// Loaded on use: each writer pulls in a large library (exceljs, docx, pdfkit with its fonts), and
// `intake --help` loads every command.
const WRITERS: Record<string, () => Promise<(fill?: FormFill) => Promise<Buffer>>> = {
  xlsx: async () => (await import('../form/template-xlsx.js')).writeXlsxForm,
  docx: async () => (await import('../form/template-docx.js')).writeDocxForm,
  pdf: async () => (await import('../form/template-pdf.js')).writePdfForm,
};

const command: Command = {
  name: 'template',
  usage,
  summary: 'writes the blank 申請書 (application form) as xlsx, docx or pdf',
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' }, out: { type: 'string' } }, usage);
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}\nusage: intake ${usage}`);
    const { format, out } = values;
    const load = format !== undefined && Object.hasOwn(WRITERS, format) ? WRITERS[format] : undefined;
    if (!load) throw new UsageError(`${format === undefined ? 'missing --format' : `unknown format "${format}"`}: give xlsx, docx or pdf\nusage: intake ${usage}`);
    if (!out) throw new UsageError(`missing --out FILE\nusage: intake ${usage}`);
    const write = await load();
    const bytes = await write();
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await writeFile(out, bytes);
    ctx.stdout.write(`${out}\n`);
    return 0;
  },
};

export default command;
