// E-mail addresses as applicants write them: "ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ" (typed with the
// IME on), "mailto:a@b.jp", "山田 太郎 <Taro.Yamada@Example.CO.JP>". The local part keeps its case
// (RFC 5321 §2.4 leaves it to the receiving host); the domain is lower-cased.

const DISPLAY_NAME_AND_ADDRESS = /^[^<>]*<([^<>]*)>$/u;
const MAILTO = /^mailto:/iu;
// RFC 5322 §3.2.3 atext, dot-atom: no leading, trailing or doubled dot. Quoted local parts are
// not accepted: no one fills in a form with one, and they make the address unusable in most tools.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/u;
// RFC 1035 labels; internationalized domains arrive as Punycode (xn--…) or are rejected.
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/u;
const TOP_LEVEL_DOMAIN = /^[a-z]{2,}$/u;
// RFC 5321 §4.5.3.1: local part 64 octets, label 63, whole path 256 with the angle brackets.
const MAX_LOCAL_PART = 64;
const MAX_LABEL = 63;
const MAX_ADDRESS = 254;

function isValidDomain(domain: string): boolean {
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  return (
    labels.length >= 2 &&
    labels.every((l) => l.length <= MAX_LABEL && DOMAIN_LABEL.test(l)) &&
    TOP_LEVEL_DOMAIN.test(tld)
  );
}

export function normalizeEmail(s: string): string | null {
  let text = s.normalize('NFKC').trim();
  text = (DISPLAY_NAME_AND_ADDRESS.exec(text)?.[1] ?? text).trim().replace(MAILTO, '');
  const parts = text.split('@');
  if (parts.length !== 2) return null;
  const [local = '', rawDomain = ''] = parts;
  const domain = rawDomain.toLowerCase();
  const address = `${local}@${domain}`;
  const valid =
    local.length <= MAX_LOCAL_PART && address.length <= MAX_ADDRESS && LOCAL_PART.test(local) && isValidDomain(domain);
  return valid ? address : null;
}
