// Who may read the live page. It lists applicants' names, phone numbers and e-mail addresses: bound
// to anything but loopback it needs a token, and with a token every request must carry it.
import { createHash, timingSafeEqual } from 'node:crypto';
import { ConfigError, isLoopback, type Config } from '../config/env.js';

/** Guessing a shorter token over the network is within reach; 16 characters of a random token is not. */
export const MIN_TOKEN_LENGTH = 16;

export type ServeAccess = Pick<Config['serve'], 'host' | 'token'>;

/** Throws (naming the variable) unless the bind address and token are safe together. */
export function assertServeAccess({ host, token }: ServeAccess): void {
  if (isLoopback(host)) return;
  if (!token) {
    throw new ConfigError(
      'INTAKE_SERVE_TOKEN',
      `is required when INTAKE_SERVE_HOST is not a loopback address (it is "${host}"); set INTAKE_SERVE_TOKEN, or bind INTAKE_SERVE_HOST to 127.0.0.1`,
    );
  }
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError('INTAKE_SERVE_TOKEN', `must be at least ${MIN_TOKEN_LENGTH} characters when INTAKE_SERVE_HOST is not a loopback address`);
  }
}

// Comparing digests keeps the comparison constant-time whatever the lengths.
function sameSecret(given: string, token: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * `Authorization: Bearer <token>` for scripts, or basic auth with the token as the password (any user
 * name) so that a browser can open the page: it asks once and sends the credentials on every request.
 */
export function isAuthorized(header: string | undefined, token: string): boolean {
  const match = /^(Bearer|Basic)\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const [, scheme, credentials] = match as unknown as [string, string, string];
  if (scheme.toLowerCase() === 'bearer') return sameSecret(credentials, token);
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && sameSecret(decoded.slice(colon + 1), token);
}
