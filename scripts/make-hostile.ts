// node dist/scripts/make-hostile.js <folder>: writes the hostile-input corpus (scripts/lib/hostile-corpus.ts)
// as .eml files plus manifest.json, for manual runs (`intake process <folder>`) and the bench. The
// folder is a scratch place: the corpus is never committed (a few of its messages are 35–50 MB).
// HOSTILE_SCALE (default 1) shrinks the bombs, the sheet and the part count for quick runs.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../src/config/env.js';
import { corpusOptions, writeCorpus } from './lib/write-corpus.js';

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: node dist/scripts/make-hostile.js <folder>\n');
  process.exit(2);
}
await mkdir(folder, { recursive: true });
const options = corpusOptions(loadConfig().limits, { scale: Number(process.env.HOSTILE_SCALE ?? 1) });
const written = await writeCorpus(folder, options);
await writeFile(path.join(folder, 'manifest.json'), `${JSON.stringify(written, null, 2)}\n`);
process.stdout.write(`wrote ${written.length} messages to ${folder} (traversal tag ${options.tag})\n`);
