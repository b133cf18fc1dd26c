// Field-level flags of a normalized form: missing and invalid values, and the program's rules
// (domestic base, six-month period, GPU hours within what the GPUs can deliver).
import { fieldByKey } from '../form/definition.js';
import type { NormalizedForm } from '../normalize/form-values.js';
import type { Flag } from '../record.js';
import { makeFlag } from './flags.js';

/** The program runs about six months from January 2024 (the call for the pre-survey). */
export const PROGRAM_MONTHS = 6;
/** Hours in a 31-day month: the most one GPU can run in a month. */
export const HOURS_PER_MONTH = 744;

const NO_BASE = /^(なし|無し|無|ない|該当なし|特になし|未定|[-‐－ー―]|n\/?a)$/i;

export function formFlags(form: NormalizedForm, attachment: string): Flag[] {
  const flags: Flag[] = form.problems.map(({ key, kind, reason }) => {
    const label = fieldByKey(key).label;
    return kind === 'missing'
      ? makeFlag('missing_field', { field: key, attachment, detail: label })
      : makeFlag('invalid_value', { field: key, attachment, detail: `${label}（${reason}）「${form.raw[key] ?? ''}」` });
  });
  const { applicant, compute } = form.sections;
  const base = typeof applicant.domesticBase === 'string' ? applicant.domesticBase.trim() : '';
  if (base === '' || NO_BASE.test(base)) {
    flags.push(makeFlag('ineligible', { field: 'applicant.domesticBase', attachment, detail: base || '未記入' }));
  }
  const months = typeof compute.periodMonths === 'number' ? compute.periodMonths : null;
  if (months !== null && months > PROGRAM_MONTHS) {
    flags.push(makeFlag('exceeds_program_period', { field: 'compute.periodMonths', attachment, detail: `${months}か月` }));
  }
  const { gpuCount, gpuHours } = compute;
  if (typeof gpuCount === 'number' && typeof gpuHours === 'number') {
    // Without a stated period the program's six months are the most the GPUs can run.
    const ceiling = gpuCount * (months ?? PROGRAM_MONTHS) * HOURS_PER_MONTH;
    if (gpuHours > ceiling) {
      flags.push(
        makeFlag('inconsistent_value', {
          field: 'compute.gpuHours',
          attachment,
          detail: `${gpuHours.toLocaleString('ja-JP')}時間 > ${gpuCount.toLocaleString('ja-JP')}基 × ${months ?? PROGRAM_MONTHS}か月 × ${HOURS_PER_MONTH}時間`,
        }),
      );
    }
  }
  return flags;
}
