// intake template: writes the blank 申請書 where asked, and refuses a bad format or a missing --out.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError, type CommandContext } from '../commands/command.js';
import template from '../commands/template.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-template-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function context(): { ctx: CommandContext; output: () => string } {
  const stdout = new PassThrough();
  let written = '';
  stdout.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const ctx = {
    config: () => {
      throw new Error('template needs no configuration');
    },
    logger: {} as CommandContext['logger'],
    stdout,
    stderr: new PassThrough(),
  } as CommandContext;
  return { ctx, output: () => written };
}

// The first bytes of each format: zip for xlsx/docx, %PDF- for pdf.
const MAGIC = { xlsx: 'PK', docx: 'PK', pdf: '%PDF-' } as const;

describe('intake template', () => {
  it.each(Object.entries(MAGIC))('writes the blank %s form, creating parent folders, and prints the path', async (format, magic) => {
    const out = path.join(dir, 'nested', 'deeper', `申請書.${format}`);
    const { ctx, output } = context();
    await expect(template.run(['--format', format, '--out', out], ctx)).resolves.toBe(0);
    const bytes = await readFile(out);
    expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
    expect(output()).toBe(`${out}\n`);
  });

  it.each([
    [['--out', 'x.xlsx'], /missing --format/],
    [['--format', 'doc', '--out', 'x.doc'], /unknown format "doc"/],
    [['--format', 'toString', '--out', 'x'], /unknown format/],
    [['--format', 'pdf'], /missing --out/],
    [['--format', 'pdf', '--out', 'a.pdf', 'extra'], /unexpected argument/],
    [['--format', 'pdf', '--bogus'], /bogus/],
  ])('rejects %j as a usage error', async (argv, message) => {
    const { ctx } = context();
    const run = template.run(argv as string[], ctx);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(message);
  });
});
