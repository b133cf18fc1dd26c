// 法人番号: 13 digits assigned by the National Tax Agency, the first of which is a check digit over
// the other twelve (法人番号の指定等に関する省令 第2条). Applicants write it grouped ("7-0000-1205-0002",
// "7000 0120 5000 2"), in full width, or pasted from an invoice registration number ("T7000012050002",
// which is "T" followed by the 法人番号), so every digit in the text is taken and the rest ignored.

const BASE_LENGTH = 12;

/** Check digit over the 12-digit base: 9 − (Σ Pn×Qn mod 9), Pn counted from the right, Qn = 1 for odd n, 2 for even. */
function checkDigit(base: string): number {
  let sum = 0;
  for (let n = 1; n <= BASE_LENGTH; n += 1) {
    const digit = Number(base[BASE_LENGTH - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

export function parseCorporateNumber(s: string): { digits: string; valid: boolean } | null {
  const digits = s.normalize('NFKC').replace(/\D/gu, '');
  if (digits === '') return null;
  const valid = digits.length === BASE_LENGTH + 1 && Number(digits[0]) === checkDigit(digits.slice(1));
  return { digits, valid };
}
