// Property-based fuzzing of the MIME stage and the whole pipeline (issue 5 §7): arbitrary byte
// mutations of real sample messages — bits flipped, bytes and MIME tokens inserted, spans deleted,
// the message cut short — never throw out of buildRecord and always give exactly one record draft
// that the contract's schema accepts.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSamples } from '../../scripts/lib/sample-messages.js';
import { loadConfig } from '../../src/config/env.js';
import { createIsolatedRunner, type IsolatedRunner } from '../../src/extract/isolated-runner.js';
import { parseMessage } from '../../src/mime/parse-message.js';
import { buildRecord, pipelineOptions, type PipelineOptions } from '../../src/pipeline.js';
import { statusOf } from '../../src/record.js';
import { schemaErrors } from '../support/record-schema.js';

/** Samples covering every container and charset path: xlsx, docx, pdf, forwarded, zip, nested. */
const SEED_NAMES = ['01-ok-xlsx', '02-ok-docx-iso2022jp', '03-ok-pdf-sjis-rfc2231', '18-forwarded-eucjp', '19-zip-cp932', '24-nested-forward-zip'];
/**
 * A mutation can turn a document into one that makes a parser spin; the isolated runner stops it.
 * Short, so that such a run costs seconds; the deadline is the runner's, not a timed assertion.
 */
const FUZZ_EXTRACT_TIMEOUT_MS = 5_000;
/** Bytes that steer a parser into other paths when inserted: delimiters, encoded-word and RFC 2231 syntax. */
const TOKENS = ['\r\n', '\r\n\r\n', '--', '=?', '?=', '=?UTF-8?B?', "*0*=UTF-8''", ';', '"', '=', '\u0000', '\x1b$B', 'Content-Type: multipart/mixed; boundary=x\r\n', 'Content-Transfer-Encoding: quoted-printable\r\n', '\r\n--x\r\n'].map((t) => Buffer.from(t, 'latin1'));

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number };

/** Half of the positions fall in the first 4 KB, where the headers and MIME structure live. */
const position = fc.oneof(fc.integer({ min: 0, max: 4095 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.constantFrom(...TOKENS)) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 256 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
);

function mutate(seed: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(seed);
  for (const m of mutations) {
    if (bytes.length === 0) break;
    const at = m.at % bytes.length;
    if (m.kind === 'flip') bytes[at] = bytes[at]! ^ (1 << m.bit);
    else if (m.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    else if (m.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    else bytes = bytes.subarray(0, at);
  }
  return bytes;
}

let seeds: Buffer[];
let runner: IsolatedRunner;
let options: PipelineOptions;

beforeAll(async () => {
  const samples = await buildSamples();
  seeds = SEED_NAMES.map((name) => {
    const sample = samples.find((s) => s.name === name);
    if (!sample) throw new Error(`no sample ${name}`);
    return sample.eml;
  });
  const config = loadConfig({});
  const limits = { ...config.limits, extractTimeoutMs: FUZZ_EXTRACT_TIMEOUT_MS };
  runner = createIsolatedRunner(limits, 1);
  options = { ...pipelineOptions(config, pino({ level: 'silent' })), limits, runExtractor: runner, now: () => new Date('2023-10-05T12:00:00+09:00') };
});

afterAll(async () => {
  await runner?.close();
});

describe('fuzzing the pipeline with mutated messages', () => {
  it('never throws and always yields one record draft valid against the schema', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (seedIndex, mutations) => {
        const raw = mutate(seeds[seedIndex % seeds.length]!, mutations);
        const { draft, blobs } = await buildRecord(raw, {}, options);
        expect(draft.status).toBe(statusOf(draft.flags));
        expect(draft.message.sha256).toBe(createHash('sha256').update(raw).digest('hex'));
        // The raw message is always archived, whatever became of its parsing.
        expect(blobs[0]?.sha256).toBe(draft.message.sha256);
        expect(schemaErrors({ ...draft, receiptNo: 'R-0001', supersedes: null })).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws from the MIME stage, whatever the bytes', async () => {
    const limits = loadConfig({}).limits;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.nat().chain((i) => fc.array(mutation, { maxLength: 12 }).map((ms) => mutate(seeds[i % seeds.length]!, ms)))), async (bytes) => {
        const result = await parseMessage(Buffer.from(bytes), limits);
        if (!result.ok) expect(typeof result.reason).toBe('string');
        else expect(Array.isArray(result.message.attachments)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
