// Writing the reports from a store: both files, atomically; the daemon's refresher coalescing bursts.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../src/log/logger.js';
import { writeFileAtomic } from '../../src/report/atomic-write.js';
import { createReportRefresher, refreshReports } from '../../src/report/refresh.js';
import { memoryStore, NOW, sampleRecords } from './fixtures.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'intake-refresh-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fakeLogger() {
  return { info: vi.fn(), error: vi.fn() };
}

describe('refreshReports', () => {
  it('writes both reports into the report directory, creating it, and leaves no temporary file', async () => {
    const reportDir = path.join(dir, 'reports', 'nested');
    const paths = await refreshReports(memoryStore(sampleRecords()), reportDir, NOW);
    expect(paths).toEqual({ xlsx: path.join(reportDir, 'intake-report.xlsx'), html: path.join(reportDir, 'intake-report.html') });
    expect((await readdir(reportDir)).sort()).toEqual(['intake-report.html', 'intake-report.xlsx']);
    expect((await readFile(paths.xlsx)).subarray(0, 2).toString()).toBe('PK');
    expect(await readFile(paths.html, 'utf8')).toContain('R-0008');
    // Personal data: no access for others.
    expect((await stat(paths.html)).mode & 0o007).toBe(0);
    expect((await stat(paths.xlsx)).mode & 0o007).toBe(0);
  });
});

describe('writeFileAtomic', () => {
  it('leaves the previous file whole when a write fails halfway, and removes the temporary file', async () => {
    const target = path.join(dir, 'intake-report.html');
    await writeFile(target, 'previous report');
    await expect(
      writeFileAtomic(target, async (temp) => {
        await writeFile(temp, 'half a rep');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await readFile(target, 'utf8')).toBe('previous report');
    expect(await readdir(dir)).toEqual(['intake-report.html']);
  });
});

describe('createReportRefresher', () => {
  it('serves a burst of stored records with one refresh', async () => {
    const store = memoryStore(sampleRecords());
    const logger = fakeLogger();
    const refresher = createReportRefresher(store, dir, logger as unknown as Logger, 60_000);
    for (let i = 0; i < 5; i++) refresher.schedule();
    await refresher.flush();
    expect(store.lists).toBe(1);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect((await readdir(dir)).sort()).toEqual(['intake-report.html', 'intake-report.xlsx']);
    await refresher.flush();
    expect(store.lists).toBe(1);
  });

  it('runs again for a record stored while a refresh was running', async () => {
    const store = memoryStore(sampleRecords());
    const refresher = createReportRefresher(store, dir, fakeLogger() as unknown as Logger, 60_000);
    const list = store.list.bind(store);
    store.list = async () => {
      const records = await list();
      if (store.lists === 1) refresher.schedule(); // a record arrives mid-refresh
      return records;
    };
    refresher.schedule();
    await refresher.flush();
    expect(store.lists).toBe(2);
  });

  it('refreshes on its own after the delay', async () => {
    const store = memoryStore(sampleRecords());
    const logger = fakeLogger();
    const refresher = createReportRefresher(store, dir, logger as unknown as Logger, 10);
    refresher.schedule();
    await vi.waitFor(() => expect(logger.info).toHaveBeenCalledTimes(1));
    await refresher.close();
  });

  it('logs a failed refresh instead of throwing, and ignores requests after close', async () => {
    const store = memoryStore(sampleRecords());
    store.list = async () => {
      throw new Error('database is locked');
    };
    const logger = fakeLogger();
    const refresher = createReportRefresher(store, dir, logger as unknown as Logger, 60_000);
    refresher.schedule();
    await refresher.close();
    expect(logger.error).toHaveBeenCalledTimes(1);
    refresher.schedule();
    await refresher.flush();
    expect(logger.error).toHaveBeenCalledTimes(1);
  });
});
