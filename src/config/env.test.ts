import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, requireImap } from './env.js';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config.windowEnd.toISOString()).toBe('2023-10-11T14:59:59.999Z');
    expect(config.receiptPrefix).toBe('R-');
    expect(config.limits.maxAttachmentBytes).toBe(25 * 1024 * 1024);
    expect(config.reportDir.endsWith('/data/reports')).toBe(true);
    expect(config.imap).toBeNull();
    expect(() => requireImap(config)).toThrow(/INTAKE_IMAP_HOST/);
  });

  it.each([
    [{ INTAKE_WINDOW_END: '2023-10-11 23:59' }, 'INTAKE_WINDOW_END'],
    [{ INTAKE_WORKER_CONCURRENCY: '0' }, 'INTAKE_WORKER_CONCURRENCY'],
    [{ INTAKE_MAX_ATTACHMENT_MB: 'lots' }, 'INTAKE_MAX_ATTACHMENT_MB'],
    [{ INTAKE_IMAP_HOST: 'imap.example.jp' }, 'INTAKE_IMAP_USER'],
    [{ INTAKE_IMAP_HOST: 'h', INTAKE_IMAP_USER: 'u', INTAKE_IMAP_PASSWORD: 'p', INTAKE_DONE_ACTION: 'flag:x' }, 'INTAKE_DONE_ACTION'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
  ])('rejects %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('reads the IMAP settings with their defaults and never needs the password in clear elsewhere', () => {
    const config = loadConfig({ INTAKE_IMAP_HOST: 'h', INTAKE_IMAP_USER: 'u', INTAKE_IMAP_PASSWORD: 'p', INTAKE_IMAP_SECURE: 'false' });
    expect(config.imap).toMatchObject({ port: 143, mailbox: 'INBOX', doneAction: { kind: 'keyword', keyword: '$IntakeDone' }, pollIntervalMs: 60_000 });
  });
});
