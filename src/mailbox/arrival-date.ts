// The arrival time `intake replay` gives a message as its INTERNALDATE: the date of the topmost
// (newest) Received: header, else the Date: header — the same reading as the pipeline's arrival rule
// for a file (src/mime/arrival.ts), so a replayed sample keeps its meaning.
import { dateHeader, topReceivedDate } from '../mime/arrival.js';
import { readHeaderBlock } from '../mime/raw-headers.js';

/** Header blocks longer than this are not real mail; the pipeline flags them anyway. */
const MAX_HEADER_SCAN = 256 * 1024;

export interface ArrivalDate {
  date: Date;
  source: 'received_header' | 'date_header';
}

export function arrivalDate(raw: Buffer): ArrivalDate | null {
  const { fields } = readHeaderBlock(raw, MAX_HEADER_SCAN);
  const received = topReceivedDate(fields);
  if (received) return { date: received, source: 'received_header' };
  const date = dateHeader(fields);
  return date ? { date, source: 'date_header' } : null;
}
