// The worker-thread side of the isolated runner: answers one extraction request at a time on the
// parent port. Kept apart from the entry file so that a test can serve misbehaving extractors
// through exactly the same loop.
import { parentPort } from 'node:worker_threads';
import type { ExtractLimits, ExtractResult, Extractor } from './document.js';
import type { FormFormat } from './extractors.js';

export interface ExtractRequest {
  id: number;
  format: FormFormat;
  /** The attachment's bytes, transferred (not copied) into this thread. */
  bytes: Uint8Array;
  limits: ExtractLimits;
}

/** 'ready' once the extractors are loaded: the deadline of a job starts then, not at spawn. */
export type ExtractReply = { type: 'ready' } | { type: 'result'; id: number; result: ExtractResult };

export function serveExtractors(extractors: Readonly<Record<FormFormat, Extractor>>): void {
  const port = parentPort;
  if (!port) throw new Error('serveExtractors() runs only inside a worker thread');
  port.on('message', async (request: ExtractRequest) => {
    const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
    let result: ExtractResult;
    try {
      result = await extractors[request.format](bytes, request.limits);
    } catch (err) {
      // Extractors turn bad input into failures; a throw is a defect, still only this file's flag.
      result = { ok: false, failure: { kind: 'unreadable', reason: `extraction failed (${err instanceof Error ? err.message : String(err)})` } };
    }
    port.postMessage({ type: 'result', id: request.id, result } satisfies ExtractReply);
  });
  port.postMessage({ type: 'ready' } satisfies ExtractReply);
}
