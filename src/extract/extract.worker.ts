// Entry point of the threads the isolated runner extracts attachments in (isolated-runner.ts).
import { EXTRACTORS } from './extractors.js';
import { serveExtractors } from './serve-extractors.js';

serveExtractors(EXTRACTORS);
