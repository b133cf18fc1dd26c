// A throw-away Dovecot IMAP server on a free loopback port, run as a child (`dovecot -F -c …`) with
// its config, state, logs and maildir in a temporary directory. Dovecot refuses to run its login
// and internal processes as root, so the system users `dovecot` and `dovenull` are created when
// missing. scripts/test.sh installs dovecot-imapd when missing; nothing is installed from here.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { startChild, type Child } from './child.js';
import { dovecotConfig, type DovecotLayout } from './dovecot-config.js';
import { freePort } from './free-port.js';
import { greets, waitFor } from './wait.js';

export interface TestDovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  version: string;
  /**
   * Stops the server (its whole process group, sessions included, as a service manager does) and
   * starts it again on the same port and maildir.
   */
  restart(): Promise<void>;
  /**
   * Restarts only the master process: sessions already logged in keep running (Dovecot does not
   * end them when its master gets SIGTERM), detached from the new master.
   */
  restartMaster(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  log(): Promise<string>;
}

function dovecotVersion(): { text: string; parts: [number, number] } {
  const text = execFileSync('dovecot', ['--version'], { encoding: 'utf8' }).trim();
  const match = /^(\d+)\.(\d+)/.exec(text);
  if (!match) throw new Error(`cannot read the Dovecot version from "${text}"`);
  return { text, parts: [Number(match[1]), Number(match[2])] };
}

function hasUser(name: string): boolean {
  try {
    execFileSync('getent', ['passwd', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** useradd --system for each missing user; a concurrent test file may be creating it too. */
function ensureSystemUsers(names: readonly string[]): void {
  for (const name of names) {
    if (hasUser(name)) continue;
    try {
      execFileSync('useradd', ['--system', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', name], { stdio: 'pipe' });
    } catch (err) {
      if (!hasUser(name)) throw new Error(`cannot create system user ${name}: ${(err as Error).message}`);
    }
  }
}

function uidGid(name: string): { uid: number; gid: number } {
  const line = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).trim().split(':');
  return { uid: Number(line[2]), gid: Number(line[3]) };
}

export async function startDovecot(): Promise<TestDovecot> {
  const version = dovecotVersion();
  const root = process.getuid?.() === 0;
  const me = userInfo().username;
  if (root) ensureSystemUsers(['dovecot', 'dovenull']);
  const dir = await mkdtemp(path.join(tmpdir(), 'intake-dovecot-'));
  // Dovecot's unprivileged processes must be able to reach their sockets and the maildir.
  await chmod(dir, 0o755);
  const mailUser = root ? 'dovecot' : me;
  await mkdir(path.join(dir, 'mail'), { recursive: true });
  if (root) {
    const { uid, gid } = uidGid(mailUser);
    await chown(path.join(dir, 'mail'), uid, gid);
  }
  const port = await freePort();
  const user = 'intake';
  const password = randomBytes(12).toString('hex');
  const layout: DovecotLayout = {
    dir,
    port,
    passwdFile: path.join(dir, 'passwd'),
    mailUser,
    internalUser: root ? 'dovecot' : me,
    loginUser: root ? 'dovenull' : me,
  };
  await writeFile(layout.passwdFile, `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
  const confFile = path.join(dir, 'dovecot.conf');
  await writeFile(confFile, dovecotConfig(version.parts, layout));

  let child: Child | null = null;
  const start = async (): Promise<void> => {
    const c = startChild('dovecot', ['-F', '-c', confFile], { group: true });
    child = c;
    await waitFor(`dovecot on port ${port}`, async () => {
      if (c.process.exitCode !== null) throw new Error(`dovecot exited: ${c.output()} ${await readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '')}`);
      return greets(port, '* OK');
    }, 30_000, 100);
  };
  const stop = async (): Promise<void> => {
    const c = child;
    child = null;
    if (c) await c.stop(10_000);
  };
  await start();
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    version: version.text,
    start,
    restart: async () => {
      await stop();
      await start();
    },
    restartMaster: async () => {
      const c = child;
      child = null;
      if (c) {
        c.process.kill('SIGTERM');
        await c.exited;
      }
      await start();
    },
    async stop() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
    log: () => readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => ''),
  };
}
