import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageSources, splitMbox } from './message-files.js';

describe('message files', () => {
  it('splits an mbox and unescapes >From lines', () => {
    const mbox = Buffer.from('From a@example.jp Thu Oct  5 10:00:00 2023\nSubject: one\n\n>From here\n\nFrom b@example.jp Thu Oct  5 11:00:00 2023\nSubject: two\n\nbody\n');
    const messages = splitMbox(mbox).map((m) => m.toString());
    expect(messages).toEqual(['Subject: one\n\nFrom here\n\n', 'Subject: two\n\nbody\n']);
  });

  it('reads folders recursively in name order, only message files, and mbox files message by message', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intake-files-'));
    await mkdir(path.join(dir, 'b'));
    await writeFile(path.join(dir, 'b', '02.eml'), 'Subject: 2\n\n');
    await writeFile(path.join(dir, '01.eml'), 'Subject: 1\n\n');
    await writeFile(path.join(dir, '01.expected.json'), '{}');
    await writeFile(path.join(dir, 'c.mbox'), 'From x Thu Oct  5 10:00:00 2023\nSubject: 3\n\nFrom y Thu Oct  5 10:00:00 2023\nSubject: 4\n\n');
    const sources = await messageSources([dir]);
    expect(sources.map((s) => path.relative(dir, s.name))).toEqual(['01.eml', path.join('b', '02.eml'), 'c.mbox#1', 'c.mbox#2']);
    expect((await sources[3]!.read()).toString()).toBe('Subject: 4\n\n');
    await expect(messageSources([path.join(dir, 'missing.eml')])).rejects.toThrow(/no such file/);
  });
});
