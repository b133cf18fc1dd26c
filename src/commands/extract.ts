// intake extract <file>: one 申請書 file → its normalized form and field-level flags, as JSON.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractLimits, isFormFormat } from '../extract/extractors.js';
import { NO_TEXT_LAYER, readFormFile } from '../form/find-form.js';
import { sniffFormat } from '../mime/sniff.js';
import { formRecord } from '../pipeline.js';
import { createIsolatedRunner } from '../extract/isolated-runner.js';
import { makeFlag } from '../validate/flags.js';
import { parseCommandArgs } from './args.js';
import { UsageError, type Command } from './command.js';

const usage = 'extract <file>';

const command: Command = {
  name: 'extract',
  usage,
  summary: 'reads one 申請書 file (xlsx, docx, pdf) and prints its form and field-level flags as JSON',
  async run(argv, ctx) {
    const { positionals } = parseCommandArgs(argv, {}, usage);
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError(`give exactly one file\nusage: intake ${usage}`);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      throw new UsageError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err)}`);
    }
    const name = path.basename(file);
    const { format, kind } = sniffFormat(bytes);
    const print = (result: object) => ctx.stdout.write(`${JSON.stringify({ file, format, ...result }, null, 2)}\n`);
    if (!isFormFormat(format)) {
      print({ form: null, flags: [makeFlag('unsupported_format', { attachment: name, detail: kind })] });
      return 0;
    }
    // Isolated like every extraction: a hostile file is stopped and flagged, never hangs the command.
    const { limits } = ctx.config();
    const runner = createIsolatedRunner(limits, 1);
    const read = await readFormFile(name, format, bytes, runner, extractLimits(limits)).finally(() => runner.close());
    const unread = 'unread' in read && read.unread ? [read.unread] : [];
    if (read.kind === 'form') {
      const { form, flags } = formRecord(name, read.reading.answers);
      print({ form, flags: [...unread, ...flags] });
    } else {
      const detail = read.kind === 'no_text' ? `${NO_TEXT_LAYER}：${read.reason}` : `申請書の項目が${read.kind === 'not_form' ? read.labelsFound : 0}件しか見つかりません`;
      print({ form: null, flags: [...unread, read.kind === 'failed' ? read.flag : makeFlag('no_application_form', { attachment: name, detail })] });
    }
    return 0;
  },
};

export default command;
