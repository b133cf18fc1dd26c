// Words applicants put around a number that do not change what the number is: "約200万時間",
// "512基程度", "6か月以内", "100億パラメータ規模（予定）". Bounds and estimates are read as the
// number itself (the form asks for one figure; staff see the raw text beside it). Words that make
// the text mean something else — ranges, "未満", "以下", "未定" — are not listed, so the number
// readers reject them.
import { untilStable } from './until-stable.js';

const LEADING = /^(?:約|およそ|凡そ|概ね|おおむね|大体|最大|最長|合計|総計|総額|計|~|approx\.?|about)/iu;
const TRAILING = /(?:程度|規模|以上|以内|前後|ほど|くらい|ぐらい|\(?(?:予定|見込み|想定)\)?)$/u;

/** Input is canonical and compact (NFKC, folded variants, no white space). */
export function stripQualifiers(s: string): string {
  return untilStable(s, (t) => t.replace(LEADING, '').replace(TRAILING, ''));
}
