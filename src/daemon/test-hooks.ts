// Test-only hooks, so that the integration tests can make a real worker slow or a real store fail
// without mocking Redis or IMAP. Both are off unless their variable is set, and both log loudly.
//
//   INTAKE_TEST_JOB_DELAY_MS=<ms>     each job waits this long after fetching its message, before
//                                     storing: the window in which the tests SIGKILL a worker.
//   INTAKE_TEST_FAIL_SUBJECT=<text>   saving a record whose subject contains <text> throws, on
//                                     every attempt: the "message whose processing always fails".
import type { Logger } from '../log/logger.js';
import type { RecordStore } from '../store/store.js';
import { sleep } from '../mailbox/backoff.js';
import type { DaemonSettings } from './daemon-settings.js';

export class InjectedFailureError extends Error {
  readonly code = 'test_injected_failure';
  readonly retriable = true;
}

export function announceTestHooks(settings: DaemonSettings, logger: Logger): void {
  if (settings.test.jobDelayMs) logger.warn({ ms: settings.test.jobDelayMs }, 'TEST HOOK INTAKE_TEST_JOB_DELAY_MS is set');
  if (settings.test.failSubject) logger.warn({ subject: settings.test.failSubject }, 'TEST HOOK INTAKE_TEST_FAIL_SUBJECT is set');
}

export async function testDelay(settings: DaemonSettings, signal: AbortSignal): Promise<void> {
  if (settings.test.jobDelayMs) await sleep(settings.test.jobDelayMs, signal);
}

/** The store, or (with INTAKE_TEST_FAIL_SUBJECT) the store refusing one subject. */
export function withTestFaults(store: RecordStore, settings: DaemonSettings): RecordStore {
  const subject = settings.test.failSubject;
  if (!subject) return store;
  return {
    save: (draft, blobs) =>
      draft.message.subject.includes(subject)
        ? Promise.reject(new InjectedFailureError(`test hook: the store refuses subjects containing "${subject}"`))
        : store.save(draft, blobs),
    findBySha256: (sha) => store.findBySha256(sha),
    list: () => store.list(),
    countByStatus: () => store.countByStatus(),
    close: () => store.close(),
  };
}
