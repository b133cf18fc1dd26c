// The isolated runner stops what spins, what eats memory and what crashes, answers with the reason,
// and keeps serving afterwards; for real forms it answers exactly what in-process extraction does.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { SAKURA } from '../../scripts/lib/applicants.js';
import { DEFAULT_LIMITS, type Limits } from '../config/limits.js';
import { writeDocxForm } from '../form/template-docx.js';
import { writePdfForm } from '../form/template-pdf.js';
import { writeXlsxForm } from '../form/template-xlsx.js';
import { EXTRACTORS, extractLimits, type FormFormat } from './extractors.js';
import { createIsolatedRunner, memoryReason, timeoutReason, type IsolatedRunner } from './isolated-runner.js';

const MISBEHAVING = new URL('../../test/fixtures/extract/misbehaving.worker.ts', import.meta.url);
const RUNNER_SOURCE = fileURLToPath(new URL('./isolated-runner.ts', import.meta.url));

/** Short enough to keep the test quick, long enough for a loaded thread to answer an echo. */
const TEST_TIMEOUT_MS = 1500;
/** Small enough that the hog reaches it in a few allocations, big enough to load the worker. */
const TEST_MEMORY_BYTES = 48 * 1024 * 1024;

const limits: Limits = { ...DEFAULT_LIMITS, extractTimeoutMs: TEST_TIMEOUT_MS, extractMemoryBytes: TEST_MEMORY_BYTES };
const jobLimits = extractLimits(limits);
const command = (text: string) => Buffer.from(text, 'utf8');
const echoed = (text: string) => ({ ok: true, document: { format: 'pdf', grids: [], lines: [text], namedValues: [], partsRead: 1 } });
const unreadable = (reason: string) => ({ ok: false, failure: { kind: 'unreadable', reason } });

let runner: IsolatedRunner | undefined;
afterEach(async () => {
  await runner?.close();
  runner = undefined;
});

describe('isolated runner, misbehaving extractors', () => {
  it('stops a spinning extractor at the deadline and keeps serving', async () => {
    runner = createIsolatedRunner(limits, 1, MISBEHAVING);
    expect(await runner('pdf', command('spin'), jobLimits)).toEqual(unreadable(timeoutReason(limits)));
    expect(timeoutReason(limits)).toBe('extraction stopped after 1.5 s (INTAKE_EXTRACT_TIMEOUT_S)');
    expect(await runner('pdf', command('echo:after spin'), jobLimits)).toEqual(echoed('echo:after spin'));
  });

  it('stops an extractor at the memory cap and keeps serving', async () => {
    runner = createIsolatedRunner(limits, 1, MISBEHAVING);
    expect(await runner('xlsx', command('hog'), jobLimits)).toEqual(unreadable(memoryReason(limits)));
    expect(memoryReason(limits)).toBe('extraction stopped at the memory cap INTAKE_EXTRACT_MEMORY_MB (48 MB)');
    expect(await runner('xlsx', command('echo:after hog'), jobLimits)).toEqual(echoed('echo:after hog'));
  });

  it('stops an extractor whose buffers (outside the heap) pass the memory cap', async () => {
    runner = createIsolatedRunner(limits, 1, MISBEHAVING);
    expect(await runner('pdf', command('buffers'), jobLimits)).toEqual(unreadable(memoryReason(limits)));
    expect(await runner('pdf', command('echo:after buffers'), jobLimits)).toEqual(echoed('echo:after buffers'));
  });

  it('reports a thread that exits or throws outside the extractor, and replaces it', async () => {
    runner = createIsolatedRunner(limits, 1, MISBEHAVING);
    expect(await runner('docx', command('exit'), jobLimits)).toEqual(unreadable('extraction stopped: the extracting thread exited (code 7)'));
    expect(await runner('docx', command('throw'), jobLimits)).toEqual(unreadable('extraction stopped: the extracting thread failed (thrown outside the extractor)'));
    expect(await runner('docx', command('echo:after crashes'), jobLimits)).toEqual(echoed('echo:after crashes'));
  });

  it('answers other attachments while one thread spins', async () => {
    runner = createIsolatedRunner(limits, 2, MISBEHAVING);
    const spinning = runner('pdf', command('spin'), jobLimits);
    const others = await Promise.all(['a', 'b', 'c'].map((text) => runner!('pdf', command(`echo:${text}`), jobLimits)));
    expect(others).toEqual(['a', 'b', 'c'].map((text) => echoed(`echo:${text}`)));
    expect(await spinning).toEqual(unreadable(timeoutReason(limits)));
  });

  it('leaves the caller’s bytes intact, even a view into a larger buffer', async () => {
    runner = createIsolatedRunner(limits, 1, MISBEHAVING);
    const whole = Buffer.from('xxecho:viewyy', 'utf8');
    const view = whole.subarray(2, 11);
    expect(await runner('pdf', view, jobLimits)).toEqual(echoed('echo:view'));
    expect(whole.toString('utf8')).toBe('xxecho:viewyy');
  });

  it('fails jobs cut short by close() instead of calling the attachment unreadable', async () => {
    runner = createIsolatedRunner(limits, 1, MISBEHAVING);
    const running = expect(runner('pdf', command('spin'), jobLimits)).rejects.toThrow(/closed/);
    const queued = expect(runner('pdf', command('echo:queued'), jobLimits)).rejects.toThrow(/closed/);
    await runner.close();
    await running;
    await queued;
    await expect(runner('pdf', command('echo:late'), jobLimits)).rejects.toThrow(/closed/);
  });

  it('does not keep the process alive once its threads are idle', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intake-runner-'));
    try {
      const script = path.join(dir, 'idle.mts');
      await writeFile(script, [
        `import { createIsolatedRunner } from ${JSON.stringify(RUNNER_SOURCE)};`,
        `import { DEFAULT_LIMITS } from ${JSON.stringify(fileURLToPath(new URL('../config/limits.ts', import.meta.url)))};`,
        `const run = createIsolatedRunner(DEFAULT_LIMITS, 1, new URL(${JSON.stringify(MISBEHAVING.href)}));`,
        `const result = await run('pdf', Buffer.from('echo:idle'), {});`,
        `console.log(JSON.stringify(result.ok));`,
      ].join('\n'));
      // Without unref() on idle threads this child never exits and the safety timeout kills it.
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { timeout: 30_000 });
      expect(stdout.trim()).toBe('true');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('isolated runner, real extractors', () => {
  const forms: Record<FormFormat, () => Promise<Buffer>> = {
    xlsx: () => writeXlsxForm({ values: SAKURA.values, chosen: SAKURA.chosen }),
    docx: () => writeDocxForm({ values: SAKURA.values, chosen: SAKURA.chosen }),
    pdf: () => writePdfForm({ values: SAKURA.values, chosen: SAKURA.chosen }),
  };

  it.each(Object.keys(forms) as FormFormat[])('extracts a %s form exactly as in-process extraction does', async (format) => {
    runner = createIsolatedRunner(DEFAULT_LIMITS, 1);
    const bytes = await forms[format]();
    const isolated = await runner(format, bytes, extractLimits(DEFAULT_LIMITS));
    expect(isolated.ok).toBe(true);
    expect(isolated).toEqual(await EXTRACTORS[format](bytes, extractLimits(DEFAULT_LIMITS)));
  });
});
