// Redis connections for BullMQ. Only src/queue/ imports ioredis or bullmq.
import { Redis } from 'ioredis';

/**
 * One ioredis connection from INTAKE_REDIS_URL. `maxRetriesPerRequest: null` is what BullMQ
 * requires of the connections it blocks on: a worker waiting for jobs must ride out a Redis restart
 * instead of failing its blocking command after a few retries.
 */
export function redisConnection(url: string, name: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    connectionName: name,
    // Reconnect with a capped backoff; ioredis' default grows to 2 s, which is fine for a daemon.
    retryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 5), 5_000),
  });
}
