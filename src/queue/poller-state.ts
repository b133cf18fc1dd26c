// The poller's checkpoint and health, kept in Redis under "<INTAKE_QUEUE>:poller" so that
// `intake status` can show them from any host. Redis is never the only record of what was
// processed: the done mark in the mailbox and the store's sha256 are. Losing this hash only costs
// one full re-scan of the mailbox.
import type { Redis } from 'ioredis';

export type ConnectionState = 'starting' | 'connecting' | 'connected' | 'disconnected' | 'stopped';

export interface Checkpoint {
  mailbox: string;
  uidValidity: string;
  /** Every message with a UID up to this one has been queued, or was already marked done. */
  queuedThrough: number;
  /**
   * Every message with a UID up to this one was marked done at the last reconcile: the low
   * watermark, which never moves past a message that has not been processed.
   */
  doneThrough: number;
}

export interface PollerHealth {
  connection: ConnectionState;
  /** 'idle' (server pushes new mail, RFC 2177) or 'poll' (server has no IDLE). */
  mode: 'idle' | 'poll' | null;
  since: string | null;
  /** Last check (incremental or reconcile) that completed. */
  lastCheckAt: string | null;
  lastReconcileAt: string | null;
  /** Messages not marked done at the last reconcile. */
  pendingAtReconcile: number | null;
  lastError: string | null;
  /** Refreshed by a running poller at least every heartbeat period. */
  heartbeatAt: string | null;
  pid: number | null;
  host: string | null;
}

export interface PollerSnapshot {
  checkpoint: Checkpoint | null;
  health: PollerHealth;
}

export class PollerState {
  readonly key: string;

  constructor(
    private readonly redis: Redis,
    queueName: string,
  ) {
    this.key = `${queueName}:poller`;
  }

  async checkpoint(mailbox: string): Promise<Checkpoint | null> {
    const h = await this.redis.hgetall(this.key);
    if (!h.uidValidity || h.mailbox !== mailbox) return null;
    return {
      mailbox,
      uidValidity: h.uidValidity,
      queuedThrough: Number(h.queuedThrough ?? 0),
      doneThrough: Number(h.doneThrough ?? 0),
    };
  }

  async saveCheckpoint(cp: Checkpoint): Promise<void> {
    await this.redis.hset(this.key, {
      mailbox: cp.mailbox,
      uidValidity: cp.uidValidity,
      queuedThrough: String(cp.queuedThrough),
      doneThrough: String(cp.doneThrough),
    });
  }

  async update(fields: Partial<Record<keyof PollerHealth, string | number | null>>): Promise<void> {
    const set: Record<string, string> = {};
    const del: string[] = [];
    for (const [k, v] of Object.entries(fields)) {
      if (v === null || v === undefined) del.push(k);
      else set[k] = String(v);
    }
    const multi = this.redis.multi();
    if (Object.keys(set).length) multi.hset(this.key, set);
    if (del.length) multi.hdel(this.key, ...del);
    await multi.exec();
  }

  async snapshot(): Promise<PollerSnapshot> {
    const h = await this.redis.hgetall(this.key);
    const str = (k: string): string | null => h[k] ?? null;
    const num = (k: string): number | null => (h[k] === undefined ? null : Number(h[k]));
    return {
      checkpoint: h.uidValidity
        ? {
            mailbox: h.mailbox ?? '',
            uidValidity: h.uidValidity,
            queuedThrough: Number(h.queuedThrough ?? 0),
            doneThrough: Number(h.doneThrough ?? 0),
          }
        : null,
      health: {
        connection: (h.connection as ConnectionState | undefined) ?? 'stopped',
        mode: (h.mode as 'idle' | 'poll' | undefined) ?? null,
        since: str('since'),
        lastCheckAt: str('lastCheckAt'),
        lastReconcileAt: str('lastReconcileAt'),
        pendingAtReconcile: num('pendingAtReconcile'),
        lastError: str('lastError'),
        heartbeatAt: str('heartbeatAt'),
        pid: num('pid'),
        host: str('host'),
      },
    };
  }
}
