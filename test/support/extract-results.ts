// Unwrapping an extractor's result in the extractor tests: a failure where a document was expected
// (or the other way round) throws with the whole result, so the test output says what came back.
import type { ExtractedDocument, ExtractResult } from '../../src/extract/document.js';

export function documentOf(result: ExtractResult): ExtractedDocument {
  if (!result.ok) throw new Error(`expected a document, got ${JSON.stringify(result.failure)}`);
  return result.document;
}

/** The reason of an `unreadable` failure. */
export function reasonOf(result: ExtractResult): string {
  if (result.ok || result.failure.kind !== 'unreadable') throw new Error(`expected unreadable, got ${JSON.stringify(result)}`);
  return result.failure.reason;
}
