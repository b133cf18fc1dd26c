// docker-compose.yml, checked without a Docker engine (there is none on these machines): Debian's
// docker-compose validates it (`config -q`), and the properties the daemon relies on are asserted
// on the resolved configuration. Building and running the images was not done here.
import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/daemon-harness.js';

const run = promisify(execFile);
const compose = (...args: string[]) => run('docker-compose', ['-f', path.join(REPO, 'docker-compose.yml'), ...args], { cwd: REPO, env: { PATH: process.env.PATH ?? '' } });

/** The block of one service in `docker-compose config` output (two-space indented YAML). */
function serviceBlock(config: string, name: string): string {
  const start = config.indexOf(`\n  ${name}:\n`);
  if (start === -1) throw new Error(`no service ${name}`);
  const rest = config.slice(start + 1);
  const next = rest.slice(1).search(/\n {2}\S/);
  return next === -1 ? rest : rest.slice(0, next + 1);
}

describe('docker-compose.yml', () => {
  it('is valid for docker-compose (config -q)', async () => {
    const { stderr } = await compose('config', '-q');
    expect(stderr).toBe('');
  });

  it('has redis, dovecot, poller, a scalable worker and a one-shot replay', async () => {
    const { stdout: services } = await compose('config', '--services');
    expect(services.trim().split('\n').sort()).toEqual(['dovecot', 'poller', 'redis', 'replay', 'worker']);
    const { stdout: config } = await compose('config');

    const redis = serviceBlock(config, 'redis');
    expect(redis).toMatch(/--appendonly\s+- "?yes"?/);
    expect(redis).toMatch(/--maxmemory-policy\s+- noeviction/);
    expect(redis).toMatch(/volumes:[\s\S]*:\/data/);

    // `--scale worker=N` needs a worker without a fixed name or host port.
    const worker = serviceBlock(config, 'worker');
    expect(worker).not.toMatch(/container_name|ports:/);
    expect(worker).toContain('dist/workers/intake.worker.js');
    expect(worker).toMatch(/data:\/data/);

    expect(serviceBlock(config, 'poller')).toMatch(/- poll\b/);
    const replay = serviceBlock(config, 'replay');
    expect(replay).toMatch(/- replay\s+- \/samples/);
    expect(replay).toMatch(/restart: ['"]?no/);
    expect(serviceBlock(config, 'dovecot')).toMatch(/IMAP_USER: intake/);
  });

  it('builds from files that exist: the multi-stage Dockerfile and the Dovecot image', async () => {
    const dockerfile = await readFile(path.join(REPO, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/AS build/);
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/AS runtime/);
    for (const file of ['docker/dovecot/Dockerfile', 'docker/dovecot/dovecot.conf', 'docker/dovecot/entrypoint.sh']) {
      await access(path.join(REPO, file));
    }
  });
});
