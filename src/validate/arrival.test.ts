import { describe, expect, it } from 'vitest';
import { decideArrival, toJstIso, windowFlags } from './arrival.js';

const window = { start: new Date('2023-09-22T00:00:00+09:00'), end: new Date('2023-10-11T23:59:59.999+09:00') };
const now = new Date('2026-01-01T00:00:00Z');

describe('arrival time', () => {
  it('prefers INTERNALDATE, then the Received header, then Date with a warning', () => {
    const internal = new Date('2023-10-01T01:00:00Z');
    const received = new Date('2023-10-02T01:00:00Z');
    const date = new Date('2023-10-03T01:00:00Z');
    expect(decideArrival({ internalDate: internal, receivedHeader: received, dateHeader: date }, now)).toMatchObject({ at: internal, source: 'internaldate', flags: [] });
    expect(decideArrival({ receivedHeader: received, dateHeader: date }, now)).toMatchObject({ at: received, source: 'received_header', flags: [] });
    const fromDate = decideArrival({ receivedHeader: null, dateHeader: date }, now);
    expect(fromDate).toMatchObject({ at: date, source: 'date_header' });
    expect(fromDate.flags.map((f) => [f.code, f.severity])).toEqual([['received_time_uncertain', 'warning']]);
    expect(decideArrival({ receivedHeader: null, dateHeader: null }, now).flags[0]?.code).toBe('received_time_uncertain');
  });

  it('compares with the window inclusively, in JST', () => {
    expect(windowFlags(new Date('2023-10-11T23:59:59.999+09:00'), window)).toEqual([]);
    expect(windowFlags(new Date('2023-09-22T00:00:00+09:00'), window)).toEqual([]);
    expect(windowFlags(new Date('2023-10-11T15:00:00Z'), window).map((f) => [f.code, f.severity])).toEqual([['late', 'error']]);
    expect(windowFlags(new Date('2023-09-21T14:59:59Z'), window).map((f) => [f.code, f.severity])).toEqual([['early', 'warning']]);
  });

  it('writes ISO 8601 with the +09:00 offset', () => {
    expect(toJstIso(new Date('2023-10-11T14:59:59Z'))).toBe('2023-10-11T23:59:59+09:00');
    expect(toJstIso(new Date('2023-10-11T15:00:00.250Z'))).toBe('2023-10-12T00:00:00.250+09:00');
  });
});
