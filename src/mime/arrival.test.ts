import { describe, expect, it } from 'vitest';
import { dateHeader, parseMailDate, topReceivedDate } from './arrival.js';

describe('parseMailDate', () => {
  it.each([
    ['Thu, 5 Oct 2023 10:15:30 +0900', '2023-10-05T01:15:30.000Z'],
    ['Thu, 05 Oct 2023 10:15:30 +0900 (JST)', '2023-10-05T01:15:30.000Z'],
    ['  Thu,  5   Oct  2023   10:15:30   +0900  ', '2023-10-05T01:15:30.000Z'],
    ['5 Oct 2023 10:15 +0900', '2023-10-05T01:15:00.000Z'],
    ['Wed, 11 Oct 2023 23:59:59 +0900', '2023-10-11T14:59:59.000Z'],
    ['Thu, 5 Oct 2023 01:15:30 GMT', '2023-10-05T01:15:30.000Z'],
    ['Thu, 5 Oct 2023 01:15:30 UT', '2023-10-05T01:15:30.000Z'],
    ['Wed, 4 Oct 2023 21:15:30 EDT', '2023-10-05T01:15:30.000Z'],
    ['Thu, 5 Oct 2023 10:15:30 JST', '2023-10-05T01:15:30.000Z'],
    ['Thu, 5 Oct 2023 10:15:30 (JST)', '2023-10-05T01:15:30.000Z'],
    ['Thu, 5 Oct 23 10:15:30 +0900', '2023-10-05T01:15:30.000Z'],
    ['Thu, 5 Oct 2023 10:15:30.123 +09:00', '2023-10-05T01:15:30.000Z'],
    ['Thursday, 5-Oct-2023 10:15:30 +0900', '2023-10-05T01:15:30.000Z'],
    ['2023-10-05T10:15:30+09:00', '2023-10-05T01:15:30.000Z'],
    ['2023-10-05 01:15:30Z', '2023-10-05T01:15:30.000Z'],
  ])('%s', (text, iso) => {
    expect(parseMailDate(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['no zone at all (would be read in the host time zone)', 'Thu, 5 Oct 2023 10:15:30'],
    ['an unknown zone', 'Thu, 5 Oct 2023 10:15:30 XYZT'],
    ['31 February', 'Tue, 31 Feb 2023 10:15:30 +0900'],
    ['hour 25', 'Thu, 5 Oct 2023 25:15:30 +0900'],
    ['not a date', 'yesterday'],
    ['empty', ''],
  ])('null for %s', (_, text) => {
    expect(parseMailDate(text)).toBeNull();
  });
});

const headerBlock = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n\r\nbody\r\n`, 'latin1');

describe('topReceivedDate and dateHeader', () => {
  it('takes the topmost Received:, not a lower one and not Date:', () => {
    const raw = headerBlock([
      'Return-Path: <a@example.jp>',
      'Received: from relay.example.jp (relay [192.0.2.1])',
      '\tby mx.survey.example.go.jp (Postfix) with ESMTPS id 4S1;',
      '\tThu, 12 Oct 2023 00:00:05 +0900 (JST)',
      'Received: from pc (unknown [198.51.100.7]) by relay.example.jp; Wed, 11 Oct 2023 23:59:58 +0900',
      'Date: Wed, 11 Oct 2023 23:50:00 +0900',
      'Subject: x',
    ]);
    expect(topReceivedDate(raw)?.toISOString()).toBe('2023-10-11T15:00:05.000Z');
    expect(dateHeader(raw)?.toISOString()).toBe('2023-10-11T14:50:00.000Z');
  });

  it('reads the date after the LAST ";" (TLS details contain ";" too)', () => {
    const raw = headerBlock(['Received: from a (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits); key-exchange X25519) by b; Mon, 2 Oct 2023 09:00:00 +0900']);
    expect(topReceivedDate(raw)?.toISOString()).toBe('2023-10-02T00:00:00.000Z');
  });

  it('falls to the next Received: when the topmost has no readable date', () => {
    const raw = headerBlock(['Received: by local.mta id 12 (no date here)', 'Received: from x by y; Mon, 2 Oct 2023 09:00:00 +0900']);
    expect(topReceivedDate(raw)?.toISOString()).toBe('2023-10-02T00:00:00.000Z');
  });

  it('null without Received: or Date:', () => {
    const raw = headerBlock(['Subject: x', 'Date: garbage']);
    expect(topReceivedDate(raw)).toBeNull();
    expect(dateHeader(raw)).toBeNull();
  });
});
