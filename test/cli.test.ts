// The CLI as a user runs it (the built dist/), on copies of the samples: exit codes, JSON Lines
// exactly as the schema says, the summary, idempotence and the records listing.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaErrors } from './support/record-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'src', 'cli.js');
const run = promisify(execFile);

async function intake(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env: { ...process.env, LOG_LEVEL: 'error', ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let inputs: string;
beforeAll(async () => {
  inputs = await mkdtemp(path.join(os.tmpdir(), 'intake-cli-in-'));
  for (const name of ['01-ok-xlsx.eml', '04-late.eml', '15-resubmission.eml']) await copyFile(path.join(root, 'samples', name), path.join(inputs, name));
});

describe('intake process', () => {
  it('prints one schema-valid record per message as JSON Lines, stores them, and is idempotent', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'intake-cli-out-'));
    const first = await intake(['process', inputs, '--json', '--out', out]);
    expect(first.code).toBe(0);
    const records = first.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(records.map((r) => r.receiptNo)).toEqual(['R-0001', 'R-0002', 'R-0003']);
    for (const record of records) expect(schemaErrors(record)).toEqual([]);
    expect(records[1].flags.map((f: { code: string }) => f.code)).toEqual(['late']);
    expect(records[2].supersedes).toBe('R-0001');
    expect(await readdir(path.join(out, 'reports'))).toEqual(expect.arrayContaining(['intake-report.xlsx', 'intake-report.html']));

    const again = await intake(['process', inputs, '--json', '--out', out]);
    expect(again.stdout.trim().split('\n').map((line) => JSON.parse(line).receiptNo)).toEqual(['R-0001', 'R-0002', 'R-0003']);

    const listed = await intake(['records', '--out', out]);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^R-0003/);
    expect(lines[2]).toMatch(/^R-0001 .*R-0003 により差替え済み/);
  });

  it('prints a readable summary line per message and where the reports are', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'intake-cli-out-'));
    const result = await intake(['process', path.join(inputs, '04-late.eml'), '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^R-0001 {2}要対応 {2}楓テック株式会社 {2}late {2}/m);
    expect(result.stdout).toContain(path.join(out, 'reports', 'intake-report.html'));
  });

  it('keeps going past a file that is not a message, and still records it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intake-cli-bad-'));
    await writeFile(path.join(dir, 'a-garbage.eml'), Buffer.from([0, 1, 2, 255, 254, 0x1b]));
    await copyFile(path.join(root, 'samples', '01-ok-xlsx.eml'), path.join(dir, 'b-ok.eml'));
    const result = await intake(['process', dir, '--json', '--out', await mkdtemp(path.join(os.tmpdir(), 'intake-cli-out-'))]);
    expect(result.code).toBe(0);
    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(2);
    expect(records[1].status).toBe('ok');
  });

  it('exits 2 on a usage error, naming the problem', async () => {
    expect((await intake(['process'])).code).toBe(2);
    expect((await intake(['process', '/nonexistent/x.eml'])).stderr).toContain('no such file');
    expect((await intake(['process', inputs, '--bogus'])).code).toBe(2);
    expect((await intake(['nosuchcommand'])).code).toBe(2);
    const badConfig = await intake(['process', inputs], { INTAKE_WINDOW_END: 'tomorrow' });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('INTAKE_WINDOW_END');
  });
});

describe('intake extract', () => {
  it('prints the form of one file and its field-level flags', async () => {
    const result = await intake(['extract', path.join(root, 'samples', 'templates', '申請書.xlsx')]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.format).toBe('xlsx');
    expect(parsed.form.applicant.name).toBeNull();
    expect(parsed.flags.filter((f: { code: string }) => f.code === 'missing_field').map((f: { field: string }) => f.field)).toContain('applicant.name');
  });
});
