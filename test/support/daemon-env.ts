// The environment that points a daemon (poller, worker, `intake` commands) at a throw-away Redis and
// Dovecot: shared by the integration tests' worlds and the daemon bench, which add their own tuning.
export interface DaemonEnvParts {
  dataDir: string;
  mailbox: string;
  queueName: string;
  redis: { url: string };
  dovecot: { host: string; port: number; user: string; password: string };
}

export function daemonEnv({ dataDir, mailbox, queueName, redis, dovecot }: DaemonEnvParts): Record<string, string> {
  return {
    INTAKE_DATA_DIR: dataDir,
    INTAKE_IMAP_HOST: dovecot.host,
    INTAKE_IMAP_PORT: String(dovecot.port),
    INTAKE_IMAP_SECURE: 'false',
    INTAKE_IMAP_USER: dovecot.user,
    INTAKE_IMAP_PASSWORD: dovecot.password,
    INTAKE_IMAP_MAILBOX: mailbox,
    INTAKE_REDIS_URL: redis.url,
    INTAKE_QUEUE: queueName,
  };
}
