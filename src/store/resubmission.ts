// Which submission replaces which (application-form.md, flag `resubmission`). Pure: the store hands
// it the submissions that could belong to one applicant and writes back whatever changed, so the
// result depends only on the set of submissions, never on the order files were processed in.
import { statusOf, type IntakeRecord, type RecordDraft } from '../record.js';
import { makeFlag } from '../validate/flags.js';

/** What identifies an applicant; each part null when the record does not tell. */
export interface ApplicantIdentity {
  /** 13 digits, and only when the number passed its check digit. */
  corporateNumber: string | null;
  /** applicant.name through normalizeApplicantName. */
  name: string | null;
  /** The sender address (message.from). */
  sender: string | null;
}

export interface Submission {
  receiptNo: string;
  /** The receipt's sequence number: the tie-break when two messages arrived at the same instant. */
  seq: number;
  /** ISO 8601; compared as instants, since offsets may differ. */
  receivedAt: string;
  identity: ApplicantIdentity;
}

export interface SubmissionLink {
  /** Receipt number of the submission this one replaces. */
  supersedes: string | null;
  /** Receipt number of the submission that replaces this one. */
  supersededBy: string | null;
}

const CORPORATE_NUMBER = /^\d{13}$/;

/**
 * Legal-form marks (法人格) as applicants write them, after NFKC, lower-casing and white-space
 * removal (so ㈱ and （株） both arrive as "(株)", ㍿ as "株式会社", "ＮＰＯ法人" as "npo法人").
 * Each spelling maps to the full form. Where the mark stands is ignored: 前株 and 後株 are often
 * confused when people abbreviate (テスト(株) for 株式会社テスト), while the kind of entity is kept,
 * so 株式会社テスト and 合同会社テスト stay different applicants.
 */
const LEGAL_FORMS: readonly (readonly [full: string, spellings: readonly string[]])[] = [
  ['株式会社', ['株式会社', '(株)']],
  ['有限会社', ['有限会社', '(有)']],
  ['合同会社', ['合同会社', '(同)']],
  ['合名会社', ['合名会社', '(名)']],
  ['合資会社', ['合資会社', '(資)']],
  ['一般社団法人', ['一般社団法人', '(一社)']],
  ['一般財団法人', ['一般財団法人', '(一財)']],
  ['公益社団法人', ['公益社団法人', '(公社)']],
  ['公益財団法人', ['公益財団法人', '(公財)']],
  ['特定非営利活動法人', ['特定非営利活動法人', 'npo法人', '(特非)']],
  ['国立研究開発法人', ['国立研究開発法人']],
  ['国立大学法人', ['国立大学法人']],
  ['学校法人', ['学校法人', '(学)']],
];

const FULL_FORM_OF = new Map(LEGAL_FORMS.flatMap(([full, spellings]) => spellings.map((s) => [s, full] as const)));

// Longest spelling first, so that a mark is never matched by a shorter one inside it.
const LEGAL_FORM_MARK = new RegExp(
  [...FULL_FORM_OF.keys()]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[()]/g, '\\$&'))
    .join('|'),
  'gu',
);

/**
 * The applicant name as compared for resubmissions: NFKC, Latin lower-cased, all white space
 * removed, and the legal-form marks unified and moved to the front ("テスト（株）", "㈱ テスト" and
 * "株式会社テスト" all become "株式会社テスト"). Null when nothing is left.
 */
export function normalizeApplicantName(name: string): string | null {
  const folded = name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  const forms: string[] = [];
  const rest = folded.replace(LEGAL_FORM_MARK, (mark) => {
    forms.push(FULL_FORM_OF.get(mark) ?? mark);
    return '';
  });
  const key = forms.join('') + rest;
  return key === '' ? null : key;
}

/** The applicant's identity, or null for a record without a form: only applications take part. */
export function applicantIdentity(record: Pick<RecordDraft, 'form' | 'flags' | 'message'>): ApplicantIdentity | null {
  if (record.form === null) return null;
  const { name, corporateNumber } = record.form.applicant;
  // A number that failed its check digit is kept in the form for staff but identifies nobody.
  const numberRejected = record.flags.some((f) => f.code === 'invalid_value' && f.field === 'applicant.corporateNumber');
  const sender = record.message.from.trim().toLowerCase();
  return {
    corporateNumber: typeof corporateNumber === 'string' && CORPORATE_NUMBER.test(corporateNumber) && !numberRejected ? corporateNumber : null,
    name: typeof name === 'string' ? normalizeApplicantName(name) : null,
    sender: sender === '' ? null : sender,
  };
}

/**
 * The rule of application-form.md: corporate numbers decide when both have one; else names when
 * both have one; else sender addresses. A part missing on either side never decides.
 */
export function isSameApplicant(a: ApplicantIdentity, b: ApplicantIdentity): boolean {
  if (a.corporateNumber !== null && b.corporateNumber !== null) return a.corporateNumber === b.corporateNumber;
  if (a.name !== null && b.name !== null) return a.name === b.name;
  return a.sender !== null && a.sender === b.sender;
}

function byArrival(a: Submission, b: Submission): number {
  return Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.seq - b.seq;
}

interface Chain {
  members: Submission[];
  head: Submission;
  /** The one valid corporate number seen in the chain, if any. */
  corporateNumber: string | null;
}

// The pairwise rule is not transitive (a submission without 法人番号 matches by name both 1234… and
// 5678…), so a chain is grown only through its newest member, and never across two different
// corporate numbers: the one identifier that is authoritative.
function continues(chain: Chain, s: Submission): boolean {
  const number = s.identity.corporateNumber;
  const compatible = chain.corporateNumber === null || number === null || chain.corporateNumber === number;
  return compatible && isSameApplicant(chain.head.identity, s.identity);
}

/**
 * Orders the submissions by arrival (ties by receipt sequence) and chains each to the newest
 * earlier submission of the same applicant: every one after the first supersedes its predecessor.
 * Returns a link for every submission given.
 */
export function linkSubmissions(submissions: readonly Submission[]): Map<string, SubmissionLink> {
  const chains: Chain[] = [];
  for (const s of [...submissions].sort(byArrival)) {
    let target: Chain | undefined;
    for (const chain of chains) {
      if (continues(chain, s) && (target === undefined || byArrival(chain.head, target.head) > 0)) target = chain;
    }
    if (target === undefined) {
      chains.push({ members: [s], head: s, corporateNumber: s.identity.corporateNumber });
    } else {
      target.members.push(s);
      target.head = s;
      target.corporateNumber ??= s.identity.corporateNumber;
    }
  }
  const links = new Map<string, SubmissionLink>();
  for (const { members } of chains) {
    members.forEach((s, i) => {
      links.set(s.receiptNo, { supersedes: members[i - 1]?.receiptNo ?? null, supersededBy: members[i + 1]?.receiptNo ?? null });
    });
  }
  return links;
}

/** The record with its predecessor set: exactly one `resubmission` flag naming it, status recomputed. */
export function withSupersedes(record: IntakeRecord, supersedes: string | null): IntakeRecord {
  const flags = record.flags.filter((f) => f.code !== 'resubmission');
  if (supersedes !== null) flags.push(makeFlag('resubmission', { detail: `${supersedes} を差し替え` }));
  return { ...record, supersedes, flags, status: statusOf(flags) };
}
