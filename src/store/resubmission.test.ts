import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMA, type Flag, type FormRecord, type IntakeRecord } from '../record.js';
import { makeFlag } from '../validate/flags.js';
import {
  applicantIdentity,
  isSameApplicant,
  linkSubmissions,
  normalizeApplicantName,
  withSupersedes,
  type ApplicantIdentity,
  type Submission,
} from './resubmission.js';

const NUMBER_A = '1234567890123';
const NUMBER_B = '9876543210987';

function who(parts: Partial<ApplicantIdentity>): ApplicantIdentity {
  return { corporateNumber: null, name: null, sender: null, ...parts };
}

function submission(seq: number, receivedAt: string, identity: ApplicantIdentity): Submission {
  return { receiptNo: `R-${String(seq).padStart(4, '0')}`, seq, receivedAt, identity };
}

function form(applicant: Record<string, unknown>): FormRecord {
  return { sourceAttachment: '申請書.xlsx', applicant, contact: {}, development: {}, compute: {}, organization: {}, business: {}, form: {}, raw: {} };
}

function record(formRecord: FormRecord | null, flags: Flag[] = [], from = 'applicant@example.jp'): IntakeRecord {
  return {
    schema: RECORD_SCHEMA,
    receiptNo: 'R-0002',
    message: { messageId: null, from, fromName: null, subject: '申請', receivedAt: '2023-10-01T10:00:00+09:00', receivedAtSource: 'internaldate', sha256: 'a'.repeat(64), mailbox: null },
    status: 'ok',
    flags,
    attachments: [],
    form: formRecord,
    supersedes: null,
  };
}

describe('normalizeApplicantName', () => {
  it.each([
    ['㈱テスト', '株式会社テスト'],
    ['（株）テスト', '株式会社テスト'],
    ['テスト株式会社', '株式会社テスト'],
    ['テスト (株)', '株式会社テスト'],
    ['株式会社　テスト', '株式会社テスト'],
    ['㍿テスト', '株式会社テスト'],
    ['ｶﾌﾞｼｷｶﾞｲｼｬﾃｽﾄ', 'カブシキガイシャテスト'],
    ['㈲テスト', '有限会社テスト'],
    ['(一社)AI協会', '一般社団法人ai協会'],
    ['ＮＰＯ法人 テスト', '特定非営利活動法人テスト'],
    ['ＡＢＣ Ｌａｂ 合同会社', '合同会社abclab'],
    ['ABC LAB合同会社', '合同会社abclab'],
  ])('%s → %s', (name, expected) => {
    expect(normalizeApplicantName(name)).toBe(expected);
  });

  it('keeps the kind of legal entity apart', () => {
    expect(normalizeApplicantName('株式会社テスト')).not.toBe(normalizeApplicantName('合同会社テスト'));
    expect(normalizeApplicantName('一般社団法人テスト')).not.toBe(normalizeApplicantName('一般財団法人テスト'));
  });

  it('gives null for a name of white space only', () => {
    expect(normalizeApplicantName(' \u3000 ')).toBeNull();
  });
});

describe('applicantIdentity', () => {
  it('is null for a record without a form', () => {
    expect(applicantIdentity(record(null))).toBeNull();
  });

  it('takes the corporate number, the normalized name and the sender', () => {
    expect(applicantIdentity(record(form({ name: '㈱テスト', corporateNumber: NUMBER_A })))).toEqual({
      corporateNumber: NUMBER_A,
      name: '株式会社テスト',
      sender: 'applicant@example.jp',
    });
  });

  it('ignores a corporate number flagged invalid', () => {
    const flagged = record(form({ name: 'テスト', corporateNumber: NUMBER_A }), [makeFlag('invalid_value', { field: 'applicant.corporateNumber' })]);
    expect(applicantIdentity(flagged)?.corporateNumber).toBeNull();
  });

  it('ignores an invalid value flag on another field', () => {
    const flagged = record(form({ name: 'テスト', corporateNumber: NUMBER_A }), [makeFlag('invalid_value', { field: 'contact.email' })]);
    expect(applicantIdentity(flagged)?.corporateNumber).toBe(NUMBER_A);
  });

  it('treats missing or empty parts as unknown', () => {
    expect(applicantIdentity(record(form({ name: null, corporateNumber: null }), [], ''))).toEqual(who({}));
  });
});

describe('isSameApplicant', () => {
  it('lets equal corporate numbers decide over different names', () => {
    expect(isSameApplicant(who({ corporateNumber: NUMBER_A, name: 'x' }), who({ corporateNumber: NUMBER_A, name: 'y' }))).toBe(true);
  });

  it('lets different corporate numbers decide over equal names and senders', () => {
    expect(isSameApplicant(who({ corporateNumber: NUMBER_A, name: 'x', sender: 's' }), who({ corporateNumber: NUMBER_B, name: 'x', sender: 's' }))).toBe(false);
  });

  it('falls back to names when only one side has a number', () => {
    expect(isSameApplicant(who({ corporateNumber: NUMBER_A, name: 'x' }), who({ name: 'x' }))).toBe(true);
    expect(isSameApplicant(who({ corporateNumber: NUMBER_A, name: 'x', sender: 's' }), who({ name: 'y', sender: 's' }))).toBe(false);
  });

  it('falls back to senders when either side lacks a name', () => {
    expect(isSameApplicant(who({ name: 'x', sender: 's' }), who({ sender: 's' }))).toBe(true);
    expect(isSameApplicant(who({ sender: 's' }), who({ sender: 't' }))).toBe(false);
  });

  it('never matches on nothing', () => {
    expect(isSameApplicant(who({}), who({}))).toBe(false);
  });
});

describe('linkSubmissions', () => {
  const acme = who({ corporateNumber: NUMBER_A, name: 'acme' });

  it('chains an applicant by arrival, whatever the input order', () => {
    const third = submission(1, '2023-10-03T09:00:00+09:00', acme);
    const first = submission(2, '2023-10-01T09:00:00+09:00', acme);
    const second = submission(3, '2023-10-02T09:00:00+09:00', acme);
    const links = linkSubmissions([third, first, second]);
    expect(links.get(first.receiptNo)).toEqual({ supersedes: null, supersededBy: second.receiptNo });
    expect(links.get(second.receiptNo)).toEqual({ supersedes: first.receiptNo, supersededBy: third.receiptNo });
    expect(links.get(third.receiptNo)).toEqual({ supersedes: second.receiptNo, supersededBy: null });
  });

  it('compares arrival as instants across offsets', () => {
    const later = submission(1, '2023-10-01T10:00:00+09:00', acme); // 01:00Z
    const earlier = submission(2, '2023-10-01T00:30:00Z', acme);
    expect(linkSubmissions([later, earlier]).get(later.receiptNo)?.supersedes).toBe(earlier.receiptNo);
  });

  it('breaks ties by receipt sequence, numerically', () => {
    const at = '2023-10-01T09:00:00+09:00';
    const tenThousand = submission(10000, at, acme);
    const nineNineNine = submission(9999, at, acme);
    expect(linkSubmissions([tenThousand, nineNineNine]).get(tenThousand.receiptNo)?.supersedes).toBe(nineNineNine.receiptNo);
  });

  it('keeps different applicants apart', () => {
    const a = submission(1, '2023-10-01T09:00:00+09:00', acme);
    const b = submission(2, '2023-10-02T09:00:00+09:00', who({ corporateNumber: NUMBER_B, name: 'acme' }));
    const links = linkSubmissions([a, b]);
    expect(links.get(a.receiptNo)).toEqual({ supersedes: null, supersededBy: null });
    expect(links.get(b.receiptNo)).toEqual({ supersedes: null, supersededBy: null });
  });

  it('never chains two different corporate numbers through a submission without one', () => {
    const withA = submission(1, '2023-10-01T09:00:00+09:00', who({ corporateNumber: NUMBER_A, name: 'acme' }));
    const noNumber = submission(2, '2023-10-02T09:00:00+09:00', who({ name: 'acme' }));
    const withB = submission(3, '2023-10-03T09:00:00+09:00', who({ corporateNumber: NUMBER_B, name: 'acme' }));
    const links = linkSubmissions([withA, noNumber, withB]);
    expect(links.get(noNumber.receiptNo)).toEqual({ supersedes: withA.receiptNo, supersededBy: null });
    expect(links.get(withB.receiptNo)).toEqual({ supersedes: null, supersededBy: null });
  });

  const identities = fc.record({
    corporateNumber: fc.constantFrom(null, NUMBER_A, NUMBER_B),
    name: fc.constantFrom(null, 'acme', 'globex'),
    sender: fc.constantFrom(null, 'a@example.jp', 'b@example.jp'),
  });
  const submissionSets = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 5 }), identities), { maxLength: 12 })
    .map((items) => items.map(([day, identity], i) => submission(i + 1, `2023-10-0${day + 1}T09:00:00+09:00`, identity)));

  it('depends only on the set of submissions, not their order', () => {
    fc.assert(
      fc.property(
        submissionSets.chain((subs) => fc.tuple(fc.constant(subs), fc.shuffledSubarray(subs, { minLength: subs.length, maxLength: subs.length }))),
        ([subs, shuffled]) => {
          expect(linkSubmissions(shuffled)).toEqual(linkSubmissions(subs));
        },
      ),
    );
  });

  it('links each successor to an earlier submission of the same applicant, both ways', () => {
    fc.assert(
      fc.property(submissionSets, (subs) => {
        const links = linkSubmissions(subs);
        const byReceipt = new Map(subs.map((s) => [s.receiptNo, s]));
        expect(links.size).toBe(subs.length);
        for (const s of subs) {
          const link = links.get(s.receiptNo);
          if (!link?.supersedes) continue;
          const previous = byReceipt.get(link.supersedes);
          if (!previous) throw new Error('supersedes an unknown receipt');
          expect(isSameApplicant(previous.identity, s.identity)).toBe(true);
          expect(Date.parse(previous.receivedAt) < Date.parse(s.receivedAt) || (previous.receivedAt === s.receivedAt && previous.seq < s.seq)).toBe(true);
          expect(links.get(previous.receiptNo)?.supersededBy).toBe(s.receiptNo);
        }
      }),
    );
  });
});

describe('withSupersedes', () => {
  it('adds one resubmission flag naming the receipt it replaces', () => {
    const linked = withSupersedes(record(form({ name: 'テスト' })), 'R-0001');
    expect(linked.supersedes).toBe('R-0001');
    expect(linked.flags).toEqual([makeFlag('resubmission', { detail: 'R-0001 を差し替え' })]);
    expect(linked.flags[0]?.message).toContain('R-0001');
  });

  it('replaces an earlier resubmission flag instead of adding a second', () => {
    const relinked = withSupersedes(withSupersedes(record(form({ name: 'テスト' })), 'R-0001'), 'R-0003');
    expect(relinked.flags.filter((f) => f.code === 'resubmission')).toEqual([makeFlag('resubmission', { detail: 'R-0003 を差し替え' })]);
  });

  it('removes the flag when the record no longer supersedes anything, keeping other flags and the status', () => {
    const missing = makeFlag('missing_field', { field: 'contact.phone' });
    const unlinked = withSupersedes(withSupersedes(record(form({ name: 'テスト' }), [missing]), 'R-0001'), null);
    expect(unlinked.supersedes).toBeNull();
    expect(unlinked.flags).toEqual([missing]);
    expect(unlinked.status).toBe('needs_attention');
  });
});
