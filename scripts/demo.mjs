// npm run demo: the samples through `intake process` on a fresh data directory, then where to look.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'data', 'demo');
rmSync(dataDir, { recursive: true, force: true });
const env = { ...process.env, INTAKE_DATA_DIR: dataDir };
delete env.INTAKE_REPORT_DIR;
const run = spawnSync(process.execPath, [path.join(root, 'dist/src/cli.js'), 'process', path.join(root, 'samples')], { env, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
process.stdout.write(`\n記録（SQLite）: ${path.join(dataDir, 'intake.sqlite')}\n一覧表示: INTAKE_DATA_DIR=${path.relative(process.cwd(), dataDir) || '.'} npm run --silent intake -- records\n`);
