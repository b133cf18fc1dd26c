// Where a command keeps records and reports: --out overrides INTAKE_DATA_DIR, and the reports follow
// it unless INTAKE_REPORT_DIR says otherwise.
import path from 'node:path';
import type { Config } from '../config/env.js';

export function dataDirs(config: Config, out: string | undefined): { dataDir: string; reportDir: string } {
  if (!out) return { dataDir: config.dataDir, reportDir: config.reportDir };
  const dataDir = path.resolve(out);
  return { dataDir, reportDir: process.env.INTAKE_REPORT_DIR ? config.reportDir : path.join(dataDir, 'reports') };
}
