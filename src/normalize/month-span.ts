// A period written as two months ("2024年1月～6月", "2024年1月から2024年6月まで", "R6.1～R6.6"),
// counted inclusively the way the program period is stated ("2024年1月から約6か月": January to June
// is six months). Days are not read: "1月15日～7月14日" is left to staff rather than guessed.
import { ERA_PATTERN, eraNamed, westernYear } from './era.js';

const SPAN = /^(.+?)(?:~|-|から)(.+?)末?(?:まで)?$/u;
const YEAR_MONTH = new RegExp(`^(?:(${ERA_PATTERN})(元|\\d{1,2})|(\\d{4}))(?:年(\\d{1,2})月|[/.](\\d{1,2})月?)$`, 'u');
const MONTH_ONLY = /^(\d{1,2})月$/u;

interface YearMonth {
  year: number | null;
  month: number;
}

function readEndpoint(s: string): YearMonth | null {
  const monthOnly = MONTH_ONLY.exec(s);
  const yearMonth = monthOnly ? null : YEAR_MONTH.exec(s);
  const month = Number(monthOnly?.[1] ?? yearMonth?.[4] ?? yearMonth?.[5]);
  if (!(month >= 1 && month <= 12)) return null;
  if (!yearMonth) return { year: null, month };
  const [, eraName, eraYear, western] = yearMonth;
  if (western !== undefined) return { year: Number(western), month };
  const era = eraNamed(eraName ?? '');
  if (!era) return null;
  return { year: westernYear(era, eraYear === '元' ? 1 : Number(eraYear)), month };
}

/** Input is canonical and compact (NFKC, folded variants, lower case, no white space). */
export function monthSpan(s: string): number | null {
  const parts = SPAN.exec(s);
  const from = readEndpoint(parts?.[1] ?? '');
  const to = readEndpoint(parts?.[2] ?? '');
  if (!from || !to) return null;
  const fromYear = from.year ?? to.year ?? 0;
  const toYear = to.year ?? fromYear;
  let months = (toYear - fromYear) * 12 + to.month - from.month + 1;
  // A year written on one side only: "2024年10月～3月" runs into the next year.
  if (months < 1 && (from.year === null || to.year === null)) months += 12;
  return months >= 1 ? months : null;
}
