// The submission window the reports measure arrivals against. A Config satisfies this type, so the
// daemon and the commands pass their configuration straight through.
import { DEFAULTS, type Config } from '../config/env.js';

export type ReportWindow = Pick<Config, 'windowStart' | 'windowEnd'>;

/** The survey's own window (configuration.md defaults), for callers without a configuration. */
export const DEFAULT_REPORT_WINDOW: ReportWindow = Object.freeze({
  windowStart: new Date(DEFAULTS.INTAKE_WINDOW_START),
  windowEnd: new Date(DEFAULTS.INTAKE_WINDOW_END),
});
